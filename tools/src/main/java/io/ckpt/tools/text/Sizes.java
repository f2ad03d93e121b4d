package io.ckpt.tools.text;

import java.math.BigDecimal;
import java.util.Locale;


/**
 * Byte sizes for humans: parses {@code 4096}, {@code 64k}, {@code 512m}, {@code 1g},
 * {@code 2GiB} (binary multiples; case-insensitive; an optional {@code b}, {@code ib} or
 * {@code iB} suffix) and formats sizes, rates and durations with a fixed {@link Locale#ROOT}.
 *
 * <p>Thread-safety: stateless.
 */
public final class Sizes {
    private static final String UNITS = "kmgtp";
    private static final String[] NAMES = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB"};

    private Sizes() {
    }

    /**
     * @param text a size such as {@code 4096}, {@code 64k}, {@code 1g}, {@code 1.5g} or {@code 2GiB}.
     * @return the size in bytes.
     * @throws IllegalArgumentException if the text is not a size or is out of range.
     */
    public static long parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT).replace("_", "");
        if (s.endsWith("ib")) {
            s = s.substring(0, s.length() - 2);
        } else if (s.endsWith("b")) {
            s = s.substring(0, s.length() - 1);
        }
        int shift = 0;
        if (!s.isEmpty() && UNITS.indexOf(s.charAt(s.length() - 1)) >= 0) {
            shift = 10 * (1 + UNITS.indexOf(s.charAt(s.length() - 1)));
            s = s.substring(0, s.length() - 1);
        }
        if (s.isEmpty() || !s.matches("[0-9]+(\\.[0-9]+)?")) {
            throw new IllegalArgumentException("'" + text + "' is not a size (examples: 4096, 64k, 512m, 1g)");
        }
        BigDecimal bytes = new BigDecimal(s).multiply(BigDecimal.valueOf(1L << shift));
        if (bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("'" + text + "' is too large");
        }
        if (bytes.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number of bytes");
        }
        return bytes.longValueExact();
    }

    /** @return {@code bytes} in the largest binary unit that keeps it at least 1, e.g. {@code 1.50 GiB}, {@code 812 bytes}. */
    public static String human(long bytes) {
        if (Math.abs(bytes) < 1024) {
            return bytes + " bytes";
        }
        int unit = 0;
        double v = bytes;
        while (Math.abs(v) >= 1024 && unit < NAMES.length - 1) {
            v /= 1024;
            unit++;
        }
        return Format.of("%.2f %s", v, NAMES[unit]);
    }

    /** @return {@code bytes} as a short exact size when it is a whole unit ({@code 64 KiB}), else {@link #human}. */
    public static String exact(long bytes) {
        for (int unit = NAMES.length - 1; unit > 0; unit--) {
            long scale = 1L << (10 * unit);
            if (bytes >= scale && bytes % scale == 0) {
                return bytes / scale + " " + NAMES[unit];
            }
        }
        return bytes + " bytes";
    }

    /** @return {@code bytes} moved in {@code nanos}, as decimal GB/s, or MB/s below 1 GB/s. */
    public static String rate(long bytes, long nanos) {
        if (nanos <= 0) {
            return "n/a";
        }
        double perSecond = bytes * 1e9 / nanos;
        return perSecond >= 1e9
            ? Format.of("%.2f GB/s", perSecond / 1e9)
            : Format.of("%.0f MB/s", perSecond / 1e6);
    }

    /** @return {@code nanos} in seconds with millisecond precision, e.g. {@code 0.512 s}. */
    public static String seconds(long nanos) {
        return Format.of("%.3f s", nanos / 1e9);
    }

    /** @return a duration in milliseconds with three decimals, e.g. {@code 1.234 ms}. */
    public static String millis(long nanos) {
        return Format.of("%.3f ms", nanos / 1e6);
    }

    /** @return a duration in microseconds with one decimal, e.g. {@code 21.5 us}. */
    public static String micros(long nanos) {
        return Format.of("%.1f us", nanos / 1e3);
    }

    /** @return {@code part} as a percentage of {@code whole}, one decimal, e.g. {@code 35.0%}. */
    public static String percent(long part, long whole) {
        return Format.of("%.1f%%", whole == 0 ? 0.0 : part * 100.0 / whole);
    }

    /** @return {@code bytes} short, for tables: {@code 812 B}, {@code 130.2 MiB}, {@code 1.00 GiB}. */
    public static String compact(long bytes) {
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
        return Format.of(v >= 100 ? "%.1f %s" : "%.2f %s", v, units[u]);
    }

    /** @return {@code arena / file} as a ratio, e.g. {@code 2.48:1}. */
    public static String ratio(long arena, long file) {
        return Format.of("%.2f:1", file == 0 ? 0.0 : (double) arena / file);
    }

    /** @return {@code n} with thousands separators, e.g. {@code 1,048,576}. */
    public static String count(long n) {
        return Format.of("%,d", n);
    }
}
