package io.ckpt.tools.cli;

/**
 * The process exit codes of every {@code ckpt} subcommand.
 *
 * <p>Thread-safety: constants only.
 */
public final class Exit {
    /** Success. */
    public static final int OK = 0;
    /** Bad usage or bad input: a missing file, a wrong size, a bad option value, an I/O error. */
    public static final int USAGE = 1;
    /** A corrupt, incomplete, foreign or too-new checkpoint (any {@code CheckpointException}). */
    public static final int CORRUPT = 2;

    private Exit() {
    }
}
