package io.ckpt.jmh;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import io.ckpt.Checkpoints;
import io.ckpt.memory.GuestMemory;
import io.ckpt.restore.RestoreOptions;
import io.ckpt.restore.RestoreStats;
import io.ckpt.restore.lazy.LazyRestore;
import io.ckpt.restore.lazy.LazyRestoreOptions;
import io.ckpt.restore.lazy.LazyRestoreStats;
import io.ckpt.restore.lazy.Neighbours;
import io.ckpt.restore.lazy.Prefetch;
import io.ckpt.save.SaveOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * When the host needs only part of its memory, how much sooner is it done with a lazy
 * restore than with an eager one? Every operation restores one checkpoint into a fresh
 * (zeroed) arena, from the call that starts it until the host has what it needs:
 * <ul>
 *   <li>{@link #eager} (the baseline): {@code Checkpoints.restore} of everything, two threads.</li>
 *   <li>{@link #lazyRandomPages} (a): lazy start without prefetch, then the host reads one long
 *       of each of 1% of the pages, distinct and at random. With 16-page blocks that touches
 *       about 15% of the blocks (1 - 0.99^16).</li>
 *   <li>{@link #lazyTouchAllSequential} (c): lazy start with sequential prefetch, the host reads
 *       one long of every page in address order, then waits for {@code awaitCompletion}.</li>
 *   <li>{@link #lazyRandomBlocks} (d, locality): as (a), but the 1% of pages are the first pages
 *       of 1% of the blocks, at random: the same number of touches with real workloads'
 *       locality (one block per touch).</li>
 * </ul>
 * The restores are checked after each iteration: eager and (c) byte for byte, (a) and (d) by
 * the values the host read. {@code neighbours} applies to (a) and (d) only.
 *
 * <p>Goals: (a) at least 10x faster than eager; (c) at most 1.5x eager.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = {ForkFlags.EXPORT_MISC, ForkFlags.OPEN_REFLECT, ForkFlags.EXPORT_NIO_CH,
    ForkFlags.EXPORT_REF, ForkFlags.NO_ANALYTICS, ForkFlags.NO_ANNOUNCER, ForkFlags.NO_PERF_INFO,
    ForkFlags.NO_BOUNDS_CHECKS, ForkFlags.DIRECT_MEMORY})
@State(Scope.Benchmark)
public class LazyTouchBenchmark {
    private static final RestoreOptions EAGER = RestoreOptions.defaults().withArenaZeroed(true);

    @Param("256")
    public int arenaMiB;

    @Param("mixed")
    public String profile;

    /** Pages per page block of the saved file (the engine's default 16 = 64 KiB). */
    @Param("16")
    public int pagesPerBlock;

    private Path dir;
    private Path file;
    private GuestMemory source;
    /** (a): a long at the start of each of 1% of the pages, distinct, in random order. */
    private long[] randomPages;
    /** (d): the first long of each of 1% of the blocks, distinct, in random order. */
    private long[] randomBlocks;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = BenchFiles.newDirectory("ckpt-jmh-touch-");
        file = dir.resolve("touch.ckpt");
        source = LazyFixtures.arena(arenaMiB, profile);
        SaveOptions save = SaveOptions.defaults().withPagesPerBlock(pagesPerBlock);
        LazyFixtures.save(source, file, save);
        SplittableRandom rnd = new SplittableRandom(LazyFixtures.CHOICE_SEED);
        long pages = source.pageCount();
        randomPages = LazyFixtures.distinct(pages, Math.max(1, pages / 100), rnd);
        for (int i = 0; i < randomPages.length; i++) {
            randomPages[i] *= GuestMemory.PAGE_SIZE;
        }
        long blocks = source.size() / save.blockBytes();
        randomBlocks = LazyFixtures.distinct(blocks, Math.max(1, blocks / 100), rnd);
        for (int i = 0; i < randomBlocks.length; i++) {
            randomBlocks[i] *= save.blockBytes();
        }
    }

    /** What one iteration restored into, and how to check it afterwards. */
    @State(Scope.Benchmark)
    public static class Target {
        private LazyTouchBenchmark trial;
        GuestMemory memory;
        LazyRestore restore;
        /** Addresses the host read (null: check the whole arena), and the sum of what it read. */
        long[] touched;
        long sum;
        private LazyRestoreStats last;

        @Setup(Level.Iteration)
        public void allocate(LazyTouchBenchmark b) {
            trial = b;
            memory = GuestMemory.allocate(b.source.size());
        }

        @TearDown(Level.Iteration)
        public void checkAndFree() {
            try {
                if (restore != null) {
                    last = restore.stats();
                }
                if (touched == null) {
                    LazyFixtures.checkEqual(trial.source, memory, "restore");
                } else {
                    LazyFixtures.checkSum(trial.source, touched, sum, "lazy restore");
                }
            } finally {
                LazyFixtures.close(restore, memory);
                restore = null;
                memory = null;
            }
        }

        @TearDown(Level.Trial)
        public void report() {
            if (last != null) {
                System.out.printf("%n# last lazy restore: %d faults (p50 %.0f us, p99 %.0f us, max %.0f us), %d waits,"
                        + " installed by fault/neighbour/prefetch %d/%d/%d, %d zero blocks preset, %d storage blocks read%n",
                    last.faults(), last.faultP50Nanos() / 1e3, last.faultP99Nanos() / 1e3, last.faultMaxNanos() / 1e3,
                    last.faultWaits(), last.installedByFault(), last.installedByNeighbour(), last.installedByPrefetch(),
                    last.presetZero(), last.storageBlocksRead());
            }
        }
    }

    /** Options of the partial-touch runs (a) and (d). */
    @State(Scope.Benchmark)
    public static class Partial {
        /** What a fault does with the other blocks of its storage block (the engine's default is background). */
        @Param({"background", "none"})
        public String neighbours;

        LazyRestoreOptions options;

        @Setup(Level.Trial)
        public void setUp() {
            options = LazyRestoreOptions.defaults().withPrefetch(Prefetch.NONE)
                .withNeighbours(Neighbours.valueOf(neighbours.toUpperCase())).withArenaZeroed(true);
        }
    }

    /** @return the eager restore's stats: the baseline, everything restored. */
    @Benchmark
    public RestoreStats eager(Target t) throws IOException {
        t.touched = null;
        return Checkpoints.restore(file, t.memory, EAGER);
    }

    /** @return the sum of the longs read: (a), 1% of pages at random. */
    @Benchmark
    public long lazyRandomPages(Target t, Partial p) throws IOException {
        return touch(t, p, randomPages);
    }

    /** @return the sum of the longs read: (d), the first page of 1% of blocks at random (locality). */
    @Benchmark
    public long lazyRandomBlocks(Target t, Partial p) throws IOException {
        return touch(t, p, randomBlocks);
    }

    private long touch(Target t, Partial p, long[] addresses) throws IOException {
        t.touched = addresses;
        t.restore = LazyRestore.start(file, t.memory, p.options);
        long sum = 0;
        for (long a : addresses) {
            sum += t.memory.getLong(a);
        }
        t.sum = sum;
        return sum;
    }

    /** @return the sum of the longs read: (c), every page in order with sequential prefetch, until complete. */
    @Benchmark
    public long lazyTouchAllSequential(Target t) throws IOException, InterruptedException {
        t.touched = null;
        t.restore = LazyRestore.start(file, t.memory,
            LazyRestoreOptions.defaults().withPrefetch(Prefetch.SEQUENTIAL).withArenaZeroed(true));
        long sum = 0;
        for (long a = 0, size = t.memory.size(); a < size; a += GuestMemory.PAGE_SIZE) {
            sum += t.memory.getLong(a);
        }
        t.restore.awaitCompletion();
        return sum;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        source.close();
        BenchFiles.deleteTree(dir);
    }
}
