package io.ckpt.format;

import java.io.IOException;

/**
 * Base of every failure to read or write a checkpoint file that the caller can act on:
 * corruption, truncation, a foreign file, an unsupported version.
 */
public class CheckpointException extends IOException {
    private static final long serialVersionUID = 1L;

    /** @param message the facts: what, where (file offset), expected and found. */
    public CheckpointException(String message) {
        super(message);
    }

    /**
     * @param message the facts: what, where (file offset), expected and found.
     * @param cause   the underlying failure.
     */
    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
