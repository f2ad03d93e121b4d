package io.ckpt;

import java.util.Arrays;

import io.ckpt.memory.GuestMemory;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Byte-for-byte comparison of two arenas, naming the first differing address. */
public final class ArenaAssert {
    private ArenaAssert() {
    }

    /** Asserts {@code actual} equals {@code expected} in every byte; reads through the accessors. */
    public static void assertArenasEqual(GuestMemory expected, GuestMemory actual, String context) {
        assertEquals(expected.size(), actual.size(), "arena sizes (" + context + ")");
        byte[] a = new byte[1 << 16];
        byte[] b = new byte[1 << 16];
        for (long at = 0; at < expected.size(); at += a.length) {
            int n = (int) Math.min(a.length, expected.size() - at);
            expected.getBytes(at, a, 0, n);
            actual.getBytes(at, b, 0, n);
            int mismatch = Arrays.mismatch(a, 0, n, b, 0, n);
            if (mismatch >= 0) {
                throw new AssertionError("arenas differ at 0x" + Long.toHexString(at + mismatch) + " (" + context + ")");
            }
        }
    }
}
