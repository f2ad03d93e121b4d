package io.ckpt.store;

import java.io.IOException;
import java.nio.ByteBuffer;

import io.ckpt.format.CheckpointSource;
import io.ckpt.format.CorruptCheckpointException;

/**
 * An open checkpoint, read by position: a file's channel, or ranged GETs of an object.
 *
 * <p>Thread-safety: any number of threads may read at once (positional reads only).
 */
public interface CheckpointReader extends CheckpointSource, AutoCloseable {
    /**
     * Reads exactly {@code dst.remaining()} bytes at {@code position} (one ranged GET for an object).
     *
     * @param dst      where the bytes go, from its position to its limit; its position ends at the limit
     * @param position the checkpoint offset of the first byte
     * @param what the structure read, for the message if the checkpoint ends first
     * @throws CorruptCheckpointException if the checkpoint ends before them (truncated).
     * @throws IOException if the bytes cannot be read
     */
    default void readFully(ByteBuffer dst, long position, String what) throws IOException {
        long at = position;
        while (dst.hasRemaining()) {
            int n = read(dst, at);
            if (n < 0) {
                throw new CorruptCheckpointException(what, position, name() + " ends at " + at
                    + " bytes, inside this structure (truncated?)");
            }
            at += n;
        }
    }

    /** @return true if reads are requests to a remote store: worth issuing several at once and retrying. */
    default boolean remote() {
        return false;
    }

    /**
     * Releases the channel or the client connection; reads after it fail.
     *
     * @throws IOException if releasing fails; nothing written is at stake
     */
    @Override
    void close() throws IOException;
}
