package io.ckpt.jmh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import io.ckpt.Checkpoints;
import io.ckpt.memory.GuestMemory;
import io.ckpt.restore.lazy.LazyRestore;
import io.ckpt.restore.lazy.LazyRestoreOptions;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * {@link HostAccessBenchmark}'s loops for the modes without a running checkpoint (raw, idle,
 * untracked, lazy-restored; raw and idle over the same arena, the other two over arenas of their
 * own), interleaved in one JVM: each round runs every mode for a short slice
 * in a rotated order, and a mode's ratio to raw is taken within the round, so load from other
 * processes that comes and goes over seconds cancels out. Prints, per operation and mode, the
 * median ratio and the quartiles over the rounds. (lazy-save is left to the JMH benchmark: a
 * running checkpoint would put the slow path into every mode's compiled loops here.)
 *
 * <pre>java $FLAGS -cp jmh/target/benchmarks.jar io.ckpt.jmh.HostAccessInterleaved [rounds] [sliceMillis]</pre>
 *
 * <p>Thread-safety: single-threaded main.
 */
public final class HostAccessInterleaved {
    private static final String[] MODES = {"raw", "idle", "untracked", "lazy-restored"};
    private static final String[] OPS = {"getLong", "putLong", "pageCopy", "mixed"};
    private static final int PAGE = GuestMemory.PAGE_SIZE;
    private static final long WRITE_THRESHOLD = 6554;

    private final GuestMemory memory;
    private final GuestMemory untracked;
    private final GuestMemory restored;
    private final UnsafeBuffer raw;
    private final long wordMask;
    private final long hotWords;
    private final byte[] page = new byte[PAGE];
    private long seed = 0x9E3779B97F4A7C15L;
    private long cursor;
    private long sink;

    private HostAccessInterleaved(GuestMemory memory, GuestMemory untracked, GuestMemory restored) {
        this.memory = memory;
        this.untracked = untracked;
        this.restored = restored;
        long size = memory.size();
        this.raw = new UnsafeBuffer(memory.slabFor(0, (int) size), 0, (int) size);
        this.wordMask = (size - 1) & ~7L;
        this.hotWords = size / 10 / 8;
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int slice = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        GuestMemory memory = LazyFixtures.arena(1024, "mixed");
        Path dir = BenchFiles.newDirectory("ckpt-host-interleaved-");
        Path file = dir.resolve("source.ckpt");
        Checkpoints.save(memory, file);
        GuestMemory restored = GuestMemory.allocate(memory.size());
        try (LazyRestore r = LazyRestore.start(file, restored, LazyRestoreOptions.defaults().withArenaZeroed(true))) {
            r.awaitCompletion();
        }
        Files.delete(file);
        GuestMemory untracked = LazyFixtures.arena(1024, "mixed");
        untracked.tracking().setEnabled(false);
        HostAccessInterleaved h = new HostAccessInterleaved(memory, untracked, restored);
        System.out.printf("# %s %s, %d rounds of %d ms slices, load average %s%n", System.getProperty("java.vm.name"),
            System.getProperty("java.version"), rounds, slice, loadAverage());
        for (String op : OPS) {
            double[][] ratio = new double[MODES.length][rounds];
            for (int warm = 0; warm < 3; warm++) {
                for (int m = 0; m < MODES.length; m++) {
                    h.rate(op, m, slice);
                }
            }
            for (int round = 0; round < rounds; round++) {
                double[] rate = new double[MODES.length];
                for (int k = 0; k < MODES.length; k++) {
                    int m = (k + round) % MODES.length;
                    rate[m] = h.rate(op, m, slice);
                }
                for (int m = 0; m < MODES.length; m++) {
                    ratio[m][round] = rate[m] / rate[0];
                }
            }
            StringBuilder line = new StringBuilder(String.format("%-9s", op));
            for (int m = 1; m < MODES.length; m++) {
                double[] r = ratio[m].clone();
                Arrays.sort(r);
                line.append(String.format("  %s %.3f [%.3f, %.3f]", MODES[m], r[rounds / 2], r[rounds / 4], r[3 * rounds / 4]));
            }
            System.out.println(line);
        }
        System.out.printf("# load average at the end %s; checksum %d%n", loadAverage(), h.sink);
        memory.close();
        untracked.close();
        restored.close();
        BenchFiles.deleteTree(dir);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }

    /** @return operations per second of {@code op} in mode {@code m} over about {@code millis}. */
    private double rate(String op, int m, int millis) {
        GuestMemory g = m == 3 ? restored : m == 2 ? untracked : memory;
        long t0 = System.nanoTime();
        long end = t0 + millis * 1_000_000L;
        long n = 0;
        while (System.nanoTime() < end) {
            n += m == 0 ? rawBatch(op) : batch(op, g);
        }
        return n * 1e9 / (System.nanoTime() - t0);
    }

    private int rawBatch(String op) {
        long s = seed;
        long sum = 0;
        UnsafeBuffer b = raw;
        switch (op) {
            case "getLong":
                for (int i = 0; i < 1024; i++) {
                    s += 0x9E3779B97F4A7C15L;
                    sum += b.getLong((int) (mix(s) & wordMask));
                }
                break;
            case "putLong":
                for (int i = 0; i < 1024; i++) {
                    s += 0x9E3779B97F4A7C15L;
                    b.putLong((int) (mix(s) & wordMask), s);
                }
                break;
            case "pageCopy": {
                long c = cursor;
                long mask = memory.size() - 1;
                long half = memory.size() >>> 1;
                for (int i = 0; i < 64; i++) {
                    b.getBytes((int) c, page, 0, PAGE);
                    b.putBytes((int) ((c + half) & mask), page, 0, PAGE);
                    c = (c + PAGE) & mask;
                }
                cursor = c;
                sink += page[17];
                return 64;
            }
            default:
                for (int i = 0; i < 1024; i++) {
                    s += 0x9E3779B97F4A7C15L;
                    long r = mix(s);
                    if ((r >>> 48) < WRITE_THRESHOLD) {
                        b.putLong((int) ((((r & 0xFFFF_FFFFL) * hotWords) >>> 32) << 3), s);
                    } else {
                        sum += b.getLong((int) (r & wordMask));
                    }
                }
        }
        seed = s;
        sink += sum;
        return 1024;
    }

    private int batch(String op, GuestMemory g) {
        long s = seed;
        long sum = 0;
        switch (op) {
            case "getLong":
                for (int i = 0; i < 1024; i++) {
                    s += 0x9E3779B97F4A7C15L;
                    sum += g.getLong(mix(s) & wordMask);
                }
                break;
            case "putLong":
                for (int i = 0; i < 1024; i++) {
                    s += 0x9E3779B97F4A7C15L;
                    g.putLong(mix(s) & wordMask, s);
                }
                break;
            case "pageCopy": {
                long c = cursor;
                long mask = g.size() - 1;
                long half = g.size() >>> 1;
                for (int i = 0; i < 64; i++) {
                    g.getBytes(c, page, 0, PAGE);
                    g.putBytes((c + half) & mask, page, 0, PAGE);
                    c = (c + PAGE) & mask;
                }
                cursor = c;
                sink += page[17];
                return 64;
            }
            default:
                for (int i = 0; i < 1024; i++) {
                    s += 0x9E3779B97F4A7C15L;
                    long r = mix(s);
                    if ((r >>> 48) < WRITE_THRESHOLD) {
                        g.putLong((((r & 0xFFFF_FFFFL) * hotWords) >>> 32) << 3, s);
                    } else {
                        sum += g.getLong(r & wordMask);
                    }
                }
        }
        seed = s;
        sink += sum;
        return 1024;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
