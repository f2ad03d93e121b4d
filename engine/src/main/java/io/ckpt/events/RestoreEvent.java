package io.ckpt.events;

import java.nio.file.Path;

import io.ckpt.restore.RestoreStats;
import io.ckpt.restore.lazy.LazyRestoreStats;
import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * One restore. Eager: from the call to its return, committed on the calling thread. Lazy: from
 * {@code LazyRestore.start} until every block is present (committed by the thread that installed
 * the last block), or until {@code close()} if it never completed. The numbers are those of its
 * {@link RestoreStats} or {@link LazyRestoreStats}.
 *
 * <p>Thread-safety: one instance per restore, begun by the thread that starts it and ended and
 * committed by exactly one thread.
 */
@Name(RestoreEvent.NAME)
@Label("Restore")
@Category("ckpt")
@Description("A restore of a checkpoint into an arena, eager or lazy, or straight into a raw image file; to completion or close")
@StackTrace(false)
public final class RestoreEvent extends Event {
    /** The event's name in a recording. */
    public static final String NAME = "ckpt.Restore";

    @Label("File")
    @Description("The checkpoint file restored (the newest of its chain)")
    private String file;

    @Label("Mode")
    @Description("eager (into an arena), image (eager, straight into a raw image file) or lazy")
    private String mode;

    @Label("Arena Bytes")
    @DataAmount(DataAmount.BYTES)
    private long arenaBytes;

    @Label("Resume Time")
    @Description("From the start until the host could use the arena (eager: the whole restore)")
    @Timespan(Timespan.NANOSECONDS)
    private long resumeTime;

    @Label("Completed")
    @Description("Every block is present; false for a lazy restore closed before it completed")
    private boolean completed;

    @Label("Completion Time")
    @Description("From the start until every block was present; 0 if it did not complete")
    @Timespan(Timespan.NANOSECONDS)
    private long completionTime;

    @Label("Storage Blocks Read")
    private long storageBlocksRead;

    @Label("Bytes Read")
    @Description("Bytes read from the file")
    @DataAmount(DataAmount.BYTES)
    private long bytesRead;

    @Label("Threads")
    @Description("Eager: restore threads; lazy: 0")
    private int threads;

    @Label("Faults")
    @Description("Lazy: host accesses that found their block absent and installed it")
    private long faults;

    @Label("Fault Waits")
    @Description("Lazy: host accesses that waited for another thread's install of their block")
    private long faultWaits;

    @Label("Fault p50")
    @Timespan(Timespan.NANOSECONDS)
    private long faultP50;

    @Label("Fault p99")
    @Timespan(Timespan.NANOSECONDS)
    private long faultP99;

    @Label("Fault Max")
    @Timespan(Timespan.NANOSECONDS)
    private long faultMax;

    @Label("Blocks By Fault")
    private long blocksByFault;

    @Label("Blocks By Neighbour")
    private long blocksByNeighbour;

    @Label("Blocks By Prefetch")
    private long blocksByPrefetch;

    @Label("Failed Blocks")
    @Description("Lazy: blocks found corrupt and not installed")
    private long failedBlocks;

    @Label("Prefetch")
    @Description("Lazy: the prefetch policy used")
    private String prefetch;

    /**
     * Ends {@code event}.
     *
     * @param event an event from {@link Jfr#beginRestore()}, not null
     * @return true if it should be filled in and committed
     */
    public static boolean endShouldCommit(RestoreEvent event) {
        event.end();
        return event.shouldCommit();
    }

    /**
     * Fills in the fields of an eager restore; call only inside {@code if (shouldCommit())}.
     *
     * @param file  the checkpoint restored
     * @param stats its restore's stats
     */
    public void fill(Path file, RestoreStats stats) {
        fill(file, stats, "eager");
    }

    /**
     * Fills in the fields of an eager restore straight into a raw image file
     * ({@code io.ckpt.restore.ImageRestore}); call only inside {@code if (shouldCommit())}.
     *
     * @param file  the checkpoint restored (a path or a store location)
     * @param stats its restore's stats
     */
    public void fillImage(String file, RestoreStats stats) {
        fill(file, stats, "image");
    }

    private void fill(Object file, RestoreStats stats, String mode) {
        this.file = String.valueOf(file);
        this.mode = mode;
        arenaBytes = stats.arenaBytes();
        resumeTime = stats.totalNanos();
        completed = true;
        completionTime = stats.totalNanos();
        storageBlocksRead = stats.storageBlocks();
        bytesRead = stats.bytesRead();
        threads = stats.threads();
    }

    /**
     * Fills in the fields of a lazy restore; call only inside {@code if (shouldCommit())}.
     *
     * @param file       the checkpoint restored
     * @param arenaBytes the arena's size
     * @param stats      the restore's stats as it ends
     */
    public void fill(String file, long arenaBytes, LazyRestoreStats stats) {
        this.file = String.valueOf(file);
        mode = "lazy";
        this.arenaBytes = arenaBytes;
        completed = stats.completeNanos() >= 0;
        completionTime = Math.max(0, stats.completeNanos());
        // A restore that completes before start() returns has no resume time yet: it resumed complete.
        resumeTime = stats.resumeNanos() > 0 ? stats.resumeNanos() : completionTime;
        storageBlocksRead = stats.storageBlocksRead();
        bytesRead = stats.bytesRead();
        faults = stats.faults();
        faultWaits = stats.faultWaits();
        faultP50 = stats.faultP50Nanos();
        faultP99 = stats.faultP99Nanos();
        faultMax = stats.faultMaxNanos();
        blocksByFault = stats.installedByFault();
        blocksByNeighbour = stats.installedByNeighbour();
        blocksByPrefetch = stats.installedByPrefetch();
        failedBlocks = stats.failedBlocks();
        prefetch = String.valueOf(stats.prefetchUsed());
    }
}
