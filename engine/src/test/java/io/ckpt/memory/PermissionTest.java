package io.ckpt.memory;

import java.util.BitSet;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The accessors' permission bytes against the tracking bits they stand for: a block's first read
 * or write after its bits were cleared records them, whatever the tracking granularity (the
 * permissions are per 64 KiB; finer and coarser tracking blocks go out of line), and a guard sees
 * the first access to every block after its install, also of blocks the host had already touched.
 */
class PermissionTest {
    private static final long ARENA = 8L << 20;

    @Test
    void shouldRecordFirstTouchesAtEveryTrackingGranularity() {
        for (int tb : new int[] {4 << 10, 64 << 10, 1 << 20}) {
            recordFirstTouches(tb, true);
            recordFirstTouches(tb, false);
        }
    }

    /** Reads set accessed bits only with read tracking on; writes set dirty and accessed bits either way. */
    private static void recordFirstTouches(int tb, boolean reads) {
        try (GuestMemory m = GuestMemory.allocate(ARENA, 1 << 20, tb)) {
            String ctx = "tracking block " + tb + (reads ? ", reads tracked" : ", reads not tracked");
            m.tracking().setReadTracking(reads);
            m.tracking().reset(null);
            m.putLong(3 * tb + 8, 1);
            m.getLong(5L * tb + 16);
            m.putInt((1 << 20) - 2, 7);                  // straddles a slab edge (and a block edge)
            m.getBytes(2L << 20, new byte[3 * tb], 0, 3 * tb);
            BitSet dirty = new BitSet();
            dirty.set(3);
            dirty.set((1 << 20) / tb - 1, (1 << 20) / tb + 1);
            assertEquals(dirty, m.tracking().snapshotDirty(false), ctx);
            BitSet accessed = (BitSet) dirty.clone();
            if (reads) {
                accessed.set(5);
                accessed.set((2 << 20) / tb, (2 << 20) / tb + 3);
            }
            assertEquals(accessed, m.tracking().snapshotAccessed(false), ctx);

            // Cleared bits are recorded again at the next touch, through granted permissions too.
            for (int i = 0; i < 3; i++) {
                m.tracking().snapshotDirty(true);
                m.tracking().snapshotAccessed(true);
                m.putLong(3 * tb + 8, i);
                m.getLong(5L * tb + 16);
                BitSet d = new BitSet();
                d.set(3);
                assertEquals(d, m.tracking().snapshotDirty(false), ctx + " round " + i);
                if (reads) {
                    d.set(5);
                }
                assertEquals(d, m.tracking().snapshotAccessed(false), ctx + " round " + i);
            }
            assertEquals(2, m.getLong(3 * tb + 8), ctx);
            assertEquals(7, m.getInt((1 << 20) - 2), ctx);
        }
    }

    /** Counts the blocks it was called for; settles every block at once. */
    private static final class CountingGuard extends AccessGuard {
        final BitSet reads = new BitSet();
        final BitSet writes = new BitSet();

        CountingGuard() {
        }

        CountingGuard(boolean readsFree) {
            super(readsFree);
        }

        @Override
        public void beforeRead(long address, long length) {
            reads.set((int) (address >>> 16), (int) ((address + length - 1) >>> 16) + 1);
        }

        @Override
        public void beforeWrite(long address, long length) {
            writes.set((int) (address >>> 16), (int) ((address + length - 1) >>> 16) + 1);
        }

        @Override
        protected boolean readSettled(long address, long length) {
            return true;
        }

        @Override
        protected boolean writeSettled(long address, long length) {
            return true;
        }
    }

    @Test
    void shouldCallAnInstalledGuardOnceForEveryBlockAlsoWhereTheHostHadPermissions() {
        try (GuestMemory m = GuestMemory.allocate(ARENA, 1 << 20)) {
            for (long a = 0; a < ARENA; a += 4096) {
                m.putLong(a, a);                               // every block granted read and write
            }
            CountingGuard g = new CountingGuard();
            m.installGuard(g);
            for (int round = 0; round < 2; round++) {
                for (long a = 8; a < ARENA; a += 4096) {
                    m.getLong(a);
                    m.putLong(a, a + round);
                }
            }
            BitSet all = new BitSet();
            all.set(0, (int) (ARENA >>> 16));
            assertEquals(all, g.reads, "reads that reached the guard");
            assertEquals(all, g.writes, "writes that reached the guard");
            m.removeGuard(g);
            assertNull(m.guard());
            int before = g.reads.cardinality();
            m.getLong(16);
            m.putLong(16, 1);
            assertEquals(before, g.reads.cardinality(), "a removed guard was called");
            assertEquals(1, m.getLong(16));
        }
    }

    @Test
    void shouldSendEveryKindOfReadToAGuardThatSeesReadsAndNoneToOneThatDoesNot() {
        try (GuestMemory m = GuestMemory.allocate(ARENA, 1 << 20)) {
            int blocks = (int) (ARENA >>> 16);
            for (int round = 0; round < 3; round++) {
                for (int b = 0; b < blocks; b++) {
                    readOnce(m, b, b % 5);                        // unchecked reads first: no permission granted
                }
                CountingGuard g = new CountingGuard(round == 1);   // round 1: a guard whose reads are free
                m.installGuard(g);
                for (int b = 0; b < blocks; b++) {
                    readOnce(m, b, (b + round) % 5);
                }
                BitSet expected = new BitSet();
                if (round != 1) {
                    expected.set(0, blocks);
                }
                assertEquals(expected, g.reads, "round " + round + ": blocks whose first read reached the guard");
                assertTrue(g.writes.isEmpty(), "round " + round + ": no writes");
                m.removeGuard(g);
                for (int b = 0; b < blocks; b++) {
                    readOnce(m, b, b % 5);
                }
                assertEquals(expected, g.reads, "round " + round + ": a removed guard was called");
            }
        }
        GuestMemory closed = GuestMemory.allocate(ARENA, 1 << 20);
        closed.close();
        for (int kind = 0; kind < 5; kind++) {
            int k = kind;
            assertThrows(IllegalStateException.class, () -> readOnce(closed, 0, k), "read kind " + kind + " after close");
        }
    }

    /** Reads block {@code b} with one of the five read accessors ({@code kind} 0-4), at an unaligned address. */
    private static void readOnce(GuestMemory m, int b, int kind) {
        long a = ((long) b << 16) + 4093;
        switch (kind) {
            case 0:
                m.getByte(a);
                break;
            case 1:
                m.getInt(a);
                break;
            case 2:
                m.getLong(a);
                break;
            case 3:
                m.getBytes(a, new byte[100], 0, 100);
                break;
            default:
                m.getBytes(a, java.nio.ByteBuffer.allocate(100));
                break;
        }
    }
}
