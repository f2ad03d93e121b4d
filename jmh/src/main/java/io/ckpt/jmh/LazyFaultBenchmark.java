package io.ckpt.jmh;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import io.ckpt.Checkpoints;
import io.ckpt.format.CheckpointMetadata;
import io.ckpt.memory.GuestMemory;
import io.ckpt.restore.lazy.LazyRestore;
import io.ckpt.restore.lazy.LazyRestoreOptions;
import io.ckpt.restore.lazy.LazyRestoreStats;
import io.ckpt.restore.lazy.Neighbours;
import io.ckpt.restore.lazy.Prefetch;
import io.ckpt.restore.lazy.ReadMode;
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
 * What does one page fault of a lazy restore cost the touching thread? Each invocation reads
 * one long of a random page that is not present yet, so the read faults its page block in:
 * find its storage block, check the storage block's header and map (first touch of it),
 * decode the block into the arena (LZ4 or copy, CRC32C), publish it. Mode SampleTime: JMH
 * reports the latency distribution (p0.50, p0.99, ...).
 *
 * <p>Every measured touch is a real fault: the restore runs without prefetch, and the touched
 * blocks are one random stored (not ZERO) block from each storage block, in random order, so a
 * neighbour install ({@code neighbours=BACKGROUND}) never reaches a block touched later. This
 * is the cold case: every fault is the first touch of its storage block. When the list is used
 * up, a fresh arena and a new lazy restore replace the old ones (an invocation-level check: a
 * SampleTime iteration is wall-clock long and would otherwise run the list out; the swap is
 * not timed). Each swap checks that the engine counted one fault, and no waits, per touch.
 *
 * <p>Baseline in the same class: {@link #presentRead} reads a random page of a fully present
 * arena through the same accessors (no guard: a plain load).
 *
 * <p>Goal: p99 under 300 us.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {ForkFlags.EXPORT_MISC, ForkFlags.OPEN_REFLECT, ForkFlags.EXPORT_NIO_CH,
    ForkFlags.EXPORT_REF, ForkFlags.NO_ANALYTICS, ForkFlags.NO_ANNOUNCER, ForkFlags.NO_PERF_INFO,
    ForkFlags.NO_BOUNDS_CHECKS, ForkFlags.DIRECT_MEMORY})
@State(Scope.Benchmark)
public class LazyFaultBenchmark {
    @Param("256")
    public int arenaMiB;

    @Param("mixed")
    public String profile;

    private Path dir;
    private Path file;
    private CheckpointMetadata meta;
    private long arenaBytes;
    private GuestMemory source;
    private final SplittableRandom rnd = new SplittableRandom(LazyFixtures.CHOICE_SEED);

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = BenchFiles.newDirectory("ckpt-jmh-fault-");
        file = dir.resolve("fault.ckpt");
        source = LazyFixtures.arena(arenaMiB, profile);
        arenaBytes = source.size();
        LazyFixtures.save(source, file, SaveOptions.defaults());
        meta = Checkpoints.inspect(file);
    }

    /** A lazy restore being faulted in, one touch per invocation; replaced when its list of blocks is used up. */
    @State(Scope.Thread)
    public static class Faulting {
        @Param({"none", "background"})
        public String neighbours;

        @Param({"mapped", "pool"})
        public String readMode;

        private LazyFaultBenchmark trial;
        private LazyRestoreOptions options;
        private GuestMemory memory;
        private LazyRestore restore;
        /** Addresses to touch (one long each), and the next one. */
        private long[] addresses = new long[0];
        private int next;
        private long restores;
        private long touches;

        @Setup(Level.Iteration)
        public void start(LazyFaultBenchmark b) throws IOException {
            trial = b;
            options = LazyRestoreOptions.defaults().withPrefetch(Prefetch.NONE)
                .withNeighbours(Neighbours.valueOf(neighbours.toUpperCase()))
                .withReadMode(ReadMode.valueOf(readMode.toUpperCase())).withArenaZeroed(true);
            replace();
        }

        /** Not timed: swaps in a new restore when every listed block has been faulted. */
        @Setup(Level.Invocation)
        public void refill() throws IOException {
            if (next == addresses.length) {
                replace();
            }
        }

        private void replace() throws IOException {
            finish();
            memory = GuestMemory.allocate(trial.arenaBytes);
            long[] blocks = LazyFixtures.oneBlockPerStorageBlock(trial.meta, trial.rnd);
            int blockBytes = trial.meta.blockBytes();
            addresses = new long[blocks.length];
            for (int i = 0; i < blocks.length; i++) {
                int page = trial.rnd.nextInt(blockBytes / GuestMemory.PAGE_SIZE);
                addresses[i] = blocks[i] * blockBytes + (long) page * GuestMemory.PAGE_SIZE
                    + 8L * trial.rnd.nextInt(GuestMemory.PAGE_SIZE / 8);
            }
            next = 0;
            restore = LazyRestore.start(trial.file, memory, options);
            restores++;
        }

        /** Closes the current restore after checking that each touch was one fault of its own. */
        private void finish() {
            if (restore == null) {
                return;
            }
            LazyRestoreStats s = restore.stats();
            long expected = next;
            touches += next;
            long got = s.faults();
            long waits = s.faultWaits();
            long check = LazyFixtures.sum(trial.source, Arrays.copyOf(addresses, next));
            long read = LazyFixtures.sum(memory, Arrays.copyOf(addresses, next));
            LazyFixtures.close(restore, memory);
            restore = null;
            memory = null;
            if (got != expected || waits != 0) {
                throw new IllegalStateException("expected " + expected + " faults and no waits, engine counted "
                    + got + " faults and " + waits + " waits: a touch was not a fault of its own");
            }
            if (check != read) {
                throw new IllegalStateException("faulted pages differ from the source");
            }
        }

        @TearDown(Level.Iteration)
        public void stop() {
            finish();
            addresses = new long[0];
            next = 0;
        }

        @TearDown(Level.Trial)
        public void report() {
            System.out.printf("%n# %d touches over %d lazy restores, every one a fault (checked)%n", touches, restores);
        }
    }

    /** A fully present arena for the baseline. */
    @State(Scope.Thread)
    public static class Present {
        private GuestMemory memory;
        private long pages;

        @Setup(Level.Trial)
        public void setUp(LazyFaultBenchmark b) {
            memory = b.source;
            pages = memory.pageCount();
        }
    }

    /** @return the long read: the touch that faults its block in. */
    @Benchmark
    public long fault(Faulting f) {
        return f.memory.getLong(f.addresses[f.next++]);
    }

    /** @return a long of a random page of a present arena: what a touch costs without a fault. */
    @Benchmark
    public long presentRead(Present p) {
        return p.memory.getLong(rnd.nextLong(p.pages) * GuestMemory.PAGE_SIZE);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        source.close();
        BenchFiles.deleteTree(dir);
    }
}
