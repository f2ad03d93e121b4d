package io.ckpt.store;

import java.io.IOException;

/**
 * A store could not do what a save or restore asked: it cannot be reached (after its retries),
 * it refused the credentials, the bucket does not exist, or it answered with an error. The
 * message names the facts (the location, the operation, the store's error code) and never a
 * credential. A missing object is a {@link java.nio.file.NoSuchFileException} instead, as for a
 * file, and damaged bytes a {@code CorruptCheckpointException}.
 */
public class StoreException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Why the store failed. */
    public enum Reason {
        /** The store did not answer (refused connection, timeout, reset), after the client's retries. */
        UNAVAILABLE,
        /** The store refused the credentials or the permission. */
        ACCESS_DENIED,
        /** The bucket (or container) does not exist. */
        NO_SUCH_BUCKET,
        /** Any other error the store answered with. */
        FAILED
    }

    /** Why the store failed, as {@link #reason()}. */
    private final Reason reason;
    /** The location the operation was about, as {@link #location()}. */
    private final String location;

    /**
     * @param reason   why
     * @param location the checkpoint's location as users name it, e.g. {@code s3://bucket/key}
     * @param message  the facts, one line, no credentials
     * @param cause    the client's exception, or null
     */
    public StoreException(Reason reason, String location, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.location = location;
    }

    /** @return why the store failed. */
    public Reason reason() {
        return reason;
    }

    /** @return the location the operation was about. */
    public String location() {
        return location;
    }
}
