package io.ckpt.jmh;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import io.ckpt.Checkpoints;
import io.ckpt.format.CheckpointMetadata;
import io.ckpt.memory.GuestMemory;
import io.ckpt.restore.lazy.LazyRestore;
import io.ckpt.restore.lazy.LazyRestoreOptions;
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
 * How long is the host stopped before a lazy restore lets it run? One operation is one
 * {@link LazyRestore#start} into a fresh (zeroed) arena, from the call until it returns:
 * validating header, trailer and index, resolving the chain, mapping the file, installing the
 * guard and starting the background thread. The arena is allocated before each iteration and
 * freed after it (not timed); the checkpoint is written once per trial, and the source arena
 * freed before the first iteration so an 8 GiB trial needs 8 GiB of direct memory at a time.
 *
 * <p>Baseline in the same class: {@link #readMetadata} reads and checks the same file's
 * header, trailer, index and table once ({@link Checkpoints#inspect}), the least any resume
 * must do; {@code resume} above it is the engine's own overhead.
 *
 * <p>Goal (the lazy restore issue): under 5 ms at 1 GiB, and at 8 GiB within 2x of that.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 20)
@Fork(value = 1, jvmArgsAppend = {ForkFlags.EXPORT_MISC, ForkFlags.OPEN_REFLECT, ForkFlags.EXPORT_NIO_CH,
    ForkFlags.EXPORT_REF, ForkFlags.NO_ANALYTICS, ForkFlags.NO_ANNOUNCER, ForkFlags.NO_PERF_INFO,
    ForkFlags.NO_BOUNDS_CHECKS, ForkFlags.DIRECT_MEMORY})
@State(Scope.Benchmark)
public class LazyResumeBenchmark {
    @Param({"1024", "8192"})
    public int arenaMiB;

    @Param("mixed")
    public String profile;

    /** The prefetch policy: {@code sequential} (the engine's default) starts the background thread inside {@code start}. */
    @Param("sequential")
    public String prefetch;

    private Path dir;
    private Path file;
    private long arenaBytes;
    private LazyRestoreOptions options;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = BenchFiles.newDirectory("ckpt-jmh-resume-");
        file = dir.resolve("resume.ckpt");
        try (GuestMemory source = LazyFixtures.arena(arenaMiB, profile)) {
            arenaBytes = source.size();
            LazyFixtures.save(source, file, SaveOptions.defaults());
        }
        // A fresh arena is all zero, as a host that allocates one to restore into knows.
        options = LazyRestoreOptions.defaults().withPrefetch(Prefetch.parse(prefetch)).withArenaZeroed(true);
    }

    /**
     * The fresh arena of one iteration (used only by {@link #resume}, so the baseline does not
     * pay for allocating gigabytes it does not use).
     */
    @State(Scope.Benchmark)
    public static class Target {
        GuestMemory memory;
        LazyRestore restore;
        private final long[] engineResume = new long[1024];
        private int iterations;

        @Setup(Level.Iteration)
        public void allocate(LazyResumeBenchmark b) {
            memory = GuestMemory.allocate(b.arenaBytes);
        }

        @TearDown(Level.Iteration)
        public void free() {
            if (restore != null && iterations < engineResume.length) {
                engineResume[iterations++] = restore.stats().resumeNanos();
            }
            LazyFixtures.close(restore, memory);
            restore = null;
            memory = null;
        }

        @TearDown(Level.Trial)
        public void report() {
            if (iterations > 0) {
                long[] r = Arrays.copyOf(engineResume, iterations);
                Arrays.sort(r);
                System.out.printf("%n# engine's resumeNanos over %d iterations (warm-up included): min %.2f ms,"
                    + " median %.2f ms, max %.2f ms%n", iterations, r[0] / 1e6, r[iterations / 2] / 1e6,
                    r[iterations - 1] / 1e6);
            }
        }
    }

    /** @return the running restore (closed after the iteration). */
    @Benchmark
    public LazyRestore resume(Target t) throws IOException {
        t.restore = LazyRestore.start(file, t.memory, options);
        return t.restore;
    }

    /** @return the file's metadata: the baseline, one validated read of header, trailer, index and table. */
    @Benchmark
    public CheckpointMetadata readMetadata() throws IOException {
        return Checkpoints.inspect(file);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        BenchFiles.deleteTree(dir);
    }
}
