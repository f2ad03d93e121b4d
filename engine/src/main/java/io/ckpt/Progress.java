package io.ckpt;

/**
 * Receives the progress of a long save or restore, for a progress bar: called on the thread
 * that started the operation (the one waiting for it), about ten times a second while it runs,
 * and once more with {@code done == total} when the work is finished (before the commit).
 *
 * <p>Thread-safety: only ever called from that one thread; implementations need not be
 * thread-safe. They should return quickly: the caller waits for them.
 */
@FunctionalInterface
public interface Progress {
    /** Reports nothing. */
    Progress NONE = (done, total) -> { };

    /**
     * @param done  bytes of memory saved or restored so far
     * @param total bytes of memory in all
     */
    void update(long done, long total);
}
