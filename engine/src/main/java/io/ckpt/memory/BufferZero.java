package io.ckpt.memory;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Zero detection and zero fill over regions of direct buffers, without allocating: compares
 * against, and copies from, one shared read-only zero buffer.
 *
 * <p>Thread-safety: stateless; the shared zero buffer is only read through private duplicates.
 */
public final class BufferZero {
    private static final int ZERO_LENGTH = 1 << 20;
    private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(ZERO_LENGTH).order(ByteOrder.LITTLE_ENDIAN);

    private BufferZero() {
    }

    /**
     * @param view a private duplicate of {@code region}'s buffer, reused across calls; its
     *             position and limit are changed.
     * @param zero a private duplicate of {@link #zeros()}, reused across calls.
     * @param offset the index of the region's first byte in {@code view}
     * @param length the region's length in bytes, non-negative
     * @return true if {@code view[offset, offset + length)} is all zero bytes.
     */
    public static boolean isZero(ByteBuffer view, ByteBuffer zero, int offset, int length) {
        while (length > 0) {
            int n = Math.min(length, ZERO_LENGTH);
            view.limit(offset + n).position(offset);
            zero.limit(n).position(0);
            if (view.mismatch(zero) >= 0) {
                return false;
            }
            offset += n;
            length -= n;
        }
        return true;
    }

    /** @return a new private duplicate of the shared zero buffer (allocate once per thread). */
    public static ByteBuffer zeros() {
        return ZEROS.duplicate();
    }

    /**
     * Sets {@code buffer[offset, offset + length)} to zero.
     *
     * @param buffer the buffer to clear; its position and limit are not used or changed
     * @param offset the index of the first byte to clear
     * @param length the number of bytes to clear, non-negative
     */
    public static void zero(ByteBuffer buffer, int offset, int length) {
        while (length > 0) {
            int n = Math.min(length, ZERO_LENGTH);
            buffer.put(offset, ZEROS, 0, n);
            offset += n;
            length -= n;
        }
    }
}
