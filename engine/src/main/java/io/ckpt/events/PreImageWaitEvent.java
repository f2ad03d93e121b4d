package io.ckpt.events;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.MemoryAddress;
import jdk.jfr.Name;
import jdk.jfr.Threshold;

/**
 * A host write during a lazy checkpoint that waited for a free pre-image buffer (every buffer of
 * the pool held a copy the compressors had not encoded yet): its duration is the wait. Default
 * threshold 100 us (the ckpt.Checkpoint event counts every wait). The stack trace shows the host
 * code that wrote.
 *
 * <p>Thread-safety: one instance per wait, on the writing thread.
 */
@Name(PreImageWaitEvent.NAME)
@Label("Pre-image Wait")
@Category("ckpt")
@Description("A host write that waited for a free pre-image buffer during a lazy checkpoint")
@Threshold("100 us")
public final class PreImageWaitEvent extends Event {
    /** The event's name in a recording. */
    public static final String NAME = "ckpt.PreImageWait";

    @Label("Block")
    @Description("The page block written")
    private long block;

    @Label("Guest Address")
    @Description("The page block's first guest address")
    @MemoryAddress
    private long guestAddress;

    @Label("Pool Buffers")
    @Description("The pre-image pool's bound, in buffers")
    private int poolBuffers;

    /**
     * Fills in the fields; call only inside {@code if (shouldCommit())}.
     *
     * @param block        the page block written
     * @param guestAddress its first guest address
     * @param poolBuffers  the pool's bound
     */
    public void fill(long block, long guestAddress, int poolBuffers) {
        this.block = block;
        this.guestAddress = guestAddress;
        this.poolBuffers = poolBuffers;
    }
}
