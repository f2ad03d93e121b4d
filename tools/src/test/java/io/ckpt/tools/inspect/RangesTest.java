package io.ckpt.tools.inspect;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RangesTest {
    @Test
    void shouldJoinConsecutiveNumbersIntoRuns() {
        assertEquals("3-7, 9, 12-13", Ranges.text(new long[] {3, 4, 5, 6, 7, 9, 12, 13}));
        assertEquals("", Ranges.text(new long[0]));
        assertEquals("5, 4, 10-11", Ranges.text(new int[] {5, 4, 10, 11}), "runs follow the given order");
        assertEquals("4294967295", Ranges.text(new int[] {-1}), "reverse map entries are unsigned");
    }

    @Test
    void shouldWalkTheRunsOfABitSet() {
        BitSet set = new BitSet();
        set.set(0, 3);
        set.set(10);
        set.set(63, 65);
        List<String> runs = new ArrayList<>();
        Ranges.forEach(set, r -> runs.add(r + "/" + r.length()));
        assertEquals(List.of("0-2/3", "10/1", "63-64/2"), runs);
        assertEquals(3, Ranges.count(set));
        assertEquals(0, Ranges.count(new BitSet()));
    }
}
