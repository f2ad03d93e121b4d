package io.ckpt;

import java.util.Arrays;

import io.ckpt.memory.GuestMemory;

/** Arena comparison for tests. Thread-safety: stateless. */
final class Arenas {
    private Arenas() {
    }

    /** @return the first address where the arenas differ, or -1 if they are equal (sizes included). */
    static long mismatch(GuestMemory expected, GuestMemory actual) {
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

    static void assertEqual(GuestMemory expected, GuestMemory actual, String context) {
        long m = mismatch(expected, actual);
        if (m >= 0) {
            throw new AssertionError("arenas differ at 0x" + Long.toHexString(m) + " (" + context + ")");
        }
    }
}
