package io.ckpt.tools.cli;

import io.ckpt.tools.text.Format;

import io.ckpt.tools.inspect.CheckpointSummary;
import io.ckpt.tools.text.Sizes;

import java.util.ArrayList;
import java.util.List;

import io.ckpt.memory.GuestMemory;
import io.ckpt.restore.lazy.LazyRestoreStats;
import io.ckpt.restore.RestoreStats;
import io.ckpt.save.SaveStats;

/**
 * The text report of {@code ckpt demo}: one aligned row per measurement.
 *
 * <p>Thread-safety: stateless.
 */
final class DemoReport {
    /** The lz4 acceptance bound: the checkpoint at most this many times the size of {@code lz4 -1}'s output. */
    static final double LZ4_BOUND = 1.02;

    private DemoReport() {
    }

    /**
     * What the demo measured.
     *
     * @param warmUpNanos  the warm-up save and restore
     * @param fillNanos    filling the arena
     * @param save         the save
     * @param restore      the eager restore
     * @param compareNanos comparing both arenas
     * @param mismatch     the first differing guest address, or -1
     * @param lz4          the {@code lz4 -1} run, or null when skipped
     * @param lz4Note      why it was skipped, or null
     */
    record Measurements(long warmUpNanos, long fillNanos, SaveStats save, RestoreStats restore, long compareNanos,
                        long mismatch, Lz4Cli.Result lz4, String lz4Note, Lazy lazy, SaveStats lazySave) {
    }

    /**
     * The lazy restore step.
     *
     * @param firstAccessNanos from the start of the lazy restore to the first byte read
     * @param touches          random single-page touches made right after resuming
     * @param touchNanos       time those touches took
     * @param stats            the restore's counters after completion
     * @param mismatch         the first guest address differing from the original, or -1
     */
    record Lazy(long firstAccessNanos, int touches, long touchNanos, LazyRestoreStats stats, long mismatch) {
    }

    /** @return the report's lines, {@code title} first, for an arena of {@code size} bytes. */
    static List<String> lines(String title, long size, Measurements m) {
        SaveStats s = m.save();
        RestoreStats r = m.restore();
        long pages = size / GuestMemory.PAGE_SIZE;
        List<String> lines = new ArrayList<>();
        lines.add(title);
        lines.add(row("warm-up", Sizes.seconds(m.warmUpNanos()), "first save, restore, lazy checkpoint and lazy restore in this JVM, of "
            + Sizes.exact(DemoCommand.WARM_UP_SIZE) + " (class loading, JIT); not counted below"));
        lines.add(row("fill", Sizes.seconds(m.fillNanos()), ""));
        lines.add(row("save", Sizes.seconds(s.totalNanos()), Sizes.rate(s.arenaBytes(), s.totalNanos()) + "  "
            + s.compressors() + " compressor thread" + plural(s.compressors()) + " + 1 I/O thread; compress "
            + Sizes.seconds(s.compressNanos()) + " (all threads), commit with fsync " + Sizes.seconds(s.commitNanos())
            + ", " + Sizes.count(s.stagingWaits()) + " staging waits"));
        lines.add(row("restore", Sizes.seconds(r.totalNanos()), Sizes.rate(r.arenaBytes(), r.totalNanos()) + "  "
            + r.threads() + " thread" + plural(r.threads()) + ", every block's CRC32C checked"));
        lines.add(row("compare", Sizes.seconds(m.compareNanos()), Sizes.rate(size, m.compareNanos()) + "  "
            + Sizes.count(size) + " bytes"));
        Lazy lazy = m.lazy();
        if (lazy != null) {
            LazyRestoreStats ls = lazy.stats();
            lines.add(row("lazy", Sizes.millis(ls.resumeNanos()), "to resume (header, trailer, index validated, file "
                + "mapped); first access after " + Sizes.millis(lazy.firstAccessNanos())));
            lines.add(row("faults", Sizes.count(ls.faults()), "fault latency p50 " + Sizes.micros(ls.faultP50Nanos())
                + ", p99 " + Sizes.micros(ls.faultP99Nanos()) + ", max " + Sizes.micros(ls.faultMaxNanos()) + "; "
                + Sizes.count(lazy.touches()) + " random page touches took " + Sizes.seconds(lazy.touchNanos())));
            lines.add(row("complete", Sizes.seconds(ls.completeNanos()), "every block present: by fault "
                + Sizes.count(ls.installedByFault()) + ", neighbour " + Sizes.count(ls.installedByNeighbour())
                + ", prefetch " + Sizes.count(ls.installedByPrefetch()) + ", zero from start " + Sizes.count(ls.presetZero())
                + "; " + (lazy.mismatch() < 0 ? "every byte matches" : Format.of(
                "DIFFERS at 0x%x", lazy.mismatch()))));
        }
        SaveStats ls = m.lazySave();
        if (ls != null) {
            lines.add(row("lazy save", Sizes.seconds(ls.totalNanos()), "checkpoint while a writer thread kept writing: "
                + "begin paused the host " + Sizes.micros(ls.beginNanos()) + ", " + Sizes.count(ls.preImages())
                + " pre-images, write stall p50 " + Sizes.micros(ls.stallP50Nanos()) + ", p99 "
                + Sizes.micros(ls.stallP99Nanos()) + (ls.preImageWaits() == 0 ? "" : "; "
                + Sizes.count(ls.preImageWaits()) + " writes waited for a free pre-image buffer (the default pool is"
                + " a quarter of the blocks, at most 128 MiB; see PreImagePool in the README)")));
        }
        lines.add(row("file", Sizes.human(s.fileBytes()), "(" + Sizes.count(s.fileBytes()) + " bytes), ratio "
            + Sizes.ratio(s.arenaBytes(), s.fileBytes()) + " (arena / file)"));
        lines.add(row("blocks", Sizes.count(s.blocks()), "page blocks: "
            + CheckpointSummary.byEncoding(s.zeroBlocks(), s.rawBlocks(), s.lz4Blocks())));
        lines.add(row("writes", Sizes.count(s.writeCalls()), "write calls for " + Sizes.count(s.storageBlocks())
            + " storage blocks and " + Sizes.count(pages) + " pages (" + fixed(0, (double) pages
            / Math.max(1, s.writeCalls())) + "x fewer than one per page), " + s.forces() + " forces"));
        Lz4Cli.Result l = m.lz4();
        if (l == null) {
            lines.add(row("lz4 -1", "-", m.lz4Note()));
        } else {
            double sizeRatio = (double) s.fileBytes() / l.outputBytes();
            lines.add(row("lz4 -1", Sizes.human(l.outputBytes()), "(" + Sizes.count(l.outputBytes()) + " bytes) in "
                + Sizes.seconds(l.nanos()) + " (" + Sizes.rate(size, l.nanos()) + ")"));
            lines.add(row("vs lz4", fixed(3, sizeRatio) + "x", "ckpt file / lz4 -1 file (goal: at most "
                + fixed(2, LZ4_BOUND) + "x): " + (sizeRatio <= LZ4_BOUND ? "met" : "NOT met") + "; ckpt save ran at "
                + fixed(2, (double) l.nanos() / s.totalNanos()) + "x the speed of lz4 -1"));
        }
        return lines;
    }

    private static String row(String what, String value, String detail) {
        return Format.of("  %-9s %12s  %s", what, value, detail).stripTrailing();
    }

    private static String fixed(int decimals, double v) {
        return Format.of("%." + decimals + "f", v);
    }

    private static String plural(int n) {
        return n == 1 ? "" : "s";
    }
}
