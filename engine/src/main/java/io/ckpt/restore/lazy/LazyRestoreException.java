package io.ckpt.restore.lazy;

import java.io.IOException;

import io.ckpt.format.CorruptCheckpointException;

/**
 * A host access touched a page block that could not be installed: its stored data is
 * corrupt (the cause is a {@link CorruptCheckpointException}; the block stays absent and every
 * later access to it throws this again), or the store holding it could not be read after its
 * retries (the cause is that {@link IOException}, such as an {@code io.ckpt.store.StoreException};
 * the block stays absent and a later access tries again). Unchecked, because it surfaces from
 * arena accessors. Nothing of the block is installed either way.
 */
public class LazyRestoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** The page block that could not be installed, as {@link #block()}. */
    private final long block;

    /**
     * @param block the page block that could not be installed
     * @param cause the damage found in its stored data
     */
    public LazyRestoreException(long block, CorruptCheckpointException cause) {
        super("cannot restore page block " + block + ": " + cause.getMessage(), cause);
        this.block = block;
    }

    /** @return the page block that could not be installed. */
    public long block() {
        return block;
    }

    /**
     * @param block the page block that could not be installed
     * @param cause why its storage block could not be read
     */
    public LazyRestoreException(long block, IOException cause) {
        super("cannot restore page block " + block + ": " + cause.getMessage(), cause);
        this.block = block;
    }

    /** @return the file offset of the damaged structure, or -1 (also when the store could not be read). */
    public long fileOffset() {
        return getCause() instanceof CorruptCheckpointException ? ((CorruptCheckpointException) getCause()).fileOffset()
            : -1;
    }

    /** @return true if the block's data is damaged (not a failure to read it, which a later access may overcome). */
    public boolean corrupt() {
        return getCause() instanceof CorruptCheckpointException;
    }
}
