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

    /**
     * Books {@code n} bytes about to be encoded. Bookings are strictly ordered, so however many
     * compressors share the pacer, a block never starts before the bytes booked ahead of it
     * have had their time.
     *
     * @return the {@link System#nanoTime()} at which the booked bytes may start (in the past
     *         when the save is behind its schedule)
     */
    long book(long n) {
        long before = bytes.getAndAdd(n);
        return start + (long) (before * 1e9 / bytesPerSecond);
    }

    /** Gives back a booking that was not used (the block went to someone else). */
    void cancel(long n) {
        bytes.addAndGet(-n);
    }
}
