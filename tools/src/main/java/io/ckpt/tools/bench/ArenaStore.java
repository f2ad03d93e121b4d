package io.ckpt.tools.bench;

import java.io.IOException;
import java.nio.file.Path;

import io.ckpt.memory.GuestMemory;

/**
 * One way to save a whole arena to a file and restore it back: the engine under test or a
 * baseline it is compared with. Every implementation forces (fsyncs) what it writes before
 * {@link #save} returns, as the engine does, so the comparison is fair.
 *
 * <p>Thread-safety: single-threaded; one instance per benchmark thread. The arena must not be
 * written while a save or restore of it runs.
 */
public interface ArenaStore extends AutoCloseable {

    /** @return the key in reports, e.g. {@code lz4_stream}. */
    String name();

    /** @return a short human label for tables, e.g. {@code "LZ4 frame stream"}. */
    String label();

    /**
     * Saves all of {@code memory} to {@code file} (created or replaced), forced to disk.
     *
     * @return the time of the timed part (untimed preparation, if any, is excluded) and the file size.
     */
    IoResult save(GuestMemory memory, Path file) throws IOException;

    /**
     * Restores {@code file}, written by {@link #save} of this store, into {@code memory}
     * (of the saved arena's size), overwriting every byte.
     */
    IoResult restore(Path file, GuestMemory memory) throws IOException;

    /** Frees what the store holds (scratch files, buffers). Idempotent. */
    @Override
    default void close() throws IOException {
    }
}
