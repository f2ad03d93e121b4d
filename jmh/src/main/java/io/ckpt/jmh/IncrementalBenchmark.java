package io.ckpt.jmh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import io.ckpt.Checkpoints;
import io.ckpt.memory.GuestMemory;
import io.ckpt.restore.RestoreOptions;
import io.ckpt.save.SaveOptions;
import io.ckpt.save.SaveStats;
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
 * How much faster is an incremental checkpoint than a full one when a little of the arena
 * changed? One operation is one complete, forced save of the same arena:
 * <ul>
 *   <li>{@link #full} (the baseline): every block.</li>
 *   <li>{@link #incremental}: against a parent saved just before the iteration, after
 *       {@code dirtyPercent}% of the page blocks, chosen at random, had one long of every page
 *       rewritten (not timed). Only those blocks are stored; the rest are PARENT entries.</li>
 * </ul>
 * After each incremental iteration the chain is restored into a second arena and compared
 * with the source byte for byte. Page blocks are the arena's tracking blocks (64 KiB).
 *
 * <p>Goal: with 1% dirty, at least 20x faster than the full save.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = {ForkFlags.EXPORT_MISC, ForkFlags.OPEN_REFLECT, ForkFlags.EXPORT_NIO_CH,
    ForkFlags.EXPORT_REF, ForkFlags.NO_ANALYTICS, ForkFlags.NO_ANNOUNCER, ForkFlags.NO_PERF_INFO,
    ForkFlags.NO_BOUNDS_CHECKS, ForkFlags.DIRECT_MEMORY})
@State(Scope.Benchmark)
public class IncrementalBenchmark {
    @Param("256")
    public int arenaMiB;

    @Param("mixed")
    public String profile;

    private GuestMemory memory;
    private SaveOptions options;
    private Path dir;
    private Path fullFile;
    private SaveStats last;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        memory = LazyFixtures.arena(arenaMiB, profile);
        options = SaveOptions.defaults().withPagesPerBlock(memory.tracking().blockBytes() / GuestMemory.PAGE_SIZE);
        dir = BenchFiles.newDirectory("ckpt-jmh-incremental-");
        fullFile = dir.resolve("full.ckpt");
    }

    /** A parent saved before each iteration, then some blocks dirtied; the chain checked after it. */
    @State(Scope.Benchmark)
    public static class Dirty {
        @Param({"1", "10"})
        public int dirtyPercent;

        private IncrementalBenchmark trial;
        private Path parent;
        private Path child;
        private GuestMemory check;
        private final SplittableRandom rnd = new SplittableRandom(LazyFixtures.CHOICE_SEED);
        private long dirtyBlocks;

        @Setup(Level.Trial)
        public void setUp(IncrementalBenchmark b) {
            trial = b;
            parent = b.dir.resolve("parent.ckpt");
            child = b.dir.resolve("child.ckpt");
            check = GuestMemory.allocate(b.memory.size());
        }

        @Setup(Level.Iteration)
        public void saveParentAndDirty() throws IOException {
            GuestMemory m = trial.memory;
            Checkpoints.save(m, parent, trial.options);
            int blockBytes = trial.options.blockBytes();
            long blocks = m.size() / blockBytes;
            dirtyBlocks = Math.max(1, blocks * dirtyPercent / 100);
            for (long b : LazyFixtures.distinct(blocks, dirtyBlocks, rnd)) {
                for (long a = b * blockBytes, end = a + blockBytes; a < end; a += GuestMemory.PAGE_SIZE) {
                    m.putLong(a + 8L * rnd.nextInt(GuestMemory.PAGE_SIZE / 8), rnd.nextLong());
                }
            }
        }

        @TearDown(Level.Iteration)
        public void verify() throws IOException {
            Checkpoints.restore(child, check, RestoreOptions.defaults());
            LazyFixtures.checkEqual(trial.memory, check, "incremental chain");
            Files.deleteIfExists(child);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            check.close();
        }
    }

    /** @return the stats of a full save of the arena: the baseline. */
    @Benchmark
    public SaveStats full() throws IOException {
        last = Checkpoints.save(memory, fullFile, options);
        return last;
    }

    /** @return the stats of an incremental save against the parent, {@code dirtyPercent}% of blocks dirty. */
    @Benchmark
    public SaveStats incremental(Dirty d) throws IOException {
        last = Checkpoints.save(memory, d.child, options.withParent(d.parent));
        if (last.rawBlocks() + last.lz4Blocks() + last.zeroBlocks() != d.dirtyBlocks) {
            throw new IllegalStateException("incremental save stored " + (last.blocks() - last.parentBlocks())
                + " blocks, expected the " + d.dirtyBlocks + " dirtied");
        }
        return last;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        if (last != null) {
            System.out.printf("%n# last save: %d blocks stored, %d left to the parent, %d KiB file, %d storage blocks,"
                    + " %d write calls, %d forces; io %.1f ms, commit %.1f ms, total %.1f ms%n",
                last.rawBlocks() + last.lz4Blocks() + last.zeroBlocks(), last.parentBlocks(), last.fileBytes() >> 10,
                last.storageBlocks(), last.writeCalls(), last.forces(), last.ioNanos() / 1e6, last.commitNanos() / 1e6,
                last.totalNanos() / 1e6);
        }
        memory.close();
        BenchFiles.deleteTree(dir);
    }
}
