package io.ckpt.codec;

import java.nio.ByteBuffer;

/**
 * Private duplicates of a few shared buffers, so position and limit can be set for an
 * intrinsic (CRC32C, mismatch) without touching the shared buffer and without allocating a
 * duplicate per block. Keyed by identity; the least recently added entry is replaced.
 *
 * <p>Thread-safety: single-threaded, one per encoder or decoder.
 */
final class ViewCache {
    private static final int SIZE = 4;
    private final ByteBuffer[] owners = new ByteBuffer[SIZE];
    private final ByteBuffer[] views = new ByteBuffer[SIZE];
    private int next;

    /** @return a private duplicate of {@code buffer}; its position and limit are the caller's to set. */
    ByteBuffer view(ByteBuffer buffer) {
        for (int i = 0; i < SIZE; i++) {
            if (owners[i] == buffer) {
                return views[i];
            }
        }
        int i = next;
        next = (next + 1) % SIZE;
        owners[i] = buffer;
        views[i] = buffer.duplicate();
        return views[i];
    }
}
