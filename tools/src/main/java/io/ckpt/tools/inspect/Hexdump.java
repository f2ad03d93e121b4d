package io.ckpt.tools.inspect;

import io.ckpt.tools.text.Format;

import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A canonical hex dump, as {@code hexdump -C} prints it: per line the offset, 16 bytes in hex
 * (two groups of 8), and the printable ASCII between bars; a run of lines identical to the
 * one before is shown as one {@code *}; the last line is the offset just past the end.
 * Offsets are printed from {@code base} (a guest address), at least 8 hex digits, more when the
 * largest offset needs them, so every line of one dump has the same width.
 *
 * <p>Thread-safety: stateless.
 */
public final class Hexdump {
    static final int LINE = 16;

    private Hexdump() {
    }

    /**
     * Dumps {@code length} bytes of {@code data} from index {@code from}, labelled with offsets
     * from {@code base}.
     */
    static void dump(PrintWriter out, ByteBuffer data, int from, int length, long base) {
        int digits = Math.max(8, 64 - Long.numberOfLeadingZeros(base + length) + 3 >> 2);
        String offsetFormat = "%0" + digits + "x";
        byte[] line = new byte[LINE];
        byte[] previous = null;
        boolean starred = false;
        StringBuilder b = new StringBuilder(80);
        for (int at = 0; at < length; at += LINE) {
            int n = Math.min(LINE, length - at);
            byte[] current = n == LINE ? line : new byte[n];
            data.get(from + at, current, 0, n);
            if (previous != null && n == LINE && Arrays.equals(current, previous)) {
                if (!starred) {
                    out.println("*");
                    starred = true;
                }
                continue;
            }
            starred = false;
            b.setLength(0);
            b.append(Format.of(offsetFormat, base + at)).append(' ');
            for (int i = 0; i < LINE; i++) {
                b.append(i == 8 ? "  " : " ");
                if (i < n) {
                    b.append(Character.forDigit((current[i] >> 4) & 0xF, 16)).append(Character.forDigit(current[i] & 0xF, 16));
                } else {
                    b.append("  ");
                }
            }
            b.append("  |");
            for (int i = 0; i < n; i++) {
                int c = current[i] & 0xFF;
                b.append(c >= 0x20 && c < 0x7F ? (char) c : '.');
            }
            b.append('|');
            out.println(b);
            if (previous == null || previous.length != LINE) {
                previous = new byte[LINE];
            }
            if (n == LINE) {
                System.arraycopy(current, 0, previous, 0, LINE);
            }
        }
        out.println(Format.of(offsetFormat, base + length));
    }

    /** @return {@code length} bytes of {@code data} from index {@code from} as lower-case hex, no separators. */
    static String hex(ByteBuffer data, int from, int length) {
        StringBuilder b = new StringBuilder(length * 2);
        for (int i = 0; i < length; i++) {
            int v = data.get(from + i) & 0xFF;
            b.append(Character.forDigit(v >> 4, 16)).append(Character.forDigit(v & 0xF, 16));
        }
        return b.toString();
    }
}
