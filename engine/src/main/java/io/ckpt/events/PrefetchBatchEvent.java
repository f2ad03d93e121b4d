package io.ckpt.events;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * One batch of a lazy restore's background thread: the absent blocks of one storage block
 * (prefetched, or the neighbours a fault handed over), or a run of up to 1024 ZERO blocks filled
 * with zeros.
 *
 * <p>Thread-safety: one instance per batch, on the lazy restore's background thread.
 */
@Name(PrefetchBatchEvent.NAME)
@Label("Prefetch Batch")
@Category("ckpt")
@Description("Blocks a lazy restore's background thread installed in one go")
@StackTrace(false)
public final class PrefetchBatchEvent extends Event {
    /** The event's name in a recording. */
    public static final String NAME = "ckpt.PrefetchBatch";
    /** {@link #kind}: a storage block read by the prefetcher. */
    public static final String PREFETCH = "prefetch";
    /** {@link #kind}: a storage block a fault handed over for its neighbours. */
    public static final String NEIGHBOURS = "neighbours";
    /** {@link #kind}: ZERO blocks filled with zeros, no read. */
    public static final String ZERO = "zero";

    @Label("Kind")
    @Description("prefetch, neighbours (handed over by a fault) or zero")
    private String kind;

    @Label("Chain File")
    @Description("Which file of the chain was read: 0 the restored file, 1 its parent, ...; -1 for zero")
    private int chainFile;

    @Label("Storage Block")
    @Description("The storage block read, in that file; -1 for zero")
    private int storageBlock;

    @Label("Blocks")
    @Description("Page blocks installed")
    private int blocks;

    @Label("Bytes")
    @Description("Length of the storage block read; 0 for zero")
    @DataAmount(DataAmount.BYTES)
    private long bytes;

    /**
     * Fills in the fields; call only inside {@code if (shouldCommit())}.
     *
     * @param kind         {@link #PREFETCH}, {@link #NEIGHBOURS} or {@link #ZERO}
     * @param chainFile    the file of the chain read (0: the restored one), or -1
     * @param storageBlock the storage block read, or -1
     * @param blocks       page blocks installed
     * @param bytes        the storage block's length, or 0
     */
    public void fill(String kind, int chainFile, int storageBlock, int blocks, long bytes) {
        this.kind = kind;
        this.chainFile = chainFile;
        this.storageBlock = storageBlock;
        this.blocks = blocks;
        this.bytes = bytes;
    }
}
