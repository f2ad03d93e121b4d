package io.ckpt.hardening;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;

import io.ckpt.ArenaAssert;
import io.ckpt.Checkpoints;
import io.ckpt.io.AtomicCommit;
import io.ckpt.memory.GuestMemory;
import io.ckpt.save.PendingCheckpoint;
import io.ckpt.save.PreImagePool;
import io.ckpt.save.SaveOptions;
import io.ckpt.workload.ArenaFiller;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Soak: a lazy (incremental) checkpoint with host writers running, cancelled or closed at a
 * seeded random moment. Whatever the race's outcome: a cancelled checkpoint leaves no file under
 * its name and the previous one there byte for byte; a checkpoint that committed first is the
 * arena as it was at {@code begin}; either way no temporary file, no guard, no engine thread is
 * left, and the dirty bits are right: the next incremental save (from the last committed
 * checkpoint) restores to exactly the arena.
 *
 * <p>{@code -Dckpt.soak.iterations=N} (default 40) and {@code -Dckpt.soak.seed=S} for longer runs.
 */
class LazySaveCancelSoakTest {
    private static final int ITERATIONS = Integer.getInteger("ckpt.soak.iterations", 40);
    private static final long SEED = Long.getLong("ckpt.soak.seed", 0x5A7EL);
    private static final long ARENA = 4L << 20;
    private static final int SLAB = 1 << 20;
    private static final int WRITERS = 2;
    /** Half the iterations take their pre-images from this pool, kept across them as a host would. */
    private PreImagePool shared;

    @org.junit.jupiter.api.BeforeEach
    void createPool() {
        shared = PreImagePool.create(8);
    }

    @org.junit.jupiter.api.AfterEach
    void closePool() {
        shared.close();   // throws if a cancelled checkpoint still held it
    }

    @TempDir
    Path dir;

    @Test
    void shouldLeaveNoTraceButTheDirtyBitsWhenCancelledWhileWritersRun() throws Exception {
        int cancelled = 0;
        for (int it = 0; it < ITERATIONS; it++) {
            long seed = SEED + it;
            boolean c = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> iteration(seed),
                "iteration seed=" + seed + " hung");
            cancelled += c ? 1 : 0;
        }
        System.out.printf("lazy save cancel soak: %d iterations (seed %d): %d cancelled, %d committed first%n",
            ITERATIONS, SEED, cancelled, ITERATIONS - cancelled);
        assertTrue(cancelled > 0, "no cancel landed before the commit");
    }

    /**
     * Host writers inside the copy-before-write guard when the checkpoint is cancelled (or fails)
     * must not wait forever for a pre-image buffer that no compressor will ever free: with one
     * buffer and writers on many blocks, a cancel lands while a writer waits for it.
     */
    @Test
    void shouldNotBlockHostWritersWhenACheckpointIsCancelledWithItsPreImageBuffersInUse() throws Exception {
        for (int it = 0; it < 10; it++) {
            long seed = SEED * 7 + it;
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                try (GuestMemory memory = GuestMemory.allocate(32L << 20, 8 << 20)) {
                    ArenaFiller.fill(memory, ArenaFiller.Profile.RANDOM, seed);
                    Path target = dir.resolve("blocked-" + seed + ".ckpt");
                    AtomicBoolean stop = new AtomicBoolean();
                    AtomicLong ops = new AtomicLong();
                    PendingCheckpoint p = PendingCheckpoint.begin(memory, target,
                        SaveOptions.defaults().withPreImageBuffers(1).withCompressors(1));
                    List<Thread> writers = new ArrayList<>();
                    for (int w = 0; w < 3; w++) {
                        long wseed = seed * 43 + w;
                        Thread t = new Thread(() -> {
                            SplittableRandom r = new SplittableRandom(wseed);
                            while (!stop.get()) {
                                memory.putLong(8L * r.nextLong(memory.size() / 8), r.nextLong());
                                ops.incrementAndGet();
                            }
                        }, "blocked-writer-" + w);
                        t.setDaemon(true);
                        writers.add(t);
                        t.start();
                    }
                    long until = ops.get() + 50 + new SplittableRandom(seed).nextInt(500);
                    while (ops.get() < until && !p.isDone()) {
                        Thread.onSpinWait();
                    }
                    p.cancel();
                    try {
                        p.await();
                    } catch (CancellationException expected) {
                        // the usual outcome
                    }
                    stop.set(true);
                    for (Thread t : writers) {
                        t.join(10_000);
                        assertTrue(!t.isAlive(), "seed=" + seed + ": " + t.getName() + " still blocked after the cancel:\n"
                            + stack(t));
                    }
                    assertNull(memory.guard());
                }
            }, "seed=" + seed);
        }
    }

    private static String stack(Thread t) {
        StringBuilder b = new StringBuilder();
        for (StackTraceElement e : t.getStackTrace()) {
            b.append("  at ").append(e).append('\n');
        }
        return b.toString();
    }

    /** @return true if the checkpoint was cancelled (false: it committed before the cancel). */
    private boolean iteration(long seed) throws Exception {
        SplittableRandom rnd = new SplittableRandom(seed);
        Path d = Files.createDirectories(dir.resolve("it-" + seed));
        Path base = d.resolve("base.ckpt");
        Path next = d.resolve("next.ckpt");
        SaveOptions options = SaveOptions.defaults().withStorageBlockSize(256 << 10).withCompressors(1 + rnd.nextInt(2))
            .withPreImageBuffers(1 + rnd.nextInt(16));
        if (rnd.nextBoolean()) {
            options = options.withPreImagePool(shared);
        }
        String ctx = "seed=" + seed + " " + options;
        try (GuestMemory memory = GuestMemory.allocate(ARENA, SLAB);
             GuestMemory atBegin = GuestMemory.allocate(ARENA, SLAB)) {
            ArenaFiller.fill(memory, ArenaFiller.Profile.MIXED, seed);
            Checkpoints.save(memory, next);          // the previous checkpoint under the target name
            byte[] previous = Files.readAllBytes(next);
            Checkpoints.save(memory, base);          // dirty tracking is now relative to base
            dirty(memory, rnd, 40);

            // Writers run throughout, except in the instant of begin (the host's pause).
            ReentrantReadWriteLock pause = new ReentrantReadWriteLock();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong ops = new AtomicLong();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                long wseed = seed * 41 + w;
                writers.add(new Thread(() -> {
                    SplittableRandom r = new SplittableRandom(wseed);
                    try {
                        while (!stop.get()) {
                            pause.readLock().lock();
                            try {
                                memory.putLong(8L * r.nextLong(ARENA / 8), r.nextLong());
                            } finally {
                                pause.readLock().unlock();
                            }
                            ops.incrementAndGet();
                        }
                    } catch (Throwable t) {
                        failure.compareAndSet(null, t);
                    }
                }, "soak-writer-" + w));
            }
            writers.forEach(Thread::start);
            PendingCheckpoint p = PendingCheckpoint.prepare(memory, next, options.withParent(base));
            pause.writeLock().lock();
            try {
                copy(memory, atBegin);
                p.begin();
            } finally {
                pause.writeLock().unlock();
            }
            long cancelAfter = ops.get() + rnd.nextLong(3000);
            while (ops.get() < cancelAfter && failure.get() == null && !p.isDone()) {
                Thread.onSpinWait();
            }
            boolean viaClose = rnd.nextBoolean();
            if (viaClose) {
                p.close();
            } else {
                p.cancel();
            }
            boolean cancelled;
            try {
                p.await();
                cancelled = false;
            } catch (CancellationException e) {
                cancelled = true;
            }
            stop.set(true);
            for (Thread t : writers) {
                t.join();
            }
            if (failure.get() != null) {
                throw new AssertionError(ctx + ": a writer failed", failure.get());
            }
            assertNull(memory.guard(), ctx + ": guard left on the arena");
            Resources.joinEngineThreads(5_000);
            assertEquals(List.of(), Resources.engineThreads(), ctx + ": engine threads left");
            try (Stream<Path> files = Files.list(d)) {
                assertEquals(List.of(), files.filter(f -> AtomicCommit.isTempOf(f, next)).toList(), ctx + ": temp file left");
            }
            Path parent;
            if (cancelled) {
                assertArrayEquals(previous, Files.readAllBytes(next), ctx + ": the previous checkpoint changed");
                parent = base;
            } else {
                try (GuestMemory restored = Checkpoints.restore(next)) {
                    ArenaAssert.assertArenasEqual(atBegin, restored, ctx + ": committed checkpoint = arena at begin");
                }
                parent = next;
            }
            // The dirty bits: an incremental save from the last committed checkpoint restores to the arena exactly.
            dirty(memory, rnd, 3);
            Path after = d.resolve("after.ckpt");
            Checkpoints.save(memory, after, SaveOptions.defaults().withParent(parent));
            try (GuestMemory restored = Checkpoints.restore(after)) {
                ArenaAssert.assertArenasEqual(memory, restored, ctx + ": incremental after "
                    + (cancelled ? (viaClose ? "close" : "cancel") : "a commit that won the race"));
            }
            return cancelled;
        }
    }

    private static void dirty(GuestMemory m, SplittableRandom rnd, int writes) {
        for (int i = 0; i < writes; i++) {
            m.putLong(8L * rnd.nextLong(ARENA / 8), rnd.nextLong());
        }
    }

    private static void copy(GuestMemory from, GuestMemory to) {
        byte[] buf = new byte[1 << 20];
        for (long a = 0; a < from.size(); a += buf.length) {
            from.getBytes(a, buf, 0, buf.length);
            to.putBytes(a, buf, 0, buf.length);
        }
    }

}
