package io.ckpt.tools.bench;

/**
 * What one timed save or restore of an {@link ArenaStore} did.
 *
 * @param nanos     wall-clock time of the timed part, in nanoseconds
 * @param fileBytes bytes of the file written (save) or read (restore)
 * @param calls     write calls (save) or read calls (restore) into the file, or -1 where not counted
 */
public record IoResult(long nanos, long fileBytes, long calls) {

    /** @return {@link #nanos} in seconds. */
    public double seconds() {
        return nanos / 1e9;
    }
}
