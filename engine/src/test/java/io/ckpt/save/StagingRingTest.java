package io.ckpt.save;

import java.util.IdentityHashMap;
import java.util.Map;

import org.agrona.concurrent.MessageHandler;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StagingRingTest {
    private static final int SLOT = 1 << 20;

    @Test
    void shouldAllocateDistinctZeroedRingsInParallelThatCarryWholeSlots() {
        for (int n = 1; n <= 4; n++) {
            StagingRing[] rings = StagingRing.allocate(n, SLOT);
            try {
                assertEquals(n, rings.length);
                Map<Object, Boolean> buffers = new IdentityHashMap<>();
                for (StagingRing ring : rings) {
                    assertNotNull(ring);
                    assertEquals(SLOT, ring.slotSize());
                    assertTrue(buffers.put(ring.buffer(), true) == null, "two rings share a buffer");
                    for (int i = 0; i < ring.buffer().capacity(); i += 4096) {
                        assertEquals(0, ring.buffer().get(i), "ring buffer not zeroed at " + i);
                    }
                    // Every slot of the ring, twice round: claim, fill, commit, read back.
                    for (int round = 0; round < 16; round++) {
                        int at = ring.tryClaim();
                        assertTrue(at >= 0, "no free slot in an empty ring");
                        ring.buffer().put(at, (byte) round);
                        ring.buffer().put(at + SLOT - 1, (byte) ~round);
                        ring.commit(at);
                        int expected = round;
                        int[] seen = {0};
                        MessageHandler check = (type, buffer, index, length) -> {
                            assertEquals(StagingRing.MESSAGE_TYPE, type);
                            assertEquals(SLOT, length);
                            assertEquals((byte) expected, buffer.getByte(index));
                            assertEquals((byte) ~expected, buffer.getByte(index + SLOT - 1));
                            seen[0]++;
                        };
                        // A read stops at the ring's end: a slot that did not fit there left padding,
                        // and the message is at the start, for the next read.
                        int read = ring.ring().read(check);
                        if (read == 0) {
                            read = ring.ring().read(check);
                        }
                        assertEquals(1, read);
                        assertEquals(1, seen[0]);
                    }
                }
            } finally {
                for (StagingRing ring : rings) {
                    ring.close();
                }
            }
        }
    }

    @Test
    void shouldReportAFailedAllocationAndKeepNoThreadWaiting() {
        // A slot of 1 GiB makes a ring of 8 GiB, past what one direct buffer can hold.
        assertThrows(IllegalArgumentException.class, () -> StagingRing.allocate(3, 1 << 30));
        assertFalse(Thread.interrupted());
        StagingRing[] again = StagingRing.allocate(2, SLOT);
        for (StagingRing ring : again) {
            ring.close();
        }
    }
}
