package io.ckpt.restore.lazy;

import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import io.ckpt.ArenaAssert;
import io.ckpt.Checkpoints;
import io.ckpt.memory.GuestMemory;
import io.ckpt.save.SaveOptions;
import io.ckpt.workload.ArenaFiller;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Seeded races between host readers and writers, faults, neighbour installs and the
 * prefetcher. Pages are owned: thread t writes only pages with {@code page % (T + 1) == t};
 * pages of owner T are never written. Every read must see the checkpoint's bytes or the
 * owner's own writes, and the final arena must equal the model byte for byte.
 */
class LazyRestoreStressTest {
    private static final long SIZE = 8L << 20;
    private static final int SLAB = 1 << 20;
    private static final int THREADS = 4;
    private static final int OPS = 3000;
    private static final int ITERATIONS = Integer.getInteger("ckpt.stress.iterations", 150);

    @TempDir
    Path dir;

    @Test
    void shouldInstallEachBlockOnceUnderConcurrentReadersAndWriters() throws Exception {
        Path file = dir.resolve("stress.ckpt");
        try (GuestMemory source = GuestMemory.allocate(SIZE, SLAB)) {
            ArenaFiller.fill(source, ArenaFiller.Profile.MIXED, 3);
            Checkpoints.save(source, file, SaveOptions.defaults().withPagesPerBlock(4).withStorageBlockSize(64 << 10));
            for (int it = 0; it < ITERATIONS; it++) {
                long seed = 1000L + it;
                Prefetch prefetch = Prefetch.values()[it % Prefetch.values().length];
                Neighbours neighbours = Neighbours.values()[(it / 3) % Neighbours.values().length];
                runOnce(file, source, seed, prefetch, neighbours);
            }
        }
    }

    private void runOnce(Path file, GuestMemory source, long seed, Prefetch prefetch, Neighbours neighbours)
        throws Exception {
        String context = "seed=" + seed + " prefetch=" + prefetch + " neighbours=" + neighbours;
        try (GuestMemory model = GuestMemory.allocate(SIZE, SLAB); GuestMemory target = GuestMemory.allocate(SIZE, SLAB)) {
            byte[] copy = new byte[1 << 20];
            for (long a = 0; a < SIZE; a += copy.length) {
                source.getBytes(a, copy, 0, copy.length);
                model.putBytes(a, copy, 0, copy.length);
            }
            LazyRestoreOptions options = LazyRestoreOptions.defaults().withPrefetch(prefetch).withNeighbours(neighbours)
                .withPoolBuffers(2).withReadMode(ReadMode.values()[(int) (seed % 2)]);
            try (LazyRestore r = LazyRestore.start(file, target, options)) {
                CountDownLatch go = new CountDownLatch(1);
                AtomicReference<Throwable> failure = new AtomicReference<>();
                Thread[] threads = new Thread[THREADS];
                for (int t = 0; t < THREADS; t++) {
                    int id = t;
                    threads[t] = new Thread(() -> {
                        try {
                            go.await();
                            hostOps(id, seed * 31 + id, target, model, context);
                        } catch (Throwable e) {
                            failure.compareAndSet(null, e);
                        }
                    });
                    threads[t].start();
                }
                go.countDown();
                for (Thread t : threads) {
                    t.join();
                }
                if (failure.get() != null) {
                    throw new AssertionError(context + ": " + failure.get(), failure.get());
                }
                // Touch whatever is still absent (prefetch NONE), then everything must be there.
                byte[] page = new byte[GuestMemory.PAGE_SIZE];
                for (long p = 0; p < SIZE / GuestMemory.PAGE_SIZE; p++) {
                    target.readPage(p, page, 0);
                }
                r.awaitCompletion();
                LazyRestoreStats s = r.stats();
                assertEquals(r.stats().installedByFault() + s.installedByNeighbour() + s.installedByPrefetch()
                    + s.presetZero(), SIZE / (4 * GuestMemory.PAGE_SIZE), "each block installed once: " + context + " " + s);
            }
            ArenaAssert.assertArenasEqual(model, target, context);
        }
    }

    private static void hostOps(int id, long seed, GuestMemory target, GuestMemory model, String context) {
        SplittableRandom rnd = new SplittableRandom(seed);
        long pages = SIZE / GuestMemory.PAGE_SIZE;
        for (int op = 0; op < OPS; op++) {
            long page = rnd.nextLong(pages);
            long owner = page % (THREADS + 1);
            long address = page * GuestMemory.PAGE_SIZE + 8L * rnd.nextInt(GuestMemory.PAGE_SIZE / 8);
            if (owner == id && rnd.nextBoolean()) {
                long v = rnd.nextLong();
                target.putLong(address, v);
                model.putLong(address, v);
            } else if (owner == id || owner == THREADS) {
                long expected = model.getLong(address);
                long actual = target.getLong(address);
                if (expected != actual) {
                    throw new AssertionError(context + " thread " + id + ": at 0x" + Long.toHexString(address)
                        + " expected 0x" + Long.toHexString(expected) + " found 0x" + Long.toHexString(actual));
                }
            } else {
                target.getLong(address);   // racing read of another thread's page: only must not fail
            }
        }
    }
}
