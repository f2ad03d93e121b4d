package io.ckpt;

import io.ckpt.memory.GuestMemory;

/** Short names for {@link ArenaAssert} in this package's tests. Thread-safety: stateless. */
final class Arenas {
    private Arenas() {
    }

    /** @return the first address where the arenas differ, or -1 if they are equal (sizes included). */
    static long mismatch(GuestMemory expected, GuestMemory actual) {
        return ArenaAssert.mismatch(expected, actual);
    }

    static void assertEqual(GuestMemory expected, GuestMemory actual, String context) {
        ArenaAssert.assertArenasEqual(expected, actual, context);
    }
}
