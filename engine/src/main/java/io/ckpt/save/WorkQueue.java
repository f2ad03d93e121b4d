package io.ckpt.save;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands out stripes of a {@link SavePlan}'s order to compressor threads, so that each storage
 * block holds neighbouring page blocks and idle compressors take work from busy ones.
 *
 * <p>Thread-safety: any number of threads.
 */
final class WorkQueue {
    /** Blocks per stripe: 16 MiB of arena at 64 KiB blocks, a few storage blocks' worth. */
    static final int STRIPE_BLOCKS = 256;

    private final int size;
    private final AtomicInteger next = new AtomicInteger();

    WorkQueue(int size) {
        this.size = size;
    }

    /** @return the plan position of the next stripe's first block, or -1 when all are taken. */
    int nextStripe() {
        int start = next.getAndAdd(STRIPE_BLOCKS);
        return start >= 0 && start < size ? start : -1;
    }

    /** @return the end (exclusive) of the stripe starting at {@code start}. */
    int stripeEnd(int start) {
        return Math.min(size, start + STRIPE_BLOCKS);
    }
}
