package io.ckpt.tools.text;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * {@code String.format(Locale.ROOT, ...)} for the few conversions the tools print, with the
 * same output: {@code %s}, {@code %d}, {@code %x}, {@code %X}, {@code %f} and {@code %%},
 * with the flags {@code -} (left-justify), {@code 0} (zero-pad) and {@code ,} (group
 * thousands), a width and, for {@code %f}, a precision.
 *
 * <p>Why not {@code String.format}: a short command runs its formatting once, cold, and the
 * JDK's {@link java.util.Formatter} costs about 1.5 ms per call then (it parses each pattern
 * with a regular expression and loads locale data): 60 calls were 90 ms, a third of
 * {@code ckpt inspect}'s whole run. This is a loop over the pattern.
 *
 * <p>Thread-safety: stateless.
 */
public final class Format {
    private Format() {
    }

    /**
     * @return {@code pattern} with each conversion replaced by the next argument, as
     *         {@code String.format(Locale.ROOT, pattern, args)} would.
     * @throws IllegalArgumentException for a conversion or flag this class does not implement,
     *                                  or too few arguments.
     */
    public static String of(String pattern, Object... args) {
        StringBuilder out = new StringBuilder(pattern.length() + 16 * args.length);
        int next = 0;
        int i = 0;
        int n = pattern.length();
        while (i < n) {
            char c = pattern.charAt(i++);
            if (c != '%') {
                out.append(c);
                continue;
            }
            boolean left = false;
            boolean zero = false;
            boolean group = false;
            for (; i < n; i++) {
                char f = pattern.charAt(i);
                if (f == '-') {
                    left = true;
                } else if (f == '0') {
                    zero = true;
                } else if (f == ',') {
                    group = true;
                } else {
                    break;
                }
            }
            int width = 0;
            while (i < n && Character.isDigit(pattern.charAt(i))) {
                width = width * 10 + (pattern.charAt(i++) - '0');
            }
            int precision = -1;
            if (i < n && pattern.charAt(i) == '.') {
                i++;
                precision = 0;
                while (i < n && Character.isDigit(pattern.charAt(i))) {
                    precision = precision * 10 + (pattern.charAt(i++) - '0');
                }
            }
            if (i >= n) {
                throw new IllegalArgumentException("pattern ends inside a conversion: " + pattern);
            }
            char conversion = pattern.charAt(i++);
            if (conversion == '%') {
                pad(out, "%", width, left, false);
                continue;
            }
            if (conversion == 'n') {
                out.append(System.lineSeparator());
                continue;
            }
            if (next >= args.length) {
                throw new IllegalArgumentException("too few arguments for " + pattern);
            }
            Object arg = args[next++];
            String text;
            switch (conversion) {
                case 's':
                    text = String.valueOf(arg);
                    break;
                case 'd':
                    text = arg == null ? "null" : group ? grouped(((Number) arg).longValue()) : String.valueOf(arg);
                    break;
                case 'x':
                case 'X':
                    text = arg == null ? "null" : hex(arg);
                    if (conversion == 'X') {
                        text = text.toUpperCase(java.util.Locale.ROOT);
                    }
                    break;
                case 'f':
                    text = arg == null ? "null" : fixed(((Number) arg).doubleValue(), precision < 0 ? 6 : precision);
                    break;
                default:
                    throw new IllegalArgumentException("conversion %" + conversion + " is not implemented: " + pattern);
            }
            pad(out, text, width, left, zero && arg != null && conversion != 's');
        }
        return out.toString();
    }

    /** @return {@code v} rounded half-up to {@code decimals} places, as {@code %.Nf} prints it. */
    public static String fixed(double v, int decimals) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Infinity" : "-Infinity";
        }
        // The Formatter rounds the shortest decimal that names the double (Double.toString), not its exact value.
        String s = new BigDecimal(Double.toString(v)).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
        // A negative value that rounds to zero keeps its sign, as in the Formatter ("-0.00").
        boolean negative = v < 0 || v == 0 && 1 / v < 0;
        return negative && !s.startsWith("-") ? "-" + s : s;
    }

    /** @return {@code n} with a comma every three digits, e.g. {@code 1,048,576}. */
    public static String grouped(long n) {
        String digits = Long.toString(n);
        int start = n < 0 ? 1 : 0;
        int len = digits.length() - start;
        if (len <= 3) {
            return digits;
        }
        StringBuilder b = new StringBuilder(digits.length() + len / 3);
        b.append(digits, 0, start);
        int first = len % 3 == 0 ? 3 : len % 3;
        b.append(digits, start, start + first);
        for (int i = start + first; i < digits.length(); i += 3) {
            b.append(',').append(digits, i, i + 3);
        }
        return b.toString();
    }

    private static String hex(Object arg) {
        if (arg instanceof Long) {
            return Long.toHexString((Long) arg);
        }
        if (arg instanceof Integer) {
            return Integer.toHexString((Integer) arg);
        }
        if (arg instanceof Short) {
            return Integer.toHexString(((Short) arg) & 0xFFFF);
        }
        if (arg instanceof Byte) {
            return Integer.toHexString(((Byte) arg) & 0xFF);
        }
        throw new IllegalArgumentException("%x needs an integer, not " + arg.getClass().getName());
    }

    private static void pad(StringBuilder out, String text, int width, boolean left, boolean zero) {
        int fill = width - text.length();
        if (fill <= 0) {
            out.append(text);
        } else if (left) {
            out.append(text);
            repeat(out, ' ', fill);
        } else if (zero) {
            int sign = text.startsWith("-") ? 1 : 0;
            out.append(text, 0, sign);
            repeat(out, '0', fill);
            out.append(text, sign, text.length());
        } else {
            repeat(out, ' ', fill);
            out.append(text);
        }
    }

    private static void repeat(StringBuilder out, char c, int count) {
        for (int k = 0; k < count; k++) {
            out.append(c);
        }
    }
}
