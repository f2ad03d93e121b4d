package io.ckpt.jmh;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import io.ckpt.Checkpoints;
import io.ckpt.memory.GuestMemory;
import io.ckpt.restore.lazy.LazyRestore;
import io.ckpt.restore.lazy.LazyRestoreOptions;
import io.ckpt.save.PendingCheckpoint;
import io.ckpt.save.SaveOptions;
import io.ckpt.save.SaveStats;
import org.agrona.BufferUtil;
import org.agrona.UnsafeApi;
import org.agrona.concurrent.UnsafeBuffer;
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
 * What does the engine cost a host whose every memory access goes through {@link GuestMemory}?
 * The same loops run against the same direct memory in nine modes (one fork each, all in one run):
 * <ul>
 *   <li>{@code raw}: Agrona {@link UnsafeBuffer} over the arena's slab, no ckpt code (the baseline),
 *       as Agrona ships it: bounds-checked, like {@link GuestMemory}'s accessors and a
 *       {@code ByteBuffer};</li>
 *   <li>{@code raw-unchecked}: plain {@code Unsafe} loads, stores and copies at the slab's address,
 *       no bounds check at all (what {@link UnsafeBuffer} compiles to with
 *       {@code -Dagrona.disable.bounds.checks=true}): the floor, for reference;</li>
 *   <li>{@code idle}: the arena's accessors, dirty tracking on (reads not tracked, the default), no
 *       checkpoint running;</li>
 *   <li>{@code reads-tracked}: the same with read tracking on ({@code BlockTracking.setReadTracking(true)}:
 *       every read checks its block's permission byte), for the price of the read working set;</li>
 *   <li>{@code after-lazy-save}: {@code idle} after one lazy checkpoint during which every block
 *       was written once, as a host that has taken checkpoints before: the accessors' slow path has
 *       run, so the JIT compiles its call into the host's loops (in {@code idle} it has not run, and
 *       the JIT may leave it out of them);</li>
 *   <li>{@code view-after-lazy-save}: the same arena state, the host's loops over a
 *       {@link GuestMemory#writableView} of the whole arena instead of the accessors (they are
 *       {@code raw}'s loops: the view is an {@link UnsafeBuffer});</li>
 *   <li>{@code untracked}: the same with tracking off ({@code BlockTracking.setEnabled(false)});</li>
 *   <li>{@code lazy-save}: a lazy checkpoint in progress throughout: rate-limited to {@code rateMiB}
 *       MiB/s so that it outlasts the measurement, default pre-image pool; a new one is begun at
 *       the first measured iteration (so its first-write burst is measured) and whenever one
 *       commits (the host calls {@code begin} between invocations, in the measured time);</li>
 *   <li>{@code lazy-restored}: the arena was restored lazily from a checkpoint of the same content
 *       and the restore has completed.</li>
 * </ul>
 * Operations: {@link #getLong} and {@link #putLong} at random 8-byte-aligned addresses over the
 * whole arena; {@link #pageCopy}: one 4 KiB page copied out of the arena and one copied in, both
 * sequential; {@link #mixed}: 90% random reads over the whole arena, 10% random writes inside its
 * first {@code writePercent}%. Scores are operations per second (a page copy counts one).
 *
 * <p>For {@code lazy-save} the engine's write-stall figures of the checkpoints begun in the
 * measured iterations are printed at the end of the trial ({@code # lazy-save: ...}).
 *
 * <p>Goals (ratio to {@code raw}): idle and lazy-restored at least 0.97 on every operation,
 * untracked at least 0.99, lazy-save at least 0.80 on {@code mixed} with write stall p99 under
 * 20 us.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
// Without ForkFlags.NO_BOUNDS_CHECKS (the other benchmarks' flag): it would take the bounds checks
// out of raw's UnsafeBuffer only, and GuestMemory has to check every access; raw-unchecked is that case.
@Fork(value = 1, jvmArgsAppend = {ForkFlags.EXPORT_MISC, ForkFlags.OPEN_REFLECT, ForkFlags.EXPORT_NIO_CH,
    ForkFlags.EXPORT_REF, ForkFlags.NO_ANALYTICS, ForkFlags.NO_ANNOUNCER, ForkFlags.NO_PERF_INFO,
    ForkFlags.DIRECT_MEMORY})
@State(Scope.Benchmark)
public class HostAccessBenchmark {
    /** Random accesses per invocation of {@link #getLong}, {@link #putLong}, {@link #mixed}. */
    static final int BATCH = 1024;
    /** Page copies (one out, one in) per invocation of {@link #pageCopy}. */
    static final int PAGES = 64;
    private static final int PAGE = GuestMemory.PAGE_SIZE;
    private static final long BYTE_BASE = UnsafeApi.arrayBaseOffset(byte[].class);

    @Param({"raw", "raw-unchecked", "idle", "reads-tracked", "after-lazy-save", "view-after-lazy-save", "untracked",
        "lazy-save", "lazy-restored"})
    public String mode;

    /** Arena size; at most 1024 so that {@code raw} covers it with one {@link UnsafeBuffer}. */
    @Param("1024")
    public int arenaMiB;

    /** {@link #mixed} writes only inside the first {@code writePercent}% of the arena. */
    @Param("10")
    public int writePercent;

    /** Rate limit of the lazy-save checkpoints, MiB of arena per second. */
    @Param("160")
    public int rateMiB;

    @Param("mixed")
    public String profile;

    private GuestMemory memory;
    private UnsafeBuffer raw;
    private boolean useRaw;
    /** raw-unchecked: the slab's address; 0 in every other mode. */
    private long rawAddress;
    private long wordMask;
    private long hotWords;
    private long seed = 0x9E3779B97F4A7C15L;
    private long pageCursor;
    private final byte[] page = new byte[PAGE];
    private Path dir;

    private Checkpointing checkpoints;

    @Setup(Level.Trial)
    public void setUp() throws IOException, InterruptedException {
        if (Long.bitCount(arenaMiB) != 1 || arenaMiB > 1024) {
            throw new IllegalArgumentException("arenaMiB=" + arenaMiB + ": a power of two, at most 1024");
        }
        memory = LazyFixtures.arena(arenaMiB, profile);
        long size = memory.size();
        wordMask = (size - 1) & ~7L;
        hotWords = Math.max(1, size * writePercent / 100 / 8);
        dir = BenchFiles.newDirectory("ckpt-jmh-host-");
        switch (mode) {
            case "raw":
                raw = new UnsafeBuffer(memory.slabFor(0, (int) size), 0, (int) size);
                useRaw = true;
                break;
            case "raw-unchecked":
                rawAddress = BufferUtil.address(memory.slabFor(0, (int) size));
                break;
            case "idle":
                break;
            case "reads-tracked":
                memory.tracking().setReadTracking(true);
                break;
            case "after-lazy-save":
            case "view-after-lazy-save": {
                // One lazy checkpoint, every block written once while it runs: the accessors'
                // slow path has been taken (so the JIT compiles its call), then the arena is idle.
                try (PendingCheckpoint p = PendingCheckpoint.prepare(memory, dir.resolve("warm.ckpt"), SaveOptions.defaults())) {
                    p.begin();
                    for (long a = 0; a < size; a += 64 << 10) {
                        memory.putLong(a, memory.getLong(a));
                    }
                    p.await();
                }
                if (mode.equals("view-after-lazy-save")) {
                    // The host's loops then run over a writable view of the whole arena (raw's loops).
                    raw = memory.writableView(0, (int) size);
                    useRaw = true;
                }
                break;
            }
            case "untracked":
                memory.tracking().setEnabled(false);
                break;
            case "lazy-save":
                checkpoints = new Checkpointing(memory, dir.resolve("lazy.ckpt"),
                    SaveOptions.defaults().withRateLimit((long) rateMiB << 20));
                break;
            case "lazy-restored":
                Path file = dir.resolve("source.ckpt");
                Checkpoints.save(memory, file);
                memory.close();
                memory = GuestMemory.allocate(size);
                try (LazyRestore r = LazyRestore.start(file, memory, LazyRestoreOptions.defaults().withArenaZeroed(true))) {
                    r.awaitCompletion();
                    System.out.printf("%n# lazy restore completed in %.0f ms%n", r.stats().completeNanos() / 1e6);
                }
                if (memory.guard() != null) {
                    throw new IllegalStateException("guard left after a completed lazy restore: " + memory.guard());
                }
                break;
            default:
                throw new IllegalArgumentException("mode=" + mode);
        }
    }

    @Setup(Level.Iteration)
    public void iteration(IterationParams it) throws InterruptedException {
        if (checkpoints != null) {
            checkpoints.iteration(it.getType() == IterationType.MEASUREMENT);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException, InterruptedException {
        if (checkpoints != null) {
            checkpoints.stop();
        }
        memory.close();
        BenchFiles.deleteTree(dir);
    }

    /** @return the sum of {@value #BATCH} longs read at random addresses. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long getLong() throws IOException {
        pause();
        long s = seed;
        long sum = 0;
        long m = wordMask;
        if (useRaw) {
            UnsafeBuffer b = raw;
            for (int i = 0; i < BATCH; i++) {
                s += 0x9E3779B97F4A7C15L;
                sum += b.getLong((int) (mix(s) & m));
            }
        } else if (rawAddress != 0) {
            long a = rawAddress;
            for (int i = 0; i < BATCH; i++) {
                s += 0x9E3779B97F4A7C15L;
                sum += UnsafeApi.getLong(a + (mix(s) & m));
            }
        } else {
            GuestMemory g = memory;
            for (int i = 0; i < BATCH; i++) {
                s += 0x9E3779B97F4A7C15L;
                sum += g.getLong(mix(s) & m);
            }
        }
        seed = s;
        return sum;
    }

    /** @return the last value written: {@value #BATCH} longs written at random addresses. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long putLong() throws IOException {
        pause();
        long s = seed;
        long m = wordMask;
        if (useRaw) {
            UnsafeBuffer b = raw;
            for (int i = 0; i < BATCH; i++) {
                s += 0x9E3779B97F4A7C15L;
                b.putLong((int) (mix(s) & m), s);
            }
        } else if (rawAddress != 0) {
            long a = rawAddress;
            for (int i = 0; i < BATCH; i++) {
                s += 0x9E3779B97F4A7C15L;
                UnsafeApi.putLong(a + (mix(s) & m), s);
            }
        } else {
            GuestMemory g = memory;
            for (int i = 0; i < BATCH; i++) {
                s += 0x9E3779B97F4A7C15L;
                g.putLong(mix(s) & m, s);
            }
        }
        seed = s;
        return s;
    }

    /** @return a byte of the last page: {@value #PAGES} pages copied out and {@value #PAGES} copied in, sequentially. */
    @Benchmark
    @OperationsPerInvocation(PAGES)
    public byte pageCopy() throws IOException {
        pause();
        long c = pageCursor;
        long mask = memory.size() - 1;
        long half = memory.size() >>> 1;
        byte[] p = page;
        if (useRaw) {
            UnsafeBuffer b = raw;
            for (int i = 0; i < PAGES; i++) {
                b.getBytes((int) c, p, 0, PAGE);
                b.putBytes((int) ((c + half) & mask), p, 0, PAGE);
                c = (c + PAGE) & mask;
            }
        } else if (rawAddress != 0) {
            long a = rawAddress;
            for (int i = 0; i < PAGES; i++) {
                UnsafeApi.copyMemory(null, a + c, p, BYTE_BASE, PAGE);
                UnsafeApi.copyMemory(p, BYTE_BASE, null, a + ((c + half) & mask), PAGE);
                c = (c + PAGE) & mask;
            }
        } else {
            GuestMemory g = memory;
            for (int i = 0; i < PAGES; i++) {
                g.getBytes(c, p, 0, PAGE);
                g.putBytes((c + half) & mask, p, 0, PAGE);
                c = (c + PAGE) & mask;
            }
        }
        pageCursor = c;
        return p[(int) (c >>> 12) & (PAGE - 1)];
    }

    /** @return the sum of the values read: {@value #BATCH} accesses, 90% reads anywhere, 10% writes inside the hot region. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long mixed() throws IOException {
        pause();
        long s = seed;
        long sum = 0;
        long m = wordMask;
        long hot = hotWords;
        if (useRaw) {
            UnsafeBuffer b = raw;
            for (int i = 0; i < BATCH; i++) {
                s += 0x9E3779B97F4A7C15L;
                long r = mix(s);
                if ((r >>> 48) < WRITE_THRESHOLD) {
                    b.putLong((int) ((((r & 0xFFFF_FFFFL) * hot) >>> 32) << 3), s);
                } else {
                    sum += b.getLong((int) (r & m));
                }
            }
        } else if (rawAddress != 0) {
            long a = rawAddress;
            for (int i = 0; i < BATCH; i++) {
                s += 0x9E3779B97F4A7C15L;
                long r = mix(s);
                if ((r >>> 48) < WRITE_THRESHOLD) {
                    UnsafeApi.putLong(a + ((((r & 0xFFFF_FFFFL) * hot) >>> 32) << 3), s);
                } else {
                    sum += UnsafeApi.getLong(a + (r & m));
                }
            }
        } else {
            GuestMemory g = memory;
            for (int i = 0; i < BATCH; i++) {
                s += 0x9E3779B97F4A7C15L;
                long r = mix(s);
                if ((r >>> 48) < WRITE_THRESHOLD) {
                    g.putLong((((r & 0xFFFF_FFFFL) * hot) >>> 32) << 3, s);
                } else {
                    sum += g.getLong(r & m);
                }
            }
        }
        seed = s;
        return sum;
    }

    /** 10% of 2^16: the share of {@link #mixed}'s accesses that are writes. */
    private static final long WRITE_THRESHOLD = 6554;

    /** The host's pause between invocations: begins a prepared lazy checkpoint (lazy-save only). */
    private void pause() throws IOException {
        Checkpointing c = checkpoints;
        if (c != null) {
            c.poll();
        }
    }

    /** The finaliser of SplitMix64: a cheap, well-mixed address stream, the same in every mode. */
    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    /**
     * Lazy checkpoints kept in progress, driven as a host would: a control thread prepares one and
     * waits for its commit; the host thread begins it in its pause, between two invocations.
     *
     * <p>Thread-safety: {@link #poll} on the host thread; the control thread hands over through
     * {@code toBegin}; the JMH set-up methods run on the host thread between invocations.
     */
    static final class Checkpointing {
        private final GuestMemory memory;
        private final Path file;
        private final SaveOptions options;
        private final AtomicReference<PendingCheckpoint> toBegin = new AtomicReference<>();
        private final ConcurrentLinkedQueue<Object[]> finished = new ConcurrentLinkedQueue<>();
        private volatile PendingCheckpoint running;
        private volatile boolean stopping;
        private volatile Throwable failure;
        private Thread control;
        private volatile boolean measuring;
        private boolean restartedForMeasurement;
        private long[] p50 = new long[16];
        private long[] p99 = new long[16];
        private long[] max = new long[16];
        private int saves;
        private long preImages;
        private long poolWaits;
        private int cancelled;

        Checkpointing(GuestMemory memory, Path file, SaveOptions options) {
            this.memory = memory;
            this.file = file;
            this.options = options;
        }

        void iteration(boolean measurement) throws InterruptedException {
            if (control == null) {
                control = new Thread(this::schedule, "bench-checkpoint-control");
                control.setDaemon(true);
                control.start();
            }
            if (measurement && !restartedForMeasurement) {
                // The warm-up's checkpoint has preserved the hot set: start a fresh one, so the
                // measured iterations include a checkpoint's first writes.
                restartedForMeasurement = true;
                PendingCheckpoint p = running;
                if (p != null) {
                    p.cancel();
                }
                while (toBegin.get() == null && failure == null) {
                    LockSupport.parkNanos(100_000);
                }
                measuring = true;
            }
            drain();
        }

        private void schedule() {
            try {
                while (!stopping) {
                    PendingCheckpoint p = PendingCheckpoint.prepare(memory, file, options);
                    toBegin.set(p);
                    while (toBegin.get() != null) {
                        if (stopping && toBegin.compareAndSet(p, null)) {
                            p.close();
                            return;
                        }
                        LockSupport.parkNanos(20_000);
                    }
                    running = p;
                    boolean counted = measuring;
                    try {
                        SaveStats s = p.await();
                        finished.add(new Object[] {s, counted});
                    } catch (CancellationException e) {
                        finished.add(new Object[] {null, counted});
                    }
                    running = null;
                }
            } catch (Throwable t) {
                failure = t;
            }
        }

        /** Host thread, between invocations: begins a prepared checkpoint. */
        void poll() throws IOException {
            PendingCheckpoint p = toBegin.get();
            if (p != null) {
                p.begin();
                toBegin.set(null);
            }
            if (failure != null) {
                throw new IOException("checkpoint failed", failure);
            }
        }

        private void drain() {
            for (Object[] f = finished.poll(); f != null; f = finished.poll()) {
                SaveStats s = (SaveStats) f[0];
                if (!(Boolean) f[1]) {
                    continue;
                }
                if (s == null) {
                    cancelled++;
                    continue;
                }
                if (saves == p50.length) {
                    p50 = Arrays.copyOf(p50, saves * 2);
                    p99 = Arrays.copyOf(p99, saves * 2);
                    max = Arrays.copyOf(max, saves * 2);
                }
                p50[saves] = s.stallP50Nanos();
                p99[saves] = s.stallP99Nanos();
                max[saves] = s.stallMaxNanos();
                saves++;
                preImages += s.preImages();
                poolWaits += s.preImageWaits();
            }
        }

        /** Lets the running checkpoint commit (its stats count), then prints the trial's figures. */
        void stop() throws InterruptedException {
            stopping = true;
            control.join();
            drain();
            if (failure != null) {
                throw new IllegalStateException("checkpoint failed", failure);
            }
            System.out.printf("%n# lazy-save: %d checkpoints begun in the measured iterations committed (%d cancelled);"
                    + " write stall p50 / p99 / max per checkpoint, us: %s / %s / %s; %d pre-images, %d pre-image waits%n",
                saves, cancelled, micros(p50), micros(p99), micros(max), preImages, poolWaits);
        }

        private String micros(long[] a) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < saves; i++) {
                b.append(i == 0 ? "" : ",").append(String.format("%.1f", a[i] / 1e3));
            }
            return b.length() == 0 ? "-" : b.toString();
        }
    }
}
