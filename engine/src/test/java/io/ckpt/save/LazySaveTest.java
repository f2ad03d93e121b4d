package io.ckpt.save;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.ckpt.ArenaAssert;
import io.ckpt.Checkpoints;
import io.ckpt.memory.GuestMemory;
import io.ckpt.workload.ArenaFiller;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LazySaveTest {
    private static final long SIZE = 8L << 20;
    private static final int SLAB = 1 << 20;
    private static final int WRITERS = 3;
    private static final int ITERATIONS = Integer.getInteger("ckpt.stress.iterations", 40);

    @TempDir
    Path dir;

    @Test
    void shouldWriteTheArenaAsItWasAtBeginWhileWritersRun() throws Exception {
        // Every other iteration takes its pre-images from one pool kept across the checkpoints.
        try (PreImagePool shared = PreImagePool.create(6)) {
            for (int it = 0; it < ITERATIONS; it++) {
                long seed = 500 + it;
                SaveOptions options = SaveOptions.defaults().withStorageBlockSize(256 << 10)
                    .withCompressors(1 + it % 2).withPreImageBuffers(1 + it % 8);
                runOnce(seed, it % 2 == 0 ? options : options.withPreImagePool(shared));
                assertTrue(shared.allocatedBuffers() <= 6, "pool bound kept: " + shared + ", seed=" + seed);
            }
            assertTrue(shared.allocatedBuffers() > 0, "the writers needed pre-images: " + shared);
        }
    }

    private void runOnce(long seed, SaveOptions options) throws Exception {
        String context = "seed=" + seed + " " + options;
        Path first = dir.resolve("first.ckpt");
        Path second = dir.resolve("second.ckpt");
        try (GuestMemory memory = GuestMemory.allocate(SIZE, SLAB); GuestMemory snapshot = GuestMemory.allocate(SIZE, SLAB)) {
            ArenaFiller.fill(memory, ArenaFiller.Profile.MIXED, seed);
            copy(memory, snapshot);
            CountDownLatch started = new CountDownLatch(WRITERS);
            AtomicBoolean stop = new AtomicBoolean();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread[] writers = new Thread[WRITERS];
            PendingCheckpoint pending = PendingCheckpoint.begin(memory, first, options);
            for (int w = 0; w < WRITERS; w++) {
                long wseed = seed * 17 + w;
                writers[w] = new Thread(() -> {
                    SplittableRandom rnd = new SplittableRandom(wseed);
                    started.countDown();
                    try {
                        byte[] chunk = new byte[100];
                        while (!stop.get()) {
                            long a = rnd.nextLong(SIZE - chunk.length);
                            if (rnd.nextBoolean()) {
                                memory.putLong(a & ~7L, rnd.nextLong());
                            } else {
                                rnd.nextBytes(chunk);
                                memory.putBytes(a, chunk, 0, chunk.length);
                            }
                        }
                    } catch (Throwable t) {
                        failure.compareAndSet(null, t);
                    }
                });
                writers[w].start();
            }
            started.await();
            SaveStats stats = pending.await();
            stop.set(true);
            for (Thread t : writers) {
                t.join();
            }
            if (failure.get() != null) {
                throw new AssertionError(context, failure.get());
            }
            assertNull(memory.guard(), "guard removed after the checkpoint: " + context);
            assertEquals(SIZE / options.blockBytes(), stats.blocks(), context);
            try (GuestMemory restored = Checkpoints.restore(first)) {
                ArenaAssert.assertArenasEqual(snapshot, restored, "lazy checkpoint = arena at begin, " + context);
            }
            // A second checkpoint right after equals the arena as it now is (writers stopped).
            Checkpoints.save(memory, second, SaveOptions.defaults());
            try (GuestMemory restored = Checkpoints.restore(second)) {
                ArenaAssert.assertArenasEqual(memory, restored, "second checkpoint, " + context);
            }
        }
    }

    static void copy(GuestMemory from, GuestMemory to) {
        byte[] buf = new byte[1 << 20];
        for (long a = 0; a < from.size(); a += buf.length) {
            int n = (int) Math.min(buf.length, from.size() - a);
            from.getBytes(a, buf, 0, n);
            to.putBytes(a, buf, 0, n);
        }
    }

    @Test
    void shouldLeavePreviousCheckpointIntactWhenCancelled() throws Exception {
        Path file = dir.resolve("keep.ckpt");
        try (GuestMemory memory = GuestMemory.allocate(64L << 20, 16 << 20)) {
            ArenaFiller.fill(memory, ArenaFiller.Profile.MIXED, 1);
            Checkpoints.save(memory, file);
            byte[] before = Files.readAllBytes(file);
            memory.putLong(0, 12345);
            PendingCheckpoint pending = PendingCheckpoint.begin(memory, file, SaveOptions.defaults());
            pending.cancel();
            assertThrows(CancellationException.class, pending::await);
            assertArrayEquals(before, Files.readAllBytes(file), "previous checkpoint untouched");
            assertNull(memory.guard());
            try (java.util.stream.Stream<Path> files = Files.list(dir)) {
                assertEquals(1, files.count(), "no temporary file left");
            }
            // The cancelled checkpoint's dirty bits were put back: an incremental from the old base still sees the write.
            assertTrue(memory.tracking().snapshotDirty(false).get(0), "dirty bit of block 0 restored");
        }
    }

    @Test
    void shouldPrepareWhileRunningAndBeginInAPause() throws Exception {
        Path file = dir.resolve("prepared.ckpt");
        try (GuestMemory memory = GuestMemory.allocate(32L << 20, 16 << 20);
             GuestMemory snapshot = GuestMemory.allocate(32L << 20, 16 << 20)) {
            ArenaFiller.fill(memory, ArenaFiller.Profile.MIXED, 3);
            try (PendingCheckpoint p = PendingCheckpoint.prepare(memory, file, SaveOptions.defaults())) {
                memory.putLong(4096, 77);   // the host still runs: this write belongs to the checkpoint
                copy(memory, snapshot);
                p.begin();
                memory.putLong(4096, 78);   // after begin: not in the checkpoint
                SaveStats s = p.await();
                assertTrue(s.beginNanos() > 0);
                assertThrows(IllegalStateException.class, p::begin);
            }
            try (GuestMemory restored = Checkpoints.restore(file)) {
                ArenaAssert.assertArenasEqual(snapshot, restored, "prepared then begun");
            }
            PendingCheckpoint abandoned = PendingCheckpoint.prepare(memory, dir.resolve("never.ckpt"), SaveOptions.defaults());
            abandoned.close();
            assertThrows(CancellationException.class, abandoned::await);
            assertNull(memory.guard());
            try (java.util.stream.Stream<Path> files = Files.list(dir)) {
                assertEquals(1, files.count(), "the abandoned checkpoint left no file");
            }
        }
    }

    @Test
    void shouldRefuseASecondLazyOperationOnTheSameArena() throws Exception {
        try (GuestMemory memory = GuestMemory.allocate(32L << 20, 16 << 20)) {
            ArenaFiller.fill(memory, ArenaFiller.Profile.MIXED, 2);
            try (PendingCheckpoint p = PendingCheckpoint.begin(memory, dir.resolve("a.ckpt"), SaveOptions.defaults())) {
                IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> Checkpoints.save(memory, dir.resolve("b.ckpt")));
                assertTrue(e.getMessage().contains("lazy checkpoint"), e.getMessage());
                p.await();
            }
            assertFalse(Files.exists(dir.resolve("b.ckpt")));
        }
    }
}
