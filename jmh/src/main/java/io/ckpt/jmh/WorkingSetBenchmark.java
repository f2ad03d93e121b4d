package io.ckpt.jmh;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import io.ckpt.memory.GuestMemory;
import io.ckpt.restore.lazy.LazyRestore;
import io.ckpt.restore.lazy.LazyRestoreOptions;
import io.ckpt.restore.lazy.LazyRestoreStats;
import io.ckpt.restore.lazy.Prefetch;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * After a lazy restore, how soon has the host touched its working set, with working-set
 * prefetch against sequential prefetch (and none)? The host's working set is
 * {@code workingSetPercent}% of the page blocks, scattered at random over the arena; before
 * the save (set-up) it reads one long of each, so their accessed bits make the file's
 * working-set hint. One operation: lazy start into a fresh (zeroed) arena, then the host reads
 * one long of every page of every working-set block, blocks in a random order (not the hint's),
 * spending {@code thinkMicros} of CPU after each block (0: a host that only touches memory).
 * It ends when the whole working set has been read; the rest of the arena may still be absent.
 *
 * <p>With {@code hint=true} (default) the save stores the hint and writes the hinted blocks
 * first, so they share the first storage blocks of the file; with {@code hint=false} it stores
 * no hint and writes blocks in address order (WORKING_SET then falls back to SEQUENTIAL, as the
 * trial's summary line shows). Neighbours are installed in the background (the default).
 *
 * <p>Goal: WORKING_SET waits less than SEQUENTIAL.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = {ForkFlags.EXPORT_MISC, ForkFlags.OPEN_REFLECT, ForkFlags.EXPORT_NIO_CH,
    ForkFlags.EXPORT_REF, ForkFlags.NO_ANALYTICS, ForkFlags.NO_ANNOUNCER, ForkFlags.NO_PERF_INFO,
    ForkFlags.NO_BOUNDS_CHECKS, ForkFlags.DIRECT_MEMORY})
@State(Scope.Benchmark)
public class WorkingSetBenchmark {
    @Param("1024")
    public int arenaMiB;

    @Param("mixed")
    public String profile;

    @Param("5")
    public int workingSetPercent;

    /** Store the working-set hint in the file (and write its blocks first). */
    @Param("true")
    public boolean hint;

    @Param({"none", "sequential", "working-set"})
    public String prefetch;

    /** CPU time the host spends after touching each working-set block. */
    @Param("0")
    public int thinkMicros;

    private Path dir;
    private Path file;
    private GuestMemory source;
    /** One long of every page of every working-set block, block by block in random order. */
    private long[] addresses;
    private long expectedSum;
    private int pagesPerBlock;
    private LazyRestoreOptions options;
    private long thinkTokens;

    private GuestMemory target;
    private LazyRestore restore;
    private LazyRestoreStats last;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = BenchFiles.newDirectory("ckpt-jmh-workingset-");
        file = dir.resolve("workingset.ckpt");
        source = LazyFixtures.arena(arenaMiB, profile);
        source.tracking().setReadTracking(true);   // the hint is what the host read
        SaveOptions save = SaveOptions.defaults().withHint(hint);
        int blockBytes = save.blockBytes();
        pagesPerBlock = blockBytes / GuestMemory.PAGE_SIZE;
        long blocks = source.size() / blockBytes;
        SplittableRandom rnd = new SplittableRandom(LazyFixtures.CHOICE_SEED);
        long[] ws = LazyFixtures.distinct(blocks, Math.max(1, blocks * workingSetPercent / 100), rnd);
        addresses = new long[ws.length * pagesPerBlock];
        int n = 0;
        for (long b : ws) {
            for (int p = 0; p < pagesPerBlock; p++) {
                addresses[n++] = b * blockBytes + (long) p * GuestMemory.PAGE_SIZE + 8L * rnd.nextInt(GuestMemory.PAGE_SIZE / 8);
            }
        }
        // The host ran on its working set before the checkpoint: these reads set the accessed bits.
        expectedSum = LazyFixtures.sum(source, addresses);
        SaveStats s = LazyFixtures.save(source, file, save);
        if (hint && s.hintBlocks() != ws.length) {
            throw new IllegalStateException("hint holds " + s.hintBlocks() + " blocks, expected " + ws.length);
        }
        options = LazyRestoreOptions.defaults().withPrefetch(Prefetch.parse(prefetch)).withArenaZeroed(true);
        thinkTokens = thinkMicros == 0 ? 0 : calibrateTokens(thinkMicros);
    }

    /** @return Blackhole.consumeCPU tokens that take about {@code micros} here. */
    private static long calibrateTokens(int micros) {
        long tokens = 1000;
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < 100; i++) {
                Blackhole.consumeCPU(tokens);
            }
            double perToken = (System.nanoTime() - t0) / 100.0 / tokens;
            tokens = Math.max(1, (long) (micros * 1e3 / perToken));
        }
        return tokens;
    }

    @Setup(Level.Iteration)
    public void allocate() {
        target = GuestMemory.allocate(source.size());
    }

    /** @return the sum of the longs read: from {@code start} until the whole working set was touched. */
    @Benchmark
    public long touchWorkingSet() throws IOException {
        restore = LazyRestore.start(file, target, options);
        long sum = 0;
        for (int i = 0; i < addresses.length; i++) {
            sum += target.getLong(addresses[i]);
            if (thinkTokens > 0 && (i + 1) % pagesPerBlock == 0) {
                Blackhole.consumeCPU(thinkTokens);
            }
        }
        if (sum != expectedSum) {
            throw new IllegalStateException("working set read other values than the source holds");
        }
        return sum;
    }

    @TearDown(Level.Iteration)
    public void free() {
        if (restore != null) {
            last = restore.stats();
        }
        LazyFixtures.close(restore, target);
        restore = null;
        target = null;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        if (last != null) {
            System.out.printf("%n# last restore, prefetch used %s: %d faults (p50 %.0f us, p99 %.0f us), %d waits,"
                    + " installed by fault/neighbour/prefetch %d/%d/%d (at close), %d storage blocks read%n",
                last.prefetchUsed(), last.faults(), last.faultP50Nanos() / 1e3, last.faultP99Nanos() / 1e3,
                last.faultWaits(), last.installedByFault(), last.installedByNeighbour(), last.installedByPrefetch(),
                last.storageBlocksRead());
        }
        source.close();
        BenchFiles.deleteTree(dir);
    }
}
