package io.ckpt.format;

/** The file does not start with the checkpoint magic: it is not a ckpt checkpoint at all. */
public class NotACheckpointException extends CorruptCheckpointException {
    private static final long serialVersionUID = 1L;

    /** @param detail what was found instead of the magic. */
    public NotACheckpointException(String detail) {
        super("header", 0, "not a ckpt checkpoint file: " + detail);
    }
}
