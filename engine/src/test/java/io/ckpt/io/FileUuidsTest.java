package io.ckpt.io;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileUuidsTest {
    @Test
    void shouldMakeDistinctVersionFourUuids() {
        Set<UUID> seen = new HashSet<>();
        int[] ones = new int[128];
        int n = 10_000;
        for (int i = 0; i < n; i++) {
            UUID u = FileUuids.random();
            assertEquals(4, u.version(), u.toString());
            assertEquals(2, u.variant(), u.toString());
            assertTrue(seen.add(u), "repeated " + u);
            for (int bit = 0; bit < 64; bit++) {
                ones[bit] += (int) ((u.getMostSignificantBits() >>> bit) & 1);
                ones[64 + bit] += (int) ((u.getLeastSignificantBits() >>> bit) & 1);
            }
        }
        // The 122 random bits are each set about half the time (the 6 fixed ones never or always).
        int fixed = 0;
        for (int count : ones) {
            if (count == 0 || count == n) {
                fixed++;
            } else {
                assertTrue(count > n * 0.45 && count < n * 0.55, "a random bit set " + count + " times of " + n);
            }
        }
        assertEquals(6, fixed);
    }
}
