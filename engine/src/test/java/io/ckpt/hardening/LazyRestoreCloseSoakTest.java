package io.ckpt.hardening;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.ckpt.Checkpoints;
import io.ckpt.memory.GuestMemory;
import io.ckpt.restore.lazy.LazyRestore;
import io.ckpt.restore.lazy.LazyRestoreOptions;
import io.ckpt.restore.lazy.Neighbours;
import io.ckpt.restore.lazy.Prefetch;
import io.ckpt.restore.lazy.ReadMode;
import io.ckpt.save.SaveOptions;
import io.ckpt.workload.ArenaFiller;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Soak: a lazy restore with host readers and writers running, closed at a seeded random moment
 * while they run. Afterwards every read of a present block returns the right bytes (the
 * checkpoint's, or the host's own later writes), every access to an absent block throws
 * {@link IllegalStateException}, nothing else is thrown, nothing hangs, and the background
 * thread is gone when {@code close()} returns. Options (prefetch, neighbours, read mode, pool
 * size, zeroed arena, prefetch rate) are drawn per iteration from the seed.
 *
 * <p>{@code -Dckpt.soak.iterations=N} (default 40) and {@code -Dckpt.soak.seed=S} for longer runs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LazyRestoreCloseSoakTest {
    private static final int ITERATIONS = Integer.getInteger("ckpt.soak.iterations", 40);
    private static final long SEED = Long.getLong("ckpt.soak.seed", 0x50A4L);
    private static final long ARENA = 4L << 20;
    private static final int SLAB = 1 << 20;
    private static final int BLOCK = 64 << 10;
    private static final int READERS = 2;
    private static final int WRITERS = 2;
    /** Blocks with {@code block % OWNERS == 0} are only read; writer w owns {@code block % OWNERS == w + 1}. */
    private static final int OWNERS = WRITERS + 1;

    @TempDir
    static Path dir;
    private Path file;
    private GuestMemory expected;

    @BeforeAll
    void save() throws Exception {
        expected = GuestMemory.allocate(ARENA, SLAB);
        ArenaFiller.fill(expected, ArenaFiller.Profile.MIXED, SEED);
        file = dir.resolve("soak.ckpt");
        Checkpoints.save(expected, file, SaveOptions.defaults().withStorageBlockSize(256 << 10));
    }

    @AfterAll
    void free() {
        expected.close();
    }

    @Test
    void shouldStayCorrectWhenClosedWhileHostThreadsReadAndWrite() throws Exception {
        long present = 0;
        long absent = 0;
        for (int it = 0; it < ITERATIONS; it++) {
            long seed = SEED + it;
            long[] counts = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> iteration(seed),
                "iteration seed=" + seed + " hung");
            present += counts[0];
            absent += counts[1];
        }
        System.out.printf("lazy restore close soak: %d iterations (seed %d): %d blocks present, %d absent at the end%n",
            ITERATIONS, SEED, present, absent);
        assertTrue(absent > 0, "some closes should land before completion: raise the rate limit?");
    }

    /** @return {blocks present, blocks absent} after the close. */
    private long[] iteration(long seed) throws Exception {
        SplittableRandom rnd = new SplittableRandom(seed);
        LazyRestoreOptions options = LazyRestoreOptions.defaults()
            .withPrefetch(Prefetch.values()[rnd.nextInt(Prefetch.values().length)])
            .withNeighbours(Neighbours.values()[rnd.nextInt(Neighbours.values().length)])
            .withReadMode(ReadMode.values()[rnd.nextInt(ReadMode.values().length)])
            .withPoolBuffers(1 + rnd.nextInt(4))
            .withArenaZeroed(rnd.nextBoolean())
            .withPrefetchRate(rnd.nextBoolean() ? 0 : (2L + rnd.nextInt(30)) << 20);
        String ctx = "seed=" + seed + " " + ChainCorruptionTest.describe(options);
        long closeAfter = rnd.nextLong(400);
        try (GuestMemory target = GuestMemory.allocate(ARENA, SLAB)) {
            if (!options.arenaZeroed()) {
                target.fill(0, ARENA, (byte) 0x77);
            }
            LazyRestore restore = LazyRestore.start(file, target, options);
            AtomicBoolean closed = new AtomicBoolean();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong ops = new AtomicLong();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            CountDownLatch started = new CountDownLatch(READERS + WRITERS);
            List<Thread> threads = new ArrayList<>();
            List<Map<Long, Long>> written = new ArrayList<>();
            for (int r = 0; r < READERS; r++) {
                long rseed = seed * 31 + r;
                threads.add(new Thread(() -> read(target, rseed, started, ops, stop, closed, failure), "soak-reader-" + r));
            }
            for (int w = 0; w < WRITERS; w++) {
                long wseed = seed * 37 + w;
                int owner = w + 1;
                Map<Long, Long> mine = new HashMap<>();
                written.add(mine);
                threads.add(new Thread(() -> write(target, wseed, owner, mine, started, ops, stop, closed, failure),
                    "soak-writer-" + w));
            }
            threads.forEach(Thread::start);
            started.await();
            // The close lands after a seeded number of host operations: anywhere from at once to mid-restore.
            while (ops.get() < closeAfter && failure.get() == null) {
                Thread.onSpinWait();
            }
            closed.set(true);
            restore.close();
            List<String> alive = Resources.engineThreads();
            long after = ops.get();
            while (ops.get() < after + 200 && failure.get() == null) {
                Thread.onSpinWait();   // host threads keep going after the close
            }
            stop.set(true);
            for (Thread t : threads) {
                t.join();
            }
            if (failure.get() != null) {
                throw new AssertionError(ctx + ": a host thread failed", failure.get());
            }
            assertEquals(List.of(), alive, ctx + ": engine threads alive after close() returned");
            // Every block: absent (IllegalStateException) or exactly the checkpoint's bytes plus the host's own writes.
            long present = 0;
            byte[] a = new byte[BLOCK];
            byte[] b = new byte[BLOCK];
            for (long block = 0; block < ARENA / BLOCK; block++) {
                try {
                    target.getBytes(block * BLOCK, a, 0, BLOCK);
                } catch (IllegalStateException absent) {
                    continue;
                }
                present++;
                expected.getBytes(block * BLOCK, b, 0, BLOCK);
                int owner = (int) (block % OWNERS);
                if (owner > 0) {
                    for (Map.Entry<Long, Long> e : written.get(owner - 1).entrySet()) {
                        long address = e.getKey();
                        if (address / BLOCK == block) {
                            java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                                .putLong((int) (address % BLOCK), e.getValue());
                        }
                    }
                }
                int m = Arrays.mismatch(a, b);
                assertEquals(-1, m, ctx + ": block " + block + " differs at +" + m + " after close");
            }
            return new long[] {present, ARENA / BLOCK - present};
        }
    }

    private void read(GuestMemory target, long seed, CountDownLatch started, AtomicLong ops, AtomicBoolean stop,
                      AtomicBoolean closed, AtomicReference<Throwable> failure) {
        SplittableRandom rnd = new SplittableRandom(seed);
        byte[] got = new byte[256];
        byte[] want = new byte[256];
        started.countDown();
        try {
            while (!stop.get() && failure.get() == null) {
                long block = rnd.nextLong(ARENA / BLOCK / OWNERS) * OWNERS;   // a block nobody writes
                long address = block * BLOCK + rnd.nextInt(BLOCK - got.length);
                boolean wasClosed = closed.get();
                try {
                    target.getBytes(address, got, 0, got.length);
                } catch (IllegalStateException e) {
                    if (!wasClosed && !closed.get()) {
                        throw new AssertionError("IllegalStateException before close at 0x" + Long.toHexString(address), e);
                    }
                    ops.incrementAndGet();
                    continue;
                }
                expected.getBytes(address, want, 0, want.length);
                if (!Arrays.equals(got, want)) {
                    throw new AssertionError("read at 0x" + Long.toHexString(address) + " returned wrong bytes (closed="
                        + closed.get() + ")");
                }
                ops.incrementAndGet();
            }
        } catch (Throwable t) {
            failure.compareAndSet(null, t);
        }
    }

    private void write(GuestMemory target, long seed, int owner, Map<Long, Long> mine, CountDownLatch started,
                       AtomicLong ops, AtomicBoolean stop, AtomicBoolean closed, AtomicReference<Throwable> failure) {
        SplittableRandom rnd = new SplittableRandom(seed);
        started.countDown();
        try {
            while (!stop.get() && failure.get() == null) {
                long block = rnd.nextLong(ARENA / BLOCK / OWNERS) * OWNERS + owner;
                if (block >= ARENA / BLOCK) {
                    continue;
                }
                long address = block * BLOCK + 8L * rnd.nextInt(BLOCK / 8);
                long value = rnd.nextLong();
                boolean wasClosed = closed.get();
                try {
                    target.putLong(address, value);
                    mine.put(address, value);
                } catch (IllegalStateException e) {
                    if (!wasClosed && !closed.get()) {
                        throw new AssertionError("IllegalStateException before close at 0x" + Long.toHexString(address), e);
                    }
                }
                ops.incrementAndGet();
            }
        } catch (Throwable t) {
            failure.compareAndSet(null, t);
        }
    }
}
