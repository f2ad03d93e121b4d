package io.ckpt.events;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.MemoryAddress;
import jdk.jfr.Name;
import jdk.jfr.Threshold;

/**
 * A host access that found its page block absent during a lazy restore: its duration is the time
 * the touching thread was held up. Default threshold 100 us: a recording keeps the slow faults
 * (the ckpt.Restore event counts all of them). The stack trace shows the host code that touched
 * the block.
 *
 * <p>Thread-safety: one instance per fault, on the faulting thread.
 */
@Name(LazyFaultEvent.NAME)
@Label("Lazy Fault")
@Category("ckpt")
@Description("A host access to a page block that a lazy restore had not installed yet")
@Threshold("100 us")
public final class LazyFaultEvent extends Event {
    /** The event's name in a recording. */
    public static final String NAME = "ckpt.LazyFault";
    /** {@link #outcome}: this thread decoded the block from its storage block. */
    public static final String DECODED = "decoded";
    /** {@link #outcome}: this thread filled the ZERO block with zeros. */
    public static final String ZERO_FILLED = "zero-filled";
    /** {@link #outcome}: another thread (a host thread or the prefetcher) was installing it; this one waited. */
    public static final String WAITED = "waited";

    @Label("Block")
    @Description("The page block's number")
    private long block;

    @Label("Guest Address")
    @Description("The page block's first guest address")
    @MemoryAddress
    private long guestAddress;

    @Label("Outcome")
    @Description("decoded, zero-filled, or waited (for another thread's install)")
    private String outcome;

    /**
     * Fills in the fields; call only inside {@code if (shouldCommit())}.
     *
     * @param block        the page block
     * @param guestAddress its first guest address
     * @param outcome      {@link #DECODED}, {@link #ZERO_FILLED} or {@link #WAITED}
     */
    public void fill(long block, long guestAddress, String outcome) {
        this.block = block;
        this.guestAddress = guestAddress;
        this.outcome = outcome;
    }
}
