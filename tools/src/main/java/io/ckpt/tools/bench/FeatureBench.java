package io.ckpt.tools.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

import io.ckpt.Checkpoints;
import io.ckpt.memory.GuestMemory;
import io.ckpt.restore.RestoreOptions;
import io.ckpt.restore.lazy.LazyRestore;
import io.ckpt.restore.lazy.LazyRestoreOptions;
import io.ckpt.restore.lazy.LazyRestoreStats;
import io.ckpt.restore.lazy.Prefetch;
import io.ckpt.save.PendingCheckpoint;
import io.ckpt.save.PreImagePool;
import io.ckpt.save.SaveOptions;
import io.ckpt.save.SaveStats;

/**
 * The {@code lazy}, {@code lazy_save} and {@code incremental} sections of a bench report: one
 * method each, one run each (after the interleaved rounds), every result checked byte for byte.
 * Latency percentiles are the engine's own (HdrHistogram) figures; times are wall clock.
 *
 * <p>Thread-safety: single-threaded apart from the engine's own threads; the arenas must not
 * be used by anything else meanwhile.
 */
final class FeatureBench {
    /** Host writes between checks of whether the lazy save is done. */
    private static final int WRITE_BATCH = 1024;
    private static final long SEED = 0x5eedL;

    private FeatureBench() {
    }

    /**
     * Lazy restore of a full checkpoint of {@code source} into {@code target}, twice.
     * Without prefetch: {@code resume_ms} (until {@code start} returns), the host touching 1% of
     * pages at random ({@code touch_1pct_s}, with the fault latencies {@code fault_p50_us} and
     * {@code fault_p99_us}), then every page to finish. With sequential prefetch: the host
     * touching every page in order from {@code start} ({@code touch_all_prefetch_s}).
     * {@code target} ends equal to {@code source}.
     */
    static Map<String, Object> lazyRestore(GuestMemory source, GuestMemory target, SaveOptions save, Path work)
        throws IOException, InterruptedException {
        Path file = work.resolve("lazy-restore.ckpt");
        Checkpoints.save(source, file, save);
        long pages = target.pageCount();
        Map<String, Object> e = new LinkedHashMap<>();
        try {
            Arenas.poison(target);
            LazyRestoreStats none;
            long touch1;
            long touched1;
            try (LazyRestore r = LazyRestore.start(file, target, LazyRestoreOptions.defaults().withPrefetch(Prefetch.NONE))) {
                SplittableRandom rnd = new SplittableRandom(SEED);
                touched1 = Math.max(1, pages / 100);
                long t0 = System.nanoTime();
                long sink = 0;
                for (long i = 0; i < touched1; i++) {
                    sink += target.getLong(rnd.nextLong(pages) * GuestMemory.PAGE_SIZE);
                }
                touch1 = System.nanoTime() - t0;
                none = r.stats();
                sink += touchAll(target);
                r.awaitCompletion();
                blackhole(sink);
            }
            check(source, target, "lazy restore without prefetch");

            Arenas.poison(target);
            long touchAll;
            LazyRestoreStats seq;
            long t0 = System.nanoTime();
            try (LazyRestore r = LazyRestore.start(file, target, LazyRestoreOptions.defaults().withPrefetch(Prefetch.SEQUENTIAL))) {
                blackhole(touchAll(target));
                touchAll = System.nanoTime() - t0;
                r.awaitCompletion();
                seq = r.stats();
            }
            check(source, target, "lazy restore with sequential prefetch");

            e.put("resume_ms", none.resumeNanos() / 1e6);
            e.put("fault_p50_us", none.faultP50Nanos() / 1e3);
            e.put("fault_p99_us", none.faultP99Nanos() / 1e3);
            e.put("touch_1pct_s", touch1 / 1e9);
            e.put("touch_all_prefetch_s", touchAll / 1e9);
            e.put("fault_max_us", none.faultMaxNanos() / 1e3);
            e.put("touch_1pct_pages", touched1);
            e.put("touch_1pct_faults", none.faults());
            e.put("touch_1pct_fault_waits", none.faultWaits());
            e.put("touch_1pct_installed_by_neighbour", none.installedByNeighbour());
            e.put("prefetch_resume_ms", seq.resumeNanos() / 1e6);
            e.put("prefetch_complete_s", seq.completeNanos() >= 0 ? seq.completeNanos() / 1e9 : null);
            e.put("prefetch_faults", seq.faults());
            e.put("prefetch_installed_by_prefetch", seq.installedByPrefetch());
            e.put("note", "one run each; 1% = random pages (with repeats), seeded; fault latency includes waits for"
                + " another thread's install; both restores verified byte for byte");
            return e;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * A lazy checkpoint of {@code target} (first made equal to {@code source}) while a host
     * thread writes 8-byte values at random addresses until the checkpoint is committed:
     * {@code write_stall_p50_us}/{@code write_stall_p99_us} are the engine's host write stalls
     * (copying a block before its first write), {@code host_write_ratio} the host's write rate
     * during the checkpoint over its rate for as long again afterwards. The file is then
     * restored and compared with {@code source}: it must be the arena as at {@code begin}.
     * Measured with the default pre-image pool, then again ({@code shared_pool}) with a
     * {@link PreImagePool} as large as the arena, as a host that writes everywhere would use
     * it: the second of two checkpoints, so its buffers were allocated by the first.
     */
    static Map<String, Object> lazySave(GuestMemory source, GuestMemory target, SaveOptions save, Path work)
        throws IOException, InterruptedException {
        Map<String, Object> e = lazySaveOnce(source, target, save, work);
        int blocks = (int) Math.min(65536, (target.size() + save.blockBytes() - 1) / save.blockBytes());
        try (PreImagePool pool = PreImagePool.create(blocks)) {
            SaveOptions shared = save.withPreImagePool(pool);
            lazySaveOnce(source, target, shared, work);
            Map<String, Object> s = lazySaveOnce(source, target, shared, work);
            s.put("pool_buffers", blocks);
            s.put("pool_bytes_allocated", pool.allocatedBytes());
            s.remove("note");
            e.put("shared_pool", s);
        }
        return e;
    }

    private static Map<String, Object> lazySaveOnce(GuestMemory source, GuestMemory target, SaveOptions save, Path work)
        throws IOException, InterruptedException {
        Path file = work.resolve("lazy-save.ckpt");
        try {
            Arenas.copy(source, target);
            SplittableRandom rnd = new SplittableRandom(SEED);
            long[] during;
            SaveStats s;
            try (PendingCheckpoint p = PendingCheckpoint.begin(target, file, save)) {
                during = hostWrites(target, rnd, () -> !p.isDone());
                s = p.await();
            }
            long window = Math.max(during[1], 50_000_000L);
            long end = System.nanoTime() + window;
            long[] after = hostWrites(target, rnd, () -> System.nanoTime() < end);

            Checkpoints.restore(file, target, RestoreOptions.defaults());
            check(source, target, "lazy checkpoint (file must be the arena as at begin)");

            double rateDuring = during[0] / (during[1] / 1e9);
            double rateAfter = after[0] / (after[1] / 1e9);
            boolean stalled = s.preImages() + s.claimWaits() + s.preImageWaits() > 0;
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("write_stall_p50_us", stalled ? s.stallP50Nanos() / 1e3 : null);
            e.put("write_stall_p99_us", stalled ? s.stallP99Nanos() / 1e3 : null);
            e.put("host_write_ratio", during[0] > 0 && after[0] > 0 ? rateDuring / rateAfter : null);
            e.put("write_stall_max_us", stalled ? s.stallMaxNanos() / 1e3 : null);
            e.put("begin_ms", s.beginNanos() / 1e6);
            e.put("save_s", s.totalNanos() / 1e9);
            e.put("host_writes_during", during[0]);
            e.put("host_writes_per_s_during", rateDuring);
            e.put("host_writes_per_s_after", rateAfter);
            e.put("pre_images", s.preImages());
            e.put("pre_image_waits", s.preImageWaits());
            e.put("claim_waits", s.claimWaits());
            e.put("note", "one run; one host thread writing 8-byte values at random addresses; the file was"
                + " restored and matched the arena as at begin");
            return e;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * A full save of {@code target} (first made equal to {@code source}), then 1% of its page
     * blocks rewritten (every page of them), then an incremental save against the full one:
     * {@code dirty_1pct_speedup} is the full save's time over the incremental's. The chain is
     * restored into {@code source} and compared with {@code target}, so {@code source} is
     * overwritten: run this last.
     */
    static Map<String, Object> incremental(GuestMemory source, GuestMemory target, SaveOptions save, Path work)
        throws IOException {
        Path full = work.resolve("full.ckpt");
        Path inc = work.resolve("incremental.ckpt");
        try {
            Arenas.copy(source, target);
            int blockBytes = target.tracking().blockBytes();
            SaveOptions options = save.withPagesPerBlock(blockBytes / GuestMemory.PAGE_SIZE);
            long t0 = System.nanoTime();
            SaveStats f = Checkpoints.save(target, full, options);
            long fullNanos = System.nanoTime() - t0;

            long blocks = (target.size() + blockBytes - 1) / blockBytes;
            long dirty = Math.max(1, blocks / 100);
            SplittableRandom rnd = new SplittableRandom(SEED);
            java.util.BitSet chosen = new java.util.BitSet();
            while (chosen.cardinality() < dirty) {
                chosen.set((int) rnd.nextLong(blocks));
            }
            for (int b = chosen.nextSetBit(0); b >= 0; b = chosen.nextSetBit(b + 1)) {
                long start = (long) b * blockBytes;
                long stop = Math.min(target.size(), start + blockBytes);
                for (long a = start; a < stop; a += GuestMemory.PAGE_SIZE) {
                    target.putLong(a + 8L * rnd.nextInt(GuestMemory.PAGE_SIZE / 8), rnd.nextLong());
                }
            }
            long t1 = System.nanoTime();
            SaveStats i = Checkpoints.save(target, inc, options.withParent(full));
            long incNanos = System.nanoTime() - t1;

            Checkpoints.restore(inc, source, RestoreOptions.defaults());
            check(target, source, "incremental chain");

            Map<String, Object> e = new LinkedHashMap<>();
            e.put("dirty_1pct_speedup", (double) fullNanos / incNanos);
            e.put("full_save_s", fullNanos / 1e9);
            e.put("incremental_save_s", incNanos / 1e9);
            e.put("dirty_blocks", dirty);
            e.put("parent_blocks", i.parentBlocks());
            e.put("full_bytes_out", f.fileBytes());
            e.put("incremental_bytes_out", i.fileBytes());
            e.put("note", "one run; 1% of page blocks (" + blockBytes / 1024 + " KiB) chosen at random, every page"
                + " of them written; the chain was restored and verified");
            return e;
        } finally {
            Files.deleteIfExists(inc);
            Files.deleteIfExists(full);
        }
    }

    /** Reads one long of every page, in order. @return their sum, so the reads are not dead code. */
    private static long touchAll(GuestMemory m) {
        long sum = 0;
        for (long a = 0, size = m.size(); a < size; a += GuestMemory.PAGE_SIZE) {
            sum += m.getLong(a);
        }
        return sum;
    }

    /** @return {writes, nanos} of random 8-byte writes while {@code more} holds. */
    private static long[] hostWrites(GuestMemory m, SplittableRandom rnd, BooleanSupplier more) {
        long words = m.size() / 8;
        long writes = 0;
        long t0 = System.nanoTime();
        while (more.getAsBoolean()) {
            for (int i = 0; i < WRITE_BATCH; i++) {
                m.putLong(rnd.nextLong(words) * 8, rnd.nextLong());
            }
            writes += WRITE_BATCH;
        }
        return new long[] {writes, System.nanoTime() - t0};
    }

    private static void check(GuestMemory expected, GuestMemory actual, String what) {
        long bad = Arenas.firstMismatch(expected, actual);
        if (bad >= 0) {
            throw new IllegalStateException(what + " gave a different arena: first difference at address 0x"
                + Long.toHexString(bad));
        }
    }

    private static volatile long sinkField;

    private static void blackhole(long v) {
        sinkField = v;
    }
}
