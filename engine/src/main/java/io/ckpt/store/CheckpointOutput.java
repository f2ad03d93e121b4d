package io.ckpt.store;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A checkpoint being written, invisible under its location until {@link #commit}: a file
 * under a temporary name, or an object store's multipart upload. The save's I/O thread
 * {@link #open}s it, writes the header region, the storage blocks and the metadata at their
 * offsets (increasing, except the header region first at 0; gaps are zero padding), and
 * {@link #closeWrites}; the committing thread then calls {@link #commit} with the trailer,
 * or {@link #abort}.
 *
 * <p>Thread-safety: {@link #open}, {@link #write} and {@link #closeWrites} on the I/O thread;
 * {@link #commit} and {@link #abort} on the save's thread after the I/O thread ended (abort also
 * from a failing save at any point after creation).
 */
public interface CheckpointOutput {
    /**
     * Opens what the I/O thread writes through; on that thread, before the first {@link #write}.
     *
     * @throws IOException if the file cannot be opened or mapped, or the upload started
     */
    void open() throws IOException;

    /**
     * Writes {@code length} bytes of {@code src} from index {@code at} at offset {@code offset}.
     *
     * @param offset the checkpoint offset of the first byte
     * @param src    the bytes; its position and limit are not used or changed
     * @param at     the index in {@code src} of the first byte
     * @param length the number of bytes
     * @throws IOException if the bytes cannot be written (a full disk, a failed upload)
     */
    void write(long offset, ByteBuffer src, int at, int length) throws IOException;

    /** Releases the I/O thread's resources (channel, mapping); written bytes stay, uncommitted. */
    void closeWrites();

    /**
     * Completes the checkpoint: everything past {@code trailerOffset} is dropped, the trailer
     * written there last, and the checkpoint published atomically under its location.
     *
     * @param trailerOffset the checkpoint offset of the trailer, its final length minus
     *                      {@code TrailerDescriptor.LENGTH}
     * @param trailer       the trailer, from index 0
     * @return the number of forces (file syncs) it took; 0 for a store without them.
     * @throws IOException if the checkpoint cannot be completed; the location then keeps what it had
     */
    int commit(long trailerOffset, ByteBuffer trailer) throws IOException;

    /**
     * Writes one storage block at {@code offset} (4 KiB-aligned); the bytes up to the next 4 KiB
     * boundary are padding the output may write as zeros. By default the same as {@link #write}.
     *
     * @param offset the checkpoint offset of the storage block, 4 KiB-aligned
     * @param src    the bytes; its position and limit are not used or changed
     * @param at     the index in {@code src} of the storage block's first byte
     * @param length the storage block's unpadded length
     * @throws IOException if the bytes cannot be written (a full disk, a failed upload)
     */
    default void writeStorageBlock(long offset, ByteBuffer src, int at, int length) throws IOException {
        write(offset, src, at, length);
    }

    /** Drops the uncommitted checkpoint (temporary file, upload); the location keeps what it had. Idempotent. */
    void abort();

    /** @return write calls (or parts uploaded) so far. */
    default long writeCalls() {
        return 0;
    }

    /** @return syncs started in the background while writing. */
    default int backgroundForces() {
        return 0;
    }
}
