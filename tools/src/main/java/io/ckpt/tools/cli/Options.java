package io.ckpt.tools.cli;

import io.ckpt.tools.text.Sizes;

/**
 * Typed option values shared by several commands: sizes ({@code 64k}, {@code 1g}) and byte
 * rates ({@code 200m} or {@code 200m/s}), each refused with a {@link UsageException} that
 * names the option.
 *
 * <p>Thread-safety: stateless.
 */
final class Options {
    private Options() {
    }

    /** @return option {@code name}'s value as a size in bytes ({@code 4096}, {@code 64k}, {@code 1g}); it must be given. */
    static long size(Args a, String name) throws UsageException {
        try {
            return Sizes.parse(a.get(name));
        } catch (IllegalArgumentException e) {
            throw a.invalid(name, e.getMessage());
        }
    }

    /** @return option {@code name}'s value as a positive byte rate ({@code 200m} or {@code 200m/s}); it must be given. */
    static long rate(Args a, String name) throws UsageException {
        String v = a.get(name);
        String bare = v.endsWith("/s") || v.endsWith("/S") ? v.substring(0, v.length() - 2) : v;
        long bytesPerSecond;
        try {
            bytesPerSecond = Sizes.parse(bare);
        } catch (IllegalArgumentException e) {
            throw a.invalid(name, e.getMessage());
        }
        if (bytesPerSecond <= 0) {
            throw a.invalid(name, "rate " + v + " must be positive");
        }
        return bytesPerSecond;
    }
}
