package io.ckpt.tools.cli;

import java.util.Locale;


/**
 * A guest address as typed: {@code 0x7f000} (hexadecimal) or {@code 520192} (decimal);
 * underscores are ignored.
 *
 * <p>Thread-safety: stateless.
 */
final class GuestAddress {
    private GuestAddress() {
    }

    /**
     * @return the address {@code value} names.
     * @throws IllegalArgumentException if it is not a non-negative address.
     */
    static long parse(String value) {
        String s = value.trim().toLowerCase(Locale.ROOT).replace("_", "");
        try {
            long v = s.startsWith("0x") ? Long.parseUnsignedLong(s.substring(2), 16) : Long.parseLong(s);
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not a guest address (examples: 0x7f000, 520192)");
        }
    }
}
