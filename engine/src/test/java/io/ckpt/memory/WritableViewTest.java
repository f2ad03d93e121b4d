package io.ckpt.memory;

import java.nio.file.Path;

import io.ckpt.ArenaAssert;
import io.ckpt.Checkpoints;
import io.ckpt.restore.lazy.LazyRestore;
import io.ckpt.restore.lazy.LazyRestoreOptions;
import io.ckpt.restore.lazy.Neighbours;
import io.ckpt.restore.lazy.Prefetch;
import io.ckpt.save.PendingCheckpoint;
import io.ckpt.save.SaveOptions;
import io.ckpt.workload.ArenaFiller;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WritableViewTest {
    private static final long SIZE = 8L << 20;
    private static final int SLAB = 4 << 20;
    private static final int BLOCK = 64 << 10;

    @TempDir
    Path dir;

    @Test
    void shouldWriteTheArenaAndMarkItsBlocksDirtyForTheNextIncrementalSave() throws Exception {
        try (GuestMemory memory = GuestMemory.allocate(SIZE, SLAB);
             GuestMemory back = GuestMemory.allocate(SIZE, SLAB)) {
            ArenaFiller.fill(memory, ArenaFiller.Profile.MIXED, 3);
            Path base = dir.resolve("base.ckpt");
            Checkpoints.save(memory, base);
            // Two blocks and a bit, at an odd offset inside the second slab.
            long at = SLAB + 3L * BLOCK + 100;
            UnsafeBuffer view = memory.writableView(at, 2 * BLOCK + 10);
            assertEquals(2 * BLOCK + 10, view.capacity());
            for (int i = 0; i + 8 <= view.capacity(); i += 8) {
                view.putLong(i, 0x1111_0000_0000_0000L + i);
            }
            assertEquals(0x1111_0000_0000_0000L + 8, memory.getLong(at + 8), "the view writes the arena");
            assertEquals(view.getLong(16), memory.getLong(at + 16));
            assertTrue(memory.tracking().snapshotDirty(false).get((int) ((at + BLOCK) / BLOCK)),
                "a claimed block is dirty");
            Path inc = dir.resolve("inc.ckpt");
            Checkpoints.save(memory, inc, SaveOptions.defaults().withParent(base));
            Checkpoints.restore(inc, back);
            ArenaAssert.assertArenasEqual(memory, back, "incremental save after writes through a view");
        }
    }

    @Test
    void shouldBeRevokedByTheNextCheckpointAndByClose() throws Exception {
        try (GuestMemory memory = GuestMemory.allocate(SIZE, SLAB)) {
            UnsafeBuffer view = memory.writableView(0, BLOCK);
            view.putLong(0, 42);
            Checkpoints.save(memory, dir.resolve("a.ckpt"));
            assertEquals(0, view.capacity(), "a checkpoint's begin revokes the views");
            assertThrows(IndexOutOfBoundsException.class, () -> view.putLong(0, 1));
            assertEquals(42, memory.getLong(0));
            UnsafeBuffer again = memory.writableView(0, BLOCK);
            again.putLong(8, 7);
            memory.close();
            assertThrows(IndexOutOfBoundsException.class, () -> again.getLong(8), "close revokes the views");
            assertThrows(IllegalStateException.class, () -> memory.writableView(0, BLOCK));
        }
    }

    @Test
    void shouldPreserveTheBytesAtBeginWhenClaimedDuringALazyCheckpoint() throws Exception {
        try (GuestMemory memory = GuestMemory.allocate(SIZE, SLAB);
             GuestMemory atBegin = GuestMemory.allocate(SIZE, SLAB);
             GuestMemory back = GuestMemory.allocate(SIZE, SLAB)) {
            ArenaFiller.fill(memory, ArenaFiller.Profile.MIXED, 5);
            ArenaFiller.fill(atBegin, ArenaFiller.Profile.MIXED, 5);
            UnsafeBuffer stale = memory.writableView(0, BLOCK);
            Path file = dir.resolve("lazy.ckpt");
            // Slow enough that the compressors have not reached the claimed blocks when they are claimed.
            try (PendingCheckpoint c = PendingCheckpoint.prepare(memory, file,
                SaveOptions.defaults().withRateLimit(4L << 20).withCompressors(1))) {
                c.begin();
                assertThrows(IndexOutOfBoundsException.class, () -> stale.putLong(0, 1),
                    "a view from before the lazy checkpoint is revoked by its begin");
                for (long b = SIZE / BLOCK - 1; b >= SIZE / BLOCK - 8; b--) {
                    UnsafeBuffer view = memory.writableView(b * BLOCK, BLOCK);
                    for (int i = 0; i < BLOCK; i += 8) {
                        view.putLong(i, ~view.getLong(i));
                    }
                }
                c.await();
            }
            Checkpoints.restore(file, back);
            ArenaAssert.assertArenasEqual(atBegin, back, "the lazy checkpoint holds the arena as of begin");
            for (long a = SIZE - 8L * BLOCK; a < SIZE; a += 8) {
                assertEquals(~atBegin.getLong(a), memory.getLong(a), "the view's write at " + a);
            }
        }
    }

    @Test
    void shouldInstallClaimedBlocksOfALazyRestore() throws Exception {
        try (GuestMemory source = GuestMemory.allocate(SIZE, SLAB);
             GuestMemory target = GuestMemory.allocate(SIZE, SLAB)) {
            ArenaFiller.fill(source, ArenaFiller.Profile.MIXED, 9);
            Path file = dir.resolve("src.ckpt");
            Checkpoints.save(source, file);
            try (LazyRestore r = LazyRestore.start(file, target,
                LazyRestoreOptions.defaults().withPrefetch(Prefetch.NONE).withNeighbours(Neighbours.NONE))) {
                long at = 5L * BLOCK;
                UnsafeBuffer view = target.writableView(at, BLOCK);
                for (int i = 0; i < BLOCK; i += 8) {
                    assertEquals(source.getLong(at + i), view.getLong(i), "the claimed block was installed: " + i);
                }
                view.putLong(0, 99);
                assertFalse(r.isComplete());
                for (long p = 0; p < SIZE; p += GuestMemory.PAGE_SIZE) {
                    target.getByte(p);
                }
                r.awaitCompletion();
                assertEquals(99, target.getLong(at), "the restore did not overwrite the view's write");
                source.putLong(at, 99);
                ArenaAssert.assertArenasEqual(source, target, "lazy restore with a claimed block");
            }
        }
    }

    @Test
    void shouldRefuseBadRanges() {
        try (GuestMemory memory = GuestMemory.allocate(SIZE, SLAB)) {
            assertThrows(IllegalArgumentException.class, () -> memory.writableView(SLAB - 8, 16), "across a slab edge");
            assertThrows(IllegalArgumentException.class, () -> memory.writableView(0, 0));
            assertThrows(IndexOutOfBoundsException.class, () -> memory.writableView(SIZE - 8, 16));
            assertThrows(IndexOutOfBoundsException.class, () -> memory.writableView(-1, 8));
            UnsafeBuffer view = memory.writableView(0, 64);
            assertThrows(IndexOutOfBoundsException.class, () -> view.putLong(60, 1), "the view's own bounds");
        }
    }
}
