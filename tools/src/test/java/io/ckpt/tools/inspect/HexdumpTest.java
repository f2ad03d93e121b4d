package io.ckpt.tools.inspect;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link Hexdump} prints what {@code hexdump -C} prints for the same bytes. */
class HexdumpTest {
    private static String dump(byte[] bytes, int from, int length, long base) {
        StringWriter s = new StringWriter();
        PrintWriter out = new PrintWriter(s);
        Hexdump.dump(out, ByteBuffer.wrap(bytes), from, length, base);
        out.flush();
        return s.toString();
    }

    @Test
    void shouldPrintOffsetHexInTwoGroupsAndAsciiLikeHexdumpC() {
        byte[] b = "CKPT\r\n\u001a\n\u0001\u0000\u0000\u0000\u0080\u0000\u0000\u0000Hello, world!~\u007f"
            .getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(""
            + "00000000  43 4b 50 54 0d 0a 1a 0a  01 00 00 00 80 00 00 00  |CKPT............|\n"
            + "00000010  48 65 6c 6c 6f 2c 20 77  6f 72 6c 64 21 7e 7f     |Hello, world!~.|\n"
            + "0000001f\n", dump(b, 0, b.length, 0));
    }

    @Test
    void shouldCollapseRepeatedLinesIntoOneStar() {
        byte[] b = new byte[80];
        b[70] = 'x';
        assertEquals(""
            + "00030000  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|\n"
            + "*\n"
            + "00030040  00 00 00 00 00 00 78 00  00 00 00 00 00 00 00 00  |......x.........|\n"
            + "00030050\n", dump(b, 0, b.length, 0x30000));
    }

    @Test
    void shouldDumpASliceWithWiderOffsetsWhenTheyNeedThem() {
        byte[] b = new byte[48];
        b[32] = 1;
        assertEquals(""
            + "200000000  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|\n"
            + "200000010  01 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|\n"
            + "200000020\n", dump(b, 16, 32, 0x2_0000_0000L));
        assertEquals("0000000a\n", dump(b, 0, 0, 10));
    }

    @Test
    void shouldPrintHexWithoutSeparators() {
        assertEquals("00ff7f", Hexdump.hex(ByteBuffer.wrap(new byte[] {9, 0, -1, 127}), 1, 3));
    }
}
