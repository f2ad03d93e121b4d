package io.ckpt.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * The bytes of one checkpoint, read by position: a local file ({@link #of(FileChannel, String)})
 * or an object in a store (the engine's {@code io.ckpt.store}). {@link CheckpointMetadata#read}
 * reads through it, so one validator serves every place a checkpoint can live.
 *
 * <p>Thread-safety: as the implementation says; the file one is as safe as its channel
 * (positional reads from any thread).
 */
public interface CheckpointSource {
    /** @return what to call the checkpoint in messages: a path, or a URI such as {@code s3://bucket/key}. */
    String name();

    /**
     * @return the checkpoint's length in bytes.
     * @throws IOException if the length cannot be obtained
     */
    long size() throws IOException;

    /**
     * Reads bytes at {@code position} into {@code dst}, as {@link FileChannel#read(ByteBuffer, long)}.
     *
     * @param dst      where the bytes go, from its position up to its limit
     * @param position the checkpoint offset of the first byte, non-negative
     * @return bytes read, possibly fewer than remain in {@code dst}; -1 at the end.
     * @throws IOException if the bytes cannot be read
     */
    int read(ByteBuffer dst, long position) throws IOException;

    /**
     * @param channel an open, readable channel; closing it is the caller's job
     * @param name    what to call the checkpoint in messages
     * @return a source reading {@code channel}, called {@code name} in messages.
     */
    static CheckpointSource of(FileChannel channel, String name) {
        return new CheckpointSource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public long size() throws IOException {
                return channel.size();
            }

            @Override
            public int read(ByteBuffer dst, long position) throws IOException {
                return channel.read(dst, position);
            }
        };
    }
}
