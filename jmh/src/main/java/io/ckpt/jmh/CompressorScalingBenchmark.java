package io.ckpt.jmh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.ckpt.Checkpoints;
import io.ckpt.memory.GuestMemory;
import io.ckpt.save.SaveOptions;
import io.ckpt.save.SaveStats;
import io.ckpt.tools.bench.Arenas;
import io.ckpt.workload.ArenaFiller.Profile;
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
 * Does a second compressor thread make a ckpt save faster? One operation is one whole save
 * (forced). The I/O thread is always one more thread, so on a 2-core machine two compressors
 * and the I/O thread share two cores. At the end of a trial the engine's own breakdown of the
 * last save (compress time summed over threads, I/O time, staging waits) is printed.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {ForkFlags.EXPORT_MISC, ForkFlags.OPEN_REFLECT, ForkFlags.EXPORT_NIO_CH,
    ForkFlags.EXPORT_REF, ForkFlags.NO_ANALYTICS, ForkFlags.NO_ANNOUNCER, ForkFlags.NO_PERF_INFO,
    ForkFlags.NO_BOUNDS_CHECKS, ForkFlags.DIRECT_MEMORY})
@State(Scope.Benchmark)
public class CompressorScalingBenchmark {
    @Param({"1", "2"})
    public int compressors;

    @Param("256")
    public int arenaMiB;

    @Param("mixed")
    public String profile;

    /** A raw memory image to use as the arena instead of a generated one (then arenaMiB and profile are ignored). */
    @Param("")
    public String imagePath;

    private GuestMemory memory;
    private SaveOptions options;
    private Path dir;
    private Path file;
    private SaveStats last;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        memory = Arenas.create(imagePath, (long) arenaMiB << 20, Profile.parse(profile), 42);
        options = SaveOptions.defaults().withCompressors(compressors);
        dir = BenchFiles.newDirectory("ckpt-jmh-scaling-");
        file = dir.resolve("scaling.ckpt");
    }

    @Benchmark
    public SaveStats save() throws IOException {
        last = Checkpoints.save(memory, file, options);
        return last;
    }

    @TearDown(Level.Iteration)
    public void deleteFile() throws IOException {
        Files.deleteIfExists(file);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        if (last != null) {
            System.out.printf("%n# compressors=%d: total %.1f ms, compress %.1f ms (summed), io %.1f ms, commit %.1f ms,"
                    + " staging waits %d%n", compressors, last.totalNanos() / 1e6, last.compressNanos() / 1e6,
                last.ioNanos() / 1e6, last.commitNanos() / 1e6, last.stagingWaits());
        }
        memory.close();
        BenchFiles.deleteTree(dir);
    }
}
