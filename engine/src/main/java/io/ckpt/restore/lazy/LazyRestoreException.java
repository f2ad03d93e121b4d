package io.ckpt.restore.lazy;

import io.ckpt.format.CorruptCheckpointException;

/**
 * A host access touched a page block that could not be installed: its stored data is
 * corrupt. Unchecked, because it surfaces from arena accessors. The block stays absent and
 * every later access to it throws this again.
 */
public class LazyRestoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long block;

    /** @param block the page block; @param cause the damage found. */
    public LazyRestoreException(long block, CorruptCheckpointException cause) {
        super("cannot restore page block " + block + ": " + cause.getMessage(), cause);
        this.block = block;
    }

    /** @return the page block that could not be installed. */
    public long block() {
        return block;
    }

    /** @return the file offset of the damaged structure, or -1. */
    public long fileOffset() {
        return ((CorruptCheckpointException) getCause()).fileOffset();
    }
}
