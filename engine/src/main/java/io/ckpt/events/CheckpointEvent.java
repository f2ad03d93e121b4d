package io.ckpt.events;


import io.ckpt.save.SaveStats;
import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * One checkpoint, full or incremental, eager ({@code Checkpoints.save}) or lazy
 * ({@code PendingCheckpoint}): from the checkpoint's instant ({@code begin}) to its commit, or
 * to its failure or cancel. The numbers are those of its {@link SaveStats}.
 *
 * <p>Thread-safety: one instance per save; begun by the thread that begins the save, ended and
 * committed by the thread that finishes it (the caller's, or the lazy checkpoint's committer).
 */
@Name(CheckpointEvent.NAME)
@Label("Checkpoint")
@Category("ckpt")
@Description("A checkpoint of an arena, from its instant (begin) to its commit, failure or cancel")
@StackTrace(false)
public final class CheckpointEvent extends Event {
    /** The event's name in a recording. */
    public static final String NAME = "ckpt.Checkpoint";

    @Label("File")
    @Description("The checkpoint file (the target name; it exists only if the outcome is committed)")
    private String file;

    @Label("Outcome")
    @Description("committed, cancelled or failed")
    private String outcome;

    @Label("Failure")
    @Description("Why it failed or was cancelled; null if committed")
    private String failure;

    @Label("Lazy")
    @Description("A lazy checkpoint: the host ran while it was written")
    private boolean lazy;

    @Label("Incremental")
    @Description("Only blocks written since the parent were stored")
    private boolean incremental;

    @Label("Begin Pause")
    @Description("Lazy checkpoint: how long begin() held the host's pause")
    @Timespan(Timespan.NANOSECONDS)
    private long beginPause;

    @Label("Arena Bytes")
    @Description("Bytes of guest memory checkpointed (bytes in)")
    @DataAmount(DataAmount.BYTES)
    private long arenaBytes;

    @Label("File Bytes")
    @Description("Length of the committed file (bytes out)")
    @DataAmount(DataAmount.BYTES)
    private long fileBytes;

    @Label("Payload Bytes")
    @Description("Stored payload bytes (excluding headers, maps and padding)")
    @DataAmount(DataAmount.BYTES)
    private long payloadBytes;

    @Label("Blocks")
    @Description("Page blocks in the checkpoint")
    private long blocks;

    @Label("Zero Blocks")
    private long zeroBlocks;

    @Label("Raw Blocks")
    private long rawBlocks;

    @Label("LZ4 Blocks")
    private long lz4Blocks;

    @Label("Parent Blocks")
    @Description("Blocks left to the parent (incremental)")
    private long parentBlocks;

    @Label("Storage Blocks")
    private int storageBlocks;

    @Label("Compressors")
    private int compressors;

    @Label("Pre-images")
    @Description("Lazy checkpoint: blocks a host write copied before writing")
    private long preImages;

    @Label("Pre-image Waits")
    @Description("Lazy checkpoint: host writes that waited for a free pre-image buffer")
    private long preImageWaits;

    @Label("Claim Waits")
    @Description("Lazy checkpoint: host writes that waited for another thread's copy of their block")
    private long claimWaits;

    @Label("Staging Waits")
    @Description("Times a compressor found its staging ring full (back-pressure from the I/O thread)")
    private long stagingWaits;

    @Label("Write Stall p99")
    @Description("Lazy checkpoint: host write stall, 99th percentile")
    @Timespan(Timespan.NANOSECONDS)
    private long stallP99;

    @Label("Write Stall Max")
    @Description("Lazy checkpoint: host write stall, maximum")
    @Timespan(Timespan.NANOSECONDS)
    private long stallMax;

    @Label("Commit Time")
    @Description("Truncate, force, trailer, force, rename, directory sync")
    @Timespan(Timespan.NANOSECONDS)
    private long commitTime;

    /**
     * Fills in the fields; call only inside {@code if (shouldCommit())}.
     *
     * @param target      the checkpoint's file or store location
     * @param lazy        a lazy checkpoint
     * @param incremental an incremental one
     * @param stats       the stats of a committed checkpoint, or null
     * @param failure     why it did not commit, or null
     */
    public void fill(Object target, boolean lazy, boolean incremental, SaveStats stats, Throwable failure) {
        this.file = String.valueOf(target);
        this.lazy = lazy;
        this.incremental = incremental;
        if (stats != null) {
            outcome = "committed";
            beginPause = stats.beginNanos();
            arenaBytes = stats.arenaBytes();
            fileBytes = stats.fileBytes();
            payloadBytes = stats.payloadBytes();
            blocks = stats.blocks();
            zeroBlocks = stats.zeroBlocks();
            rawBlocks = stats.rawBlocks();
            lz4Blocks = stats.lz4Blocks();
            parentBlocks = stats.parentBlocks();
            storageBlocks = stats.storageBlocks();
            compressors = stats.compressors();
            preImages = stats.preImages();
            preImageWaits = stats.preImageWaits();
            claimWaits = stats.claimWaits();
            stagingWaits = stats.stagingWaits();
            stallP99 = stats.stallP99Nanos();
            stallMax = stats.stallMaxNanos();
            commitTime = stats.commitNanos();
        } else {
            outcome = failure instanceof java.util.concurrent.CancellationException ? "cancelled" : "failed";
            this.failure = failure == null ? null : failure.toString();
        }
    }
}
