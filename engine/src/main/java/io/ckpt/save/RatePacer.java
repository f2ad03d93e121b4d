package io.ckpt.save;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps the compressors of one save under a byte rate (arena bytes encoded per second, summed
 * over all compressors), so that a checkpoint taken while the host runs leaves it CPU time and
 * memory bandwidth. The schedule starts when the pacer is created (the save's {@code begin}).
 *
 * <p>Thread-safety: shared by the compressors of one save.
 */
final class RatePacer {
    private final long bytesPerSecond;
    private final long start = System.nanoTime();
    private final AtomicLong bytes = new AtomicLong();

    /** @param bytesPerSecond the rate, positive. */
    RatePacer(long bytesPerSecond) {
        if (bytesPerSecond <= 0) {
            throw new IllegalArgumentException("bytesPerSecond=" + bytesPerSecond + " must be positive");
        }
        this.bytesPerSecond = bytesPerSecond;
    }

    /** Counts {@code n} more bytes encoded. */
    void account(long n) {
        bytes.addAndGet(n);
    }

    /**
     * @return the {@link System#nanoTime()} before which no more bytes should be encoded (in
     *         the past when the save is behind its schedule)
     */
    long due() {
        return start + (long) (bytes.get() * 1e9 / bytesPerSecond);
    }
}
