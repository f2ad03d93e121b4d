package io.ckpt.jmh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.ckpt.memory.GuestMemory;
import io.ckpt.restore.RestoreOptions;
import io.ckpt.save.SaveOptions;
import io.ckpt.tools.bench.ArenaStore;
import io.ckpt.tools.bench.ArenaStores;
import io.ckpt.tools.bench.Arenas;
import io.ckpt.tools.bench.IoResult;
import io.ckpt.tools.text.Sizes;
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
 * How long does saving one whole arena take, ckpt against the baselines on the same arena?
 * One operation is one complete save to a new file, forced to disk (every implementation
 * fsyncs). {@code pagesPerBlock}, {@code storageBlockKiB} and {@code compressors} apply to
 * ckpt only. The arena is generated once per trial ({@code imagePath} empty) or loaded from a
 * raw image.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {ForkFlags.EXPORT_MISC, ForkFlags.OPEN_REFLECT, ForkFlags.EXPORT_NIO_CH,
    ForkFlags.EXPORT_REF, ForkFlags.NO_ANALYTICS, ForkFlags.NO_ANNOUNCER, ForkFlags.NO_PERF_INFO,
    ForkFlags.NO_BOUNDS_CHECKS, ForkFlags.DIRECT_MEMORY})
@State(Scope.Benchmark)
public class SaveBenchmark {
    @Param({"ckpt", "lz4stream", "raw", "naive"})
    public String impl;

    @Param("256")
    public int arenaMiB;

    @Param("mixed")
    public String profile;

    @Param("16")
    public int pagesPerBlock;

    @Param("1024")
    public int storageBlockKiB;

    @Param("2")
    public int compressors;

    /** A raw memory image to use as the arena instead of a generated one (then arenaMiB and profile are ignored). */
    @Param("")
    public String imagePath;

    private GuestMemory memory;
    private ArenaStore store;
    private Path dir;
    private Path file;
    private IoResult last;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        memory = Arenas.create(imagePath, (long) arenaMiB << 20, Profile.parse(profile), 42);
        SaveOptions save = SaveOptions.defaults().withPagesPerBlock(pagesPerBlock)
            .withStorageBlockSize(storageBlockKiB << 10).withCompressors(compressors);
        store = ArenaStores.byName(impl, save, RestoreOptions.defaults());
        dir = BenchFiles.newDirectory("ckpt-jmh-save-");
        file = dir.resolve(impl + ".out");
    }

    @Benchmark
    public IoResult save() throws IOException {
        last = store.save(memory, file);
        return last;
    }

    @TearDown(Level.Iteration)
    public void deleteFile() throws IOException {
        Files.deleteIfExists(file);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        if (last != null) {
            System.out.printf("%n# %s: %s arena -> %s file, %d write calls%n", impl, Sizes.compact(memory.size()),
                Sizes.compact(last.fileBytes()), last.calls());
        }
        store.close();
        memory.close();
        BenchFiles.deleteTree(dir);
    }
}
