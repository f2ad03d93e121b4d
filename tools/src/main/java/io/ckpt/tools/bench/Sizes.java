package io.ckpt.tools.bench;

import java.util.Locale;

/**
 * Byte sizes as users type them: {@code 4096}, {@code 8m}, {@code 256MiB}, {@code 1g},
 * {@code 1GB}. Suffixes are binary (k = 1024) whatever their spelling.
 *
 * <p>Thread-safety: stateless.
 */
public final class Sizes {
    private Sizes() {
    }

    /**
     * @return the number of bytes {@code text} names.
     * @throws IllegalArgumentException if it is not a non-negative size.
     */
    public static long parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (s.endsWith("ib")) {
            s = s.substring(0, s.length() - 2);
        } else if (s.endsWith("b")) {
            s = s.substring(0, s.length() - 1);
        }
        int shift = 0;
        if (!s.isEmpty()) {
            switch (s.charAt(s.length() - 1)) {
                case 'k': shift = 10; break;
                case 'm': shift = 20; break;
                case 'g': shift = 30; break;
                case 't': shift = 40; break;
                default: break;
            }
        }
        if (shift != 0) {
            s = s.substring(0, s.length() - 1);
        }
        long n;
        try {
            n = Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("size='" + text + "' is not a size (examples: 4096, 8m, 256MiB, 1g)");
        }
        if (n < 0 || n > (Long.MAX_VALUE >>> shift)) {
            throw new IllegalArgumentException("size='" + text + "' is out of range");
        }
        return n << shift;
    }

    /** @return {@code bytes} for humans, e.g. {@code 1.00 GiB}, {@code 130.2 MiB}. */
    public static String format(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, v >= 100 ? "%.1f %s" : "%.2f %s", v, units[u]);
    }
}
