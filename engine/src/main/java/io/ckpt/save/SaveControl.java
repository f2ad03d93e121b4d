package io.ckpt.save;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Failure propagation between the threads of one save: the first failure is kept and every
 * thread stops at its next check of {@link #aborted()}.
 *
 * <p>Thread-safety: any number of threads.
 */
final class SaveControl {
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    /** Records {@code t} if it is the first failure; later ones are added as suppressed. */
    void fail(Throwable t) {
        if (!failure.compareAndSet(null, t)) {
            Throwable first = failure.get();
            if (first != t) {
                first.addSuppressed(t);
            }
        }
    }

    /** @return true once any thread failed. */
    boolean aborted() {
        return failure.get() != null;
    }

    /** @return the first failure, or null. */
    Throwable failure() {
        return failure.get();
    }
}
