package io.ckpt;

import java.util.Arrays;

import io.ckpt.memory.GuestMemory;

/** Byte-for-byte arena comparison for the tools tests. */
public final class ArenaAssertSupport {
    private ArenaAssertSupport() {
    }

    /** Asserts both arenas hold the same bytes, naming the first differing address. */
    public static void assertArenasEqual(GuestMemory expected, GuestMemory actual) {
        if (expected.size() != actual.size()) {
            throw new AssertionError("sizes differ: " + expected.size() + " vs " + actual.size());
        }
        byte[] a = new byte[1 << 16];
        byte[] b = new byte[1 << 16];
        for (long at = 0; at < expected.size(); at += a.length) {
            int n = (int) Math.min(a.length, expected.size() - at);
            expected.getBytes(at, a, 0, n);
            actual.getBytes(at, b, 0, n);
            int m = Arrays.mismatch(a, 0, n, b, 0, n);
            if (m >= 0) {
                throw new AssertionError("arenas differ at 0x" + Long.toHexString(at + m));
            }
        }
    }
}
