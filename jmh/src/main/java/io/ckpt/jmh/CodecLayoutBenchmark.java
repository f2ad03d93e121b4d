package io.ckpt.jmh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import io.ckpt.Checkpoints;
import io.ckpt.format.Codec;
import io.ckpt.memory.GuestMemory;
import io.ckpt.restore.RestoreOptions;
import io.ckpt.restore.RestoreStats;
import io.ckpt.restore.lazy.LazyRestore;
import io.ckpt.restore.lazy.LazyRestoreOptions;
import io.ckpt.restore.lazy.LazyRestoreStats;
import io.ckpt.restore.lazy.Neighbours;
import io.ckpt.restore.lazy.Prefetch;
import io.ckpt.save.SaveOptions;
import io.ckpt.save.SaveStats;
import io.ckpt.tools.text.Sizes;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Issue #13: does a file of small blocks with a trained zstd dictionary stay no larger than
 * today's 16-page LZ4 file, while a lazy restore touching 1% of the pages at random becomes at
 * least 10x faster than an eager restore of the same file? One {@code layout} per trial: its file
 * is saved once in the trial's set-up (not timed) and read from the page cache.
 * <ul>
 *   <li>{@link #eager} (the baseline): {@code Checkpoints.restore} of the whole file into a fresh
 *       zeroed arena, two threads.</li>
 *   <li>{@link #lazyRandomPages}: {@code LazyRestore.start} into a fresh zeroed arena, then the
 *       host reads one long of each of 1% of the pages, distinct, in random order, until the last
 *       has been read. The pages depend only on the arena's size and a fixed seed, so every layout
 *       touches the same ones. Prefetch is off and, by default, so are neighbour installs: each
 *       touch that finds its block absent decodes that block on the host's thread, and nothing
 *       else is installed, so the time is the time to have the touched pages and no background
 *       work runs beside or after it.</li>
 * </ul>
 * Both report the secondary result {@code fileBytes}, the length of the trial's file (see
 * {@link FileSize}); the trial's {@code # layout} line repeats it with the dictionary's size.
 *
 * <p>Checks, all outside the measured time, failing the run on any difference: in the set-up,
 * the file is restored once eagerly and once lazily (sequential prefetch, until complete) and
 * each arena compared byte for byte with the source; after every iteration, an eager restore's
 * whole arena, or every page a lazy one touched (4 KiB each), is compared byte for byte, and the
 * sum the host read is checked against the source's.
 *
 * <p>Goals (issue #13): {@code zstd-dict-4}'s {@code fileBytes} at most {@code lz4-16}'s, and its
 * {@code lazyRandomPages} at least 10x faster than its {@code eager}.
 *
 * <p>Thread-safety: JMH's single benchmark thread; the restores run their own threads.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {ForkFlags.EXPORT_MISC, ForkFlags.OPEN_REFLECT, ForkFlags.EXPORT_NIO_CH,
    ForkFlags.EXPORT_REF, ForkFlags.NO_ANALYTICS, ForkFlags.NO_ANNOUNCER, ForkFlags.NO_PERF_INFO,
    ForkFlags.NO_BOUNDS_CHECKS, ForkFlags.DIRECT_MEMORY})
@State(Scope.Benchmark)
public class CodecLayoutBenchmark {
    private static final RestoreOptions EAGER = RestoreOptions.defaults().withArenaZeroed(true);

    /**
     * Codec and pages per block of the saved file: {@code lz4-N}, {@code zstd-N} (no dictionary)
     * or {@code zstd-dict-N} (the engine's default dictionary: 64 KiB trained on 4 MiB), N a power
     * of two; zstd at the engine's default level. {@code lz4-16} is today's default.
     */
    @Param({"lz4-16", "zstd-dict-4"})
    public String layout;

    /** Arena size ({@code 256m}, {@code 1g}, ...). */
    @Param("1g")
    public String size;

    /** Arena content ({@code ArenaFiller.Profile}). */
    @Param("mixed")
    public String profile;

    /** What a lazy fault does with the other blocks of its storage block: none (default) or background. */
    @Param("none")
    public String neighbours;

    private Path dir;
    private Path file;
    private long fileBytes;
    private GuestMemory source;
    private LazyRestoreOptions lazy;
    /** A long at the start of each of 1% of the pages, distinct, in random order. */
    private long[] randomPages;

    /**
     * Fills the arena, saves it in {@link #layout}, picks the pages to touch and checks both
     * whole restores of the file (none of it timed).
     *
     * @throws IOException if the save or a restore fails
     * @throws InterruptedException if interrupted while the checking lazy restore completes
     * @throws IllegalStateException if a restore differs from the source
     */
    @Setup(Level.Trial)
    public void setUp() throws IOException, InterruptedException {
        SaveOptions save = saveOptions(layout);
        lazy = LazyRestoreOptions.defaults().withPrefetch(Prefetch.NONE)
            .withNeighbours(Neighbours.valueOf(neighbours.toUpperCase())).withArenaZeroed(true);
        dir = BenchFiles.newDirectory("ckpt-jmh-layout-");
        file = dir.resolve(layout + ".ckpt");
        source = LazyFixtures.arenaOfBytes(Sizes.parse(size), profile);
        SaveStats s = LazyFixtures.save(source, file, save);
        fileBytes = Files.size(file);
        System.out.printf("# layout %s: %s, %d-page blocks, file %d bytes (%.3f of the arena), dictionary %d bytes"
                + " trained in %.0f ms%n", layout, save.codec(), save.pagesPerBlock(), fileBytes,
            (double) fileBytes / source.size(), s.dictionaryBytes(), s.dictionaryNanos() / 1e6);
        long pages = source.pageCount();
        randomPages = LazyFixtures.distinct(pages, Math.max(1, pages / 100), new SplittableRandom(LazyFixtures.CHOICE_SEED));
        for (int i = 0; i < randomPages.length; i++) {
            randomPages[i] *= GuestMemory.PAGE_SIZE;
        }
        checkWholeRestores();
    }

    /** Restores the file eagerly and lazily (to completion) once each; the trial fails unless both equal the source. */
    private void checkWholeRestores() throws IOException, InterruptedException {
        GuestMemory eager = GuestMemory.allocate(source.size());
        try {
            Checkpoints.restore(file, eager, EAGER);
            LazyFixtures.checkEqual(source, eager, layout + " eager restore (set-up check)");
        } finally {
            eager.close();
        }
        GuestMemory target = GuestMemory.allocate(source.size());
        LazyRestore restore = null;
        try {
            restore = LazyRestore.start(file, target,
                LazyRestoreOptions.defaults().withPrefetch(Prefetch.SEQUENTIAL).withArenaZeroed(true));
            restore.awaitCompletion();
            LazyFixtures.checkEqual(source, target, layout + " lazy restore (set-up check)");
        } finally {
            LazyFixtures.close(restore, target);
        }
    }

    /**
     * @param layout {@code lz4-N}, {@code zstd-N} or {@code zstd-dict-N}
     * @return the save options of that layout, otherwise the engine's defaults
     * @throws IllegalArgumentException if {@code layout} is not one of those forms
     */
    static SaveOptions saveOptions(String layout) {
        String[] parts = layout.split("-");
        boolean dictionary = parts.length == 3 && parts[1].equals("dict");
        if (!(parts.length == 2 || dictionary) || !parts[parts.length - 1].matches("[0-9]{1,3}")) {
            throw new IllegalArgumentException("layout=" + layout + " must be lz4-N, zstd-N or zstd-dict-N");
        }
        Codec codec = Codec.parse(parts[0]);
        if (codec == Codec.NONE || (dictionary && codec != Codec.ZSTD)) {
            throw new IllegalArgumentException("layout=" + layout + ": only zstd takes a dictionary, and none is not a layout");
        }
        SaveOptions o = SaveOptions.defaults().withCodec(codec)
            .withPagesPerBlock(Integer.parseInt(parts[parts.length - 1]));
        return codec == Codec.ZSTD && !dictionary ? o.withDictionarySize(0) : o;
    }

    /** What one iteration restored into, and how to check it afterwards. */
    @State(Scope.Thread)
    public static class Target {
        private CodecLayoutBenchmark trial;
        GuestMemory memory;
        LazyRestore restore;
        /** Whether the iteration's restore was lazy (check the touched pages) or eager (check everything). */
        boolean lazy;
        long sum;
        private LazyRestoreStats last;

        /** @param b the trial, whose arena size the fresh (zeroed) arena takes */
        @Setup(Level.Iteration)
        public void allocate(CodecLayoutBenchmark b) {
            trial = b;
            memory = GuestMemory.allocate(b.source.size());
            restore = null;
        }

        /**
         * Checks the iteration's restore and frees its arena.
         *
         * @throws IllegalStateException if the eager arena, a touched page or the sum read differs from the source
         */
        @TearDown(Level.Iteration)
        public void checkAndFree() {
            try {
                if (!lazy) {
                    LazyFixtures.checkEqual(trial.source, memory, trial.layout + " eager restore");
                    return;
                }
                last = restore.stats();
                LazyFixtures.checkSum(trial.source, trial.randomPages, sum, trial.layout + " lazy restore");
                // The touched pages are present now, so reading them whole faults nothing in.
                byte[] want = new byte[GuestMemory.PAGE_SIZE];
                byte[] got = new byte[GuestMemory.PAGE_SIZE];
                for (long a : trial.randomPages) {
                    trial.source.readPage(a / GuestMemory.PAGE_SIZE, want, 0);
                    memory.readPage(a / GuestMemory.PAGE_SIZE, got, 0);
                    if (!Arrays.equals(want, got)) {
                        throw new IllegalStateException(trial.layout + " lazy restore gave a different page at 0x"
                            + Long.toHexString(a));
                    }
                }
            } finally {
                LazyFixtures.close(restore, memory);
                restore = null;
                memory = null;
            }
        }

        /** Prints the last lazy restore's engine counters: how many faults, and how much each one cost. */
        @TearDown(Level.Trial)
        public void report() {
            if (last != null) {
                System.out.printf("%n# last lazy restore (%s): %d faults (p50 %.0f us, p99 %.0f us), %d waits, installed by"
                        + " fault/neighbour %d/%d, %d storage blocks read, %d bytes read%n", trial.layout, last.faults(),
                    last.faultP50Nanos() / 1e3, last.faultP99Nanos() / 1e3, last.faultWaits(), last.installedByFault(),
                    last.installedByNeighbour(), last.storageBlocksRead(), last.bytesRead());
            }
        }
    }

    /**
     * The secondary result {@code fileBytes}: the length of the trial's checkpoint file. JMH sums
     * an {@link AuxCounters.Type#EVENTS} counter over the measured iterations of all forks, so
     * each measured iteration reports its share, the length divided by their number: the result's
     * score (and the JSON's {@code secondaryMetrics.fileBytes.score}) is the file's length (with
     * several forks, the mean of their files', which differ by tens of KiB from save to save:
     * 107.95-107.99 MB seen for {@code lz4-16} at 256 MiB), the per-iteration lines are that share,
     * and warm-up iterations report 0.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class FileSize {
        /** This iteration's share of the file's length in bytes. */
        public double fileBytes;

        /**
         * @param b         the trial, whose file is measured
         * @param params    the run's parameters: measured iterations per fork, forks
         * @param iteration whether this iteration is measured or a warm-up
         */
        @TearDown(Level.Iteration)
        public void share(CodecLayoutBenchmark b, BenchmarkParams params, IterationParams iteration) {
            // A tear-down, not a set-up: JMH zeroes the counters after the iteration's set-up.
            long measured = (long) params.getMeasurement().getCount() * Math.max(1, params.getForks());
            fileBytes = iteration.getType() == IterationType.MEASUREMENT ? (double) b.fileBytes / measured : 0;
        }
    }

    /**
     * @param t the iteration's fresh zeroed arena
     * @param f the file-size counter (read by JMH)
     * @return the eager restore's stats: the baseline, everything restored
     * @throws IOException if the restore fails
     */
    @Benchmark
    public RestoreStats eager(Target t, FileSize f) throws IOException {
        t.lazy = false;
        return Checkpoints.restore(file, t.memory, EAGER);
    }

    /**
     * @param t the iteration's fresh zeroed arena
     * @param f the file-size counter (read by JMH)
     * @return the sum of the longs the host read, one per touched page
     * @throws IOException if the lazy restore cannot start
     */
    @Benchmark
    public long lazyRandomPages(Target t, FileSize f) throws IOException {
        t.lazy = true;
        t.restore = LazyRestore.start(file, t.memory, lazy);
        long sum = LazyFixtures.sum(t.memory, randomPages);
        t.sum = sum;
        return sum;
    }

    /**
     * Frees the source arena and deletes the trial's file.
     *
     * @throws IOException if the file cannot be deleted
     */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        source.close();
        BenchFiles.deleteTree(dir);
    }
}
