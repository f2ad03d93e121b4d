package io.ckpt.save;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Where a save reads the page blocks it compresses: a {@link io.ckpt.memory.GuestMemory}
 * arena ({@link ArenaSource}), or a raw memory image file read straight from disk
 * ({@link ImageFileSource}), so that checkpointing a file needs no arena of its size.
 *
 * <p>Thread-safety: {@link #size()} from any thread; each compressor thread opens a
 * {@link Reader} of its own and is the only thread to use it.
 */
abstract class BlockSource {
    /** @return bytes of memory the checkpoint describes (a whole number of pages). */
    abstract long size();

    /** @return a reader for one compressor thread; the caller closes it. */
    abstract Reader reader() throws IOException;

    /**
     * A per-thread view of the source's blocks.
     *
     * <p>Thread-safety: single-threaded (one compressor).
     */
    interface Reader extends AutoCloseable {
        /**
         * Makes block {@code n} readable: its {@code length} bytes are at {@link #offset()} in
         * the returned buffer until the next call.
         *
         * @param runEnd the caller will ask for blocks {@code n + 1 .. runEnd - 1} next, in order,
         *               so a reader may fetch them together
         * @return a buffer to read with absolute operations only (it may be shared)
         */
        ByteBuffer block(long n, int blockBytes, int length, long runEnd) throws IOException;

        /** @return where the last {@link #block} starts in the buffer it returned. */
        int offset();

        @Override
        void close();
    }
}
