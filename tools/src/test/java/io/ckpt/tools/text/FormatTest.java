package io.ckpt.tools.text;

import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@link Format} prints what {@link String#format} prints, for every pattern shape the tools use. */
class FormatTest {
    private static final long SEED = Long.getLong("ckpt.test.seed", 20261206L);

    private static void same(String pattern, Object... args) {
        assertEquals(String.format(Locale.ROOT, pattern, args), Format.of(pattern, args), pattern + " (seed=" + SEED + ")");
    }

    @Test
    void shouldMatchStringFormatOnSeededValues() {
        SplittableRandom r = new SplittableRandom(SEED);
        String[] integerPatterns = {"%d", "%,d", "%12d", "%-12d|", "%,14d", "%08d", "0x%x", "0x%08x", "0x%016x", "%X", "%02x",
            "#%d %-20s", "%3d%%"};
        for (int k = 0; k < 20_000; k++) {
            long v = switch (k % 4) {
                case 0 -> r.nextLong();
                case 1 -> r.nextLong(1_000_000_000_000L);
                case 2 -> r.nextInt(2000) - 1000;
                default -> r.nextInt();
            };
            for (String p : integerPatterns) {
                if (p.contains("%-20s")) {
                    same(p, v, "name" + k);
                } else if (p.contains("x") || p.contains("X")) {
                    same(p, v);
                    same(p, (int) v);
                } else {
                    same(p, v);
                    same(p, (int) v);
                }
            }
            double d = switch (k % 3) {
                case 0 -> r.nextDouble() * 100;
                case 1 -> r.nextInt(100_000) / 1000.0;   // many halves at the last place
                default -> r.nextDouble() * 1e9;
            };
            for (String p : new String[] {"%.0f", "%.1f", "%.2f", "%.3f", "%.1f%%", "%.2f %s", "%6.1f", "%f"}) {
                if (p.contains("%s")) {
                    same(p, d, "GiB");
                } else {
                    same(p, d);
                }
            }
        }
        for (double d : new double[] {0.125, 0.375, 1.005, 2.675, 1.0E10, 123456789.5, 0.05, 0.95, 99.995, 0, -0.0, -0.001,
            -2.5, -1234.5678}) {
            same("%.2f", d);
            same("%.1f", d);
            same("%.0f", d);
        }
    }

    @Test
    void shouldMatchStringFormatOnStringsAndLiterals() {
        same("%-17s %s", "key", "value");
        same("%-17s %-10s %11s  %-10s  %s", "structure", "offset", "bytes", "crc32c", "ok");
        same("%s", (Object) null);
        same("100%% done");
        same("  %-13s %11s  %s", "lz4", "1,234", "####");
        same("\\x%02x", 7);
    }

    @Test
    void shouldRefuseWhatItDoesNotImplement() {
        assertThrows(IllegalArgumentException.class, () -> Format.of("%e", 1.0));
        assertThrows(IllegalArgumentException.class, () -> Format.of("%d %d", 1));
    }

    @Test
    void shouldGroupThousands() {
        assertEquals("0", Format.grouped(0));
        assertEquals("999", Format.grouped(999));
        assertEquals("1,000", Format.grouped(1000));
        assertEquals("-1,048,576", Format.grouped(-1048576));
        assertEquals("-9,223,372,036,854,775,808", Format.grouped(Long.MIN_VALUE));
    }
}
