package io.ckpt.jmh;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.TimeUnit;

import io.ckpt.memory.GuestMemory;
import io.ckpt.save.PendingCheckpoint;
import io.ckpt.save.PreImagePool;
import io.ckpt.save.SaveOptions;
import io.ckpt.save.SaveStats;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * How much does a lazy checkpoint slow the host down while it runs? One host thread writes
 * 8-byte values at random addresses through {@link GuestMemory#putLong} (batches of
 * {@value #BATCH}; the score is writes per microsecond):
 * <ul>
 *   <li>{@link #writesDuringCheckpoint}: while {@link PendingCheckpoint}s run back to back, driven
 *       the way a host would drive them: a control thread prepares the next checkpoint and
 *       waits for each commit; the writer only calls {@code begin} (its pause, in the measured
 *       time) between two batches once one is prepared. So a checkpoint is in progress for
 *       nearly the whole iteration. A write to a block the save has not reached yet first
 *       copies that block (a pre-image).</li>
 *   <li>{@link #writesAlone} (the baseline): the same writes, same iteration length, no checkpoint.</li>
 * </ul>
 * The engine's write-stall figures ({@link SaveStats#stallP50Nanos}, {@code stallP99Nanos}) and
 * {@code begin} times of the checkpoints committed in the measured iterations are printed at
 * the end of the trial (median and worst over the checkpoints); the counts {@code saves},
 * {@code preImages} and {@code preImageWaits} are secondary results (sums). {@code compressors},
 * {@code preImageBuffers}, {@code sharedPool} and {@code rateMiB} apply to the checkpoint run
 * only; {@code checkpointsIn=warmup} measures the same host between checkpoints (see there).
 * {@code hotMiB} limits the writes to the first {@code hotMiB} MiB of the arena (0: all of
 * it), to model a host whose writes have locality.
 *
 * <p>Goals: stall p99 under 100 us; writes during a checkpoint at least 0.5x the baseline.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {ForkFlags.EXPORT_MISC, ForkFlags.OPEN_REFLECT, ForkFlags.EXPORT_NIO_CH,
    ForkFlags.EXPORT_REF, ForkFlags.NO_ANALYTICS, ForkFlags.NO_ANNOUNCER, ForkFlags.NO_PERF_INFO,
    ForkFlags.NO_BOUNDS_CHECKS, ForkFlags.DIRECT_MEMORY})
// Scope.Benchmark, not Thread: with Scope.Thread, JMH 1.37 handed Checkpointing's set-up another
// instance than the one the benchmark methods write through, so the checkpoints saw no writes.
@State(Scope.Benchmark)
public class LazySaveBenchmark {
    /** Writes per benchmark invocation. */
    static final int BATCH = 256;

    @Param("256")
    public int arenaMiB;

    @Param("mixed")
    public String profile;

    /** Write only to the first {@code hotMiB} MiB of the arena; 0 = anywhere (the default). */
    @Param("0")
    public int hotMiB;

    private GuestMemory memory;
    private long words;
    private final SplittableRandom rnd = new SplittableRandom(LazyFixtures.CHOICE_SEED);

    @Setup(Level.Trial)
    public void setUp() {
        memory = LazyFixtures.arena(arenaMiB, profile);
        words = (hotMiB == 0 ? memory.size() : Math.min(memory.size(), (long) hotMiB << 20)) / 8;
    }

    /** Lazy checkpoints run back to back, and what they reported. */
    @State(Scope.Benchmark)
    public static class Checkpointing {
        @Param({"1", "2"})
        public int compressors;

        @Param({"64", "512"})
        public int preImageBuffers;

        /**
         * true: the checkpoints share one {@link PreImagePool} of {@code preImageBuffers}, which
         * allocates on demand and keeps its buffers from one checkpoint to the next; false: each
         * checkpoint allocates its own pool up front (in {@code begin}, so in the measured time).
         */
        @Param("false")
        public boolean sharedPool;

        /** Rate limit of the checkpoints in MiB of arena per second ({@link SaveOptions#withRateLimit}); 0: none. */
        @Param("0")
        public int rateMiB;

        /**
         * {@code all}: checkpoints run in the warm-up and the measured iterations (the score is
         * the host during checkpoints); {@code warmup}: in the warm-up only, so the score is the
         * same host code, compiled while checkpoints ran, between two checkpoints: the normal
         * speed of a host that takes lazy checkpoints.
         */
        @Param("all")
        public String checkpointsIn;

        private PreImagePool pool;

        private GuestMemory memory;
        private Path dir;
        private Path file;
        private SaveOptions options;
        /** A prepared checkpoint for the host to begin in its next pause: the control thread sets, the host clears. */
        final AtomicReference<PendingCheckpoint> toBegin = new AtomicReference<>();
        /** Stats of committed checkpoints, for the host thread to count: the control thread adds. */
        final ConcurrentLinkedQueue<SaveStats> committed = new ConcurrentLinkedQueue<>();
        private Thread control;
        private volatile boolean running;
        private volatile Throwable failure;
        /** Per committed save of the trial: stall p50, stall p99 (ns); the measured iterations only. */
        private long[] p50 = new long[64];
        private long[] p99 = new long[64];
        private long[] begin = new long[64];
        private int saves;
        private long preImages;
        private long preImageWaits;
        private boolean measuring;

        @Setup(Level.Trial)
        public void setUp(LazySaveBenchmark b) throws IOException {
            memory = b.memory;
            dir = BenchFiles.newDirectory("ckpt-jmh-lazysave-");
            file = dir.resolve("lazy.ckpt");
            options = SaveOptions.defaults().withCompressors(compressors).withPreImageBuffers(preImageBuffers)
                .withRateLimit((long) rateMiB << 20);
            if (sharedPool) {
                pool = PreImagePool.create(preImageBuffers);
                options = options.withPreImagePool(pool);
            }
        }

        /**
         * Starts the control thread, which does what a host's checkpoint scheduler would, off the
         * writer thread: prepares a checkpoint, hands it to the writer to {@code begin} in its
         * next pause, waits for the commit, and again.
         */
        @Setup(Level.Iteration)
        public void start(IterationParams it) {
            measuring = it.getType() == IterationType.MEASUREMENT;
            if (measuring && checkpointsIn.equals("warmup")) {
                control = null;
                return;
            }
            if (!checkpointsIn.equals("all") && !checkpointsIn.equals("warmup")) {
                throw new IllegalArgumentException("checkpointsIn=" + checkpointsIn + ": all or warmup");
            }
            running = true;
            control = new Thread(this::schedule, "bench-checkpoint-control");
            control.setDaemon(true);
            control.start();
        }

        private void schedule() {
            try {
                while (running) {
                    PendingCheckpoint p = PendingCheckpoint.prepare(memory, file, options);
                    toBegin.set(p);
                    while (toBegin.get() != null) {
                        if (!running && toBegin.compareAndSet(p, null)) {
                            p.close();   // never begun: abandoned
                            return;
                        }
                        LockSupport.parkNanos(20_000);
                    }
                    committed.add(p.await());
                }
            } catch (Throwable t) {
                failure = t;
            }
        }

        /** Host thread, between batches: begins a prepared checkpoint (its pause) and counts committed ones. */
        void poll(Stalls stalls) throws IOException {
            PendingCheckpoint p = toBegin.get();
            if (p != null) {
                p.begin();
                toBegin.set(null);
            }
            for (SaveStats s = committed.poll(); s != null; s = committed.poll()) {
                record(s, stalls);
            }
            if (failure != null) {
                throw new IOException("checkpoint failed", failure);
            }
        }

        private void record(SaveStats s, Stalls stalls) {
            stalls.add(s);
            if (!measuring) {
                return;
            }
            if (saves == p50.length) {
                p50 = Arrays.copyOf(p50, saves * 2);
                p99 = Arrays.copyOf(p99, saves * 2);
                begin = Arrays.copyOf(begin, saves * 2);
            }
            begin[saves] = s.beginNanos();
            p50[saves] = s.stallP50Nanos();
            p99[saves] = s.stallP99Nanos();
            saves++;
            preImages += s.preImages();
            preImageWaits += s.preImageWaits();
        }

        /** Stops the control thread once the running checkpoint has committed (not timed; trial summary only). */
        @TearDown(Level.Iteration)
        public void stop() throws InterruptedException {
            if (control == null) {
                return;
            }
            running = false;
            control.join();
            for (SaveStats s = committed.poll(); s != null; s = committed.poll()) {
                record(s, new Stalls());
            }
            if (failure != null) {
                throw new IllegalStateException("checkpoint failed", failure);
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            if (saves > 0) {
                long[] a = Arrays.copyOf(p50, saves);
                long[] c = Arrays.copyOf(p99, saves);
                long[] g = Arrays.copyOf(begin, saves);
                Arrays.sort(a);
                Arrays.sort(c);
                Arrays.sort(g);
                System.out.printf("%n# %d checkpoints in the measured iterations: write stall p50 median %.1f us (max %.1f),"
                        + " stall p99 median %.1f us (max %.1f); begin (host pause) median %.2f ms (max %.2f);"
                        + " %d pre-images (%.0f per save), %d pre-image waits%n",
                    saves, a[saves / 2] / 1e3, a[saves - 1] / 1e3, c[saves / 2] / 1e3, c[saves - 1] / 1e3,
                    g[saves / 2] / 1e6, g[saves - 1] / 1e6, preImages, (double) preImages / saves, preImageWaits);
            }
            if (pool != null) {
                System.out.printf("# shared pre-image pool: %s%n", pool);
                pool.close();
            }
            BenchFiles.deleteTree(dir);
        }
    }

    /**
     * Per-iteration secondary results: counts from the checkpoints that committed during the
     * measured loop (JMH reads these public fields after each iteration and sums them over the
     * iterations in its summary table, so only additive counts are here).
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Stalls {
        /** Checkpoints committed. */
        public long saves;
        /** Pre-images: blocks a host write copied before writing. */
        public long preImages;
        /** Host writes that waited for a free pre-image buffer. */
        public long preImageWaits;

        @Setup(Level.Iteration)
        public void reset() {
            saves = 0;
            preImages = 0;
            preImageWaits = 0;
        }

        void add(SaveStats s) {
            saves++;
            preImages += s.preImages();
            preImageWaits += s.preImageWaits();
        }
    }

    /** @return the last value written: {@value #BATCH} random writes while a checkpoint is in progress. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long writesDuringCheckpoint(Checkpointing c, Stalls stalls) throws IOException {
        c.poll(stalls);
        return writes();
    }

    /** @return the last value written: {@value #BATCH} random writes, no checkpoint (the baseline). */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long writesAlone() {
        return writes();
    }

    private long writes() {
        long v = 0;
        for (int i = 0; i < BATCH; i++) {
            v = rnd.nextLong();
            memory.putLong(rnd.nextLong(words) * 8, v);
        }
        return v;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        memory.close();
    }
}
