package io.ckpt.format;

/** The file was written by a newer major format version than this reader understands. */
public class CheckpointFormatTooNewException extends CheckpointException {
    private static final long serialVersionUID = 1L;

    /** @param found the file's major version. */
    public CheckpointFormatTooNewException(int found) {
        super("checkpoint format version " + found + " is newer than this reader supports (max "
            + FormatVersion.MAJOR + "); upgrade ckpt");
    }
}
