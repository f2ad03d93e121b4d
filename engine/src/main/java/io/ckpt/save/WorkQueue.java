package io.ckpt.save;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands out stripes of consecutive page blocks to compressor threads, so that each storage
 * block holds neighbouring page blocks and idle compressors take work from busy ones.
 *
 * <p>Thread-safety: any number of threads.
 */
final class WorkQueue {
    /** Blocks per stripe: 16 MiB of arena at 64 KiB blocks, a few storage blocks' worth. */
    static final int STRIPE_BLOCKS = 256;

    private final long blockCount;
    private final AtomicLong next = new AtomicLong();

    WorkQueue(long blockCount) {
        this.blockCount = blockCount;
    }

    /** @return the first block of the next stripe, or -1 when all are taken. */
    long nextStripe() {
        long start = next.getAndAdd(STRIPE_BLOCKS);
        return start < blockCount ? start : -1;
    }

    /** @return the end (exclusive) of the stripe starting at {@code start}. */
    long stripeEnd(long start) {
        return Math.min(blockCount, start + STRIPE_BLOCKS);
    }
}
