package io.ckpt.save;

import java.nio.file.Path;
import java.util.concurrent.CancellationException;

import io.ckpt.ArenaAssert;
import io.ckpt.Checkpoints;
import io.ckpt.memory.GuestMemory;
import io.ckpt.workload.ArenaFiller;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PreImagePoolTest {
    private static final long SIZE = 4L << 20;

    @TempDir
    Path dir;

    @Test
    void shouldAllocateOnDemandAndKeepBuffersForTheNextCheckpoint() throws Exception {
        try (GuestMemory memory = GuestMemory.allocate(SIZE, 1 << 20);
             GuestMemory snapshot = GuestMemory.allocate(SIZE, 1 << 20);
             PreImagePool pool = PreImagePool.create(64)) {
            // The rate limit (a block per 8 ms) keeps the compressor well behind the writer, so that
            // the writer's blocks need pre-images however the threads are scheduled.
            SaveOptions options = SaveOptions.defaults().withPreImagePool(pool).withCompressors(1)
                .withRateLimit(8L << 20);
            assertEquals(0, pool.allocatedBuffers(), "nothing allocated before a checkpoint needs it");
            for (int round = 0; round < 3; round++) {
                ArenaFiller.fill(memory, ArenaFiller.Profile.MIXED, 70 + round);
                LazySaveTest.copy(memory, snapshot);
                Path file = dir.resolve("round" + round + ".ckpt");
                try (PendingCheckpoint p = PendingCheckpoint.prepare(memory, file, options)) {
                    p.begin();
                    // One write per block, last block first: the compressor starts at the front.
                    for (long a = SIZE - 8; a > 0; a -= options.blockBytes()) {
                        memory.putLong(a, round * 1000L + a);
                    }
                    SaveStats s = p.await();
                    assertTrue(s.preImages() > 0, "round " + round + ": writes made pre-images");
                }
                try (GuestMemory restored = Checkpoints.restore(file)) {
                    ArenaAssert.assertArenasEqual(snapshot, restored, "round " + round);
                }
                assertTrue(pool.allocatedBuffers() >= 1 && pool.allocatedBuffers() <= 64, pool.toString());
                assertEquals((long) pool.allocatedBuffers() * options.blockBytes(), pool.allocatedBytes());
            }
        }
    }

    @Test
    void shouldRefuseASecondCheckpointAndCloseWhileInUse() throws Exception {
        try (GuestMemory memory = GuestMemory.allocate(SIZE, 1 << 20);
             GuestMemory other = GuestMemory.allocate(SIZE, 1 << 20)) {
            ArenaFiller.fill(memory, ArenaFiller.Profile.MIXED, 3);
            PreImagePool pool = PreImagePool.create(4);
            SaveOptions options = SaveOptions.defaults().withPreImagePool(pool);
            try (PendingCheckpoint p = PendingCheckpoint.prepare(memory, dir.resolve("a.ckpt"), options)) {
                IllegalStateException second = assertThrows(IllegalStateException.class,
                    () -> PendingCheckpoint.prepare(other, dir.resolve("b.ckpt"), options));
                assertTrue(second.getMessage().contains("in use"), second.getMessage());
                IllegalStateException close = assertThrows(IllegalStateException.class, pool::close);
                assertTrue(close.getMessage().contains("running checkpoint"), close.getMessage());
                p.begin();
                p.await();
            }
            // Free again once the checkpoint is over, whatever happened to the refused one.
            try (PendingCheckpoint p = PendingCheckpoint.prepare(other, dir.resolve("b.ckpt"), options)) {
                p.begin();
                p.await();
            }
            pool.close();
            pool.close();   // idempotent
            IllegalStateException closed = assertThrows(IllegalStateException.class,
                () -> PendingCheckpoint.prepare(memory, dir.resolve("c.ckpt"), options));
            assertTrue(closed.getMessage().contains("closed"), closed.getMessage());
            assertEquals(0, pool.allocatedBuffers());
        }
    }

    @Test
    void shouldGetEveryBufferBackFromACancelledCheckpoint() throws Exception {
        try (GuestMemory memory = GuestMemory.allocate(SIZE, 1 << 20);
             PreImagePool pool = PreImagePool.create(8)) {
            ArenaFiller.fill(memory, ArenaFiller.Profile.MIXED, 5);
            SaveOptions options = SaveOptions.defaults().withPreImagePool(pool).withCompressors(1);
            // A block per 64 ms: the 4 MiB save lasts seconds, so the cancel always finds it running
            // (unthrottled, it could finish before cancel() on a fast machine and await() would return).
            PendingCheckpoint p = PendingCheckpoint.begin(memory, dir.resolve("x.ckpt"),
                options.withRateLimit(1L << 20));
            // As many blocks as the pool holds, from the far end: every buffer goes to a pre-image
            // and no writer has to wait for one (a waiting writer would cut the rate limit short).
            for (int i = 0; i < 8; i++) {
                long a = SIZE - 8 - i * (long) options.blockBytes();
                memory.putLong(a, a);
            }
            assertEquals(8, pool.allocatedBuffers(), pool.toString());
            p.cancel();
            assertThrows(CancellationException.class, p::await);
            int allocated = pool.allocatedBuffers();
            // All of them are free again: a checkpoint whose writers need as many gets them
            // without growing the pool beyond its bound, and without waiting forever.
            try (GuestMemory snapshot = GuestMemory.allocate(SIZE, 1 << 20)) {
                LazySaveTest.copy(memory, snapshot);
                try (PendingCheckpoint q = PendingCheckpoint.begin(memory, dir.resolve("y.ckpt"), options)) {
                    for (long a = SIZE - 8; a > 0; a -= options.blockBytes()) {
                        memory.putLong(a, -a);
                    }
                    q.await();
                }
                try (GuestMemory restored = Checkpoints.restore(dir.resolve("y.ckpt"))) {
                    ArenaAssert.assertArenasEqual(snapshot, restored, "after a cancelled checkpoint");
                }
            }
            assertTrue(pool.allocatedBuffers() >= allocated && pool.allocatedBuffers() <= 8, pool.toString());
        }
    }

    @Test
    void shouldReallocateForAnotherBlockSize() throws Exception {
        try (GuestMemory memory = GuestMemory.allocate(SIZE, 1 << 20);
             GuestMemory snapshot = GuestMemory.allocate(SIZE, 1 << 20);
             PreImagePool pool = PreImagePool.create(16)) {
            for (int pages : new int[] {16, 4}) {
                ArenaFiller.fill(memory, ArenaFiller.Profile.MIXED, pages);
                LazySaveTest.copy(memory, snapshot);
                SaveOptions options = SaveOptions.defaults().withPagesPerBlock(pages).withPreImagePool(pool)
                    .withCompressors(1);
                Path file = dir.resolve("p" + pages + ".ckpt");
                try (PendingCheckpoint p = PendingCheckpoint.begin(memory, file, options)) {
                    for (long a = SIZE - 8; a > 0; a -= options.blockBytes()) {
                        memory.putLong(a, pages);
                    }
                    p.await();
                }
                try (GuestMemory restored = Checkpoints.restore(file)) {
                    ArenaAssert.assertArenasEqual(snapshot, restored, pages + " pages per block");
                }
                assertEquals((long) pool.allocatedBuffers() * options.blockBytes(), pool.allocatedBytes(),
                    "buffers of the current block size only");
            }
        }
    }

    /** Direct memory that runs out after three buffers: the pool stops there and writers wait instead. */
    @Test
    void shouldStopGrowingWhenDirectMemoryRunsOutAndLetWritersWait() throws Exception {
        java.util.concurrent.atomic.AtomicInteger allocations = new java.util.concurrent.atomic.AtomicInteger();
        try (GuestMemory memory = GuestMemory.allocate(SIZE, 1 << 20);
             GuestMemory snapshot = GuestMemory.allocate(SIZE, 1 << 20);
             PreImagePool pool = PreImagePool.create(64, bytes -> {
                 if (allocations.incrementAndGet() > 3) {
                     throw new OutOfMemoryError("Cannot reserve " + bytes + " bytes of direct buffer memory (test)");
                 }
                 return java.nio.ByteBuffer.allocateDirect(bytes);
             })) {
            ArenaFiller.fill(memory, ArenaFiller.Profile.MIXED, 12);
            LazySaveTest.copy(memory, snapshot);
            SaveOptions options = SaveOptions.defaults().withPreImagePool(pool).withCompressors(1)
                .withRateLimit(8L << 20);
            Path file = dir.resolve("short.ckpt");
            SaveStats s;
            try (PendingCheckpoint p = PendingCheckpoint.begin(memory, file, options)) {
                for (long a = SIZE - 8; a > 0; a -= options.blockBytes()) {
                    memory.putLong(a, -1L);
                }
                s = p.await();
            }
            assertEquals(3, pool.allocatedBuffers(), pool.toString());
            assertTrue(s.preImageWaits() > 0, "writers waited for the three buffers: " + s);
            try (GuestMemory restored = Checkpoints.restore(file)) {
                ArenaAssert.assertArenasEqual(snapshot, restored, "with a pool cut short");
            }
        }
    }

    @Test
    void shouldRejectABadBound() {
        assertThrows(IllegalArgumentException.class, () -> PreImagePool.create(0));
        assertThrows(IllegalArgumentException.class, () -> PreImagePool.create(65537));
    }
}
