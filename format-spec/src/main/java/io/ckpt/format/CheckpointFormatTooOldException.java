package io.ckpt.format;

/** The file was written by an older major format version that this reader no longer reads. */
public class CheckpointFormatTooOldException extends CheckpointException {
    private static final long serialVersionUID = 1L;

    /** @param found the file's major version. */
    public CheckpointFormatTooOldException(int found) {
        super("checkpoint format version " + found + " is older than this reader supports (min "
            + FormatVersion.MIN_MAJOR + ")");
    }
}
