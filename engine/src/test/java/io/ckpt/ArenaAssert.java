package io.ckpt;

import java.util.Arrays;

import io.ckpt.memory.GuestMemory;

/** Byte-for-byte comparison of two arenas through their accessors. Thread-safety: stateless. */
public final class ArenaAssert {
    private ArenaAssert() {
    }

    /** @return the first address where the arenas differ, or -1 if they are equal (sizes included). */
    public static long mismatch(GuestMemory expected, GuestMemory actual) {
        if (expected.size() != actual.size()) {
            return Math.min(expected.size(), actual.size());
        }
        byte[] a = new byte[1 << 16];
        byte[] b = new byte[1 << 16];
        for (long at = 0; at < expected.size(); at += a.length) {
            int n = (int) Math.min(a.length, expected.size() - at);
            expected.getBytes(at, a, 0, n);
            actual.getBytes(at, b, 0, n);
            int m = Arrays.mismatch(a, 0, n, b, 0, n);
            if (m >= 0) {
                return at + m;
            }
        }
        return -1;
    }

    /** Asserts {@code actual} equals {@code expected} in every byte, naming the first differing address. */
    public static void assertArenasEqual(GuestMemory expected, GuestMemory actual, String context) {
        if (expected.size() != actual.size()) {
            throw new AssertionError("arena sizes differ: " + expected.size() + " vs " + actual.size() + " (" + context + ")");
        }
        long m = mismatch(expected, actual);
        if (m >= 0) {
            throw new AssertionError("arenas differ at 0x" + Long.toHexString(m) + " (" + context + ")");
        }
    }
}
