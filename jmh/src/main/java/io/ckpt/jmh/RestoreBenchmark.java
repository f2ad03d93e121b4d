package io.ckpt.jmh;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.ckpt.memory.GuestMemory;
import io.ckpt.restore.RestoreOptions;
import io.ckpt.save.SaveOptions;
import io.ckpt.tools.bench.ArenaStore;
import io.ckpt.tools.bench.ArenaStores;
import io.ckpt.tools.bench.Arenas;
import io.ckpt.tools.bench.IoResult;
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
 * How long does restoring one whole arena take, ckpt's eager restore against the baselines?
 * The file is written once per trial (not timed) and so is read from the page cache. Before
 * each iteration the target arena is poisoned; after it, it is compared byte for byte with the
 * source and the run fails on any difference. {@code threads} and {@code verifyChecksums}
 * apply to ckpt only.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {ForkFlags.EXPORT_MISC, ForkFlags.OPEN_REFLECT, ForkFlags.EXPORT_NIO_CH,
    ForkFlags.EXPORT_REF, ForkFlags.NO_ANALYTICS, ForkFlags.NO_ANNOUNCER, ForkFlags.NO_PERF_INFO,
    ForkFlags.NO_BOUNDS_CHECKS, ForkFlags.DIRECT_MEMORY})
@State(Scope.Benchmark)
public class RestoreBenchmark {
    @Param({"ckpt", "lz4stream", "raw"})
    public String impl;

    @Param("256")
    public int arenaMiB;

    @Param("mixed")
    public String profile;

    @Param("16")
    public int pagesPerBlock;

    @Param("2")
    public int threads;

    @Param("true")
    public boolean verifyChecksums;

    /** A raw memory image to use as the arena instead of a generated one (then arenaMiB and profile are ignored). */
    @Param("")
    public String imagePath;

    private GuestMemory source;
    private GuestMemory target;
    private ArenaStore store;
    private Path dir;
    private Path file;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        source = Arenas.create(imagePath, (long) arenaMiB << 20, Profile.parse(profile), 42);
        target = GuestMemory.allocate(source.size());
        store = ArenaStores.byName(impl, SaveOptions.defaults().withPagesPerBlock(pagesPerBlock),
            RestoreOptions.defaults().withThreads(threads).withVerifyChecksums(verifyChecksums));
        dir = BenchFiles.newDirectory("ckpt-jmh-restore-");
        file = dir.resolve(impl + ".out");
        store.save(source, file);
    }

    @Setup(Level.Iteration)
    public void poison() {
        Arenas.poison(target);
    }

    @Benchmark
    public IoResult restore() throws IOException {
        return store.restore(file, target);
    }

    @TearDown(Level.Iteration)
    public void verify() {
        long bad = Arenas.firstMismatch(source, target);
        if (bad >= 0) {
            throw new IllegalStateException(impl + " restored a different arena: first difference at 0x"
                + Long.toHexString(bad));
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        store.close();
        target.close();
        source.close();
        BenchFiles.deleteTree(dir);
    }
}
