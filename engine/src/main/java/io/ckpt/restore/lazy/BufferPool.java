package io.ckpt.restore.lazy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.atomic.AtomicIntegerArray;

import io.ckpt.codec.BlockDecoder;
import org.agrona.BufferUtil;

/**
 * The fixed pool of storage-block buffers that faulting threads read into in
 * {@link ReadMode#POOL} (the second patent's "first free buffer of a pool"). A slot is FREE
 * or BUSY (owned by one thread, with its own decoder).
 *
 * <p>Thread-safety: any number of threads; ownership moves by CAS, so each buffer and decoder
 * is used by one thread at a time.
 */
final class BufferPool implements AutoCloseable {
    private static final int FREE = 0;
    private static final int BUSY = 1;

    private final ByteBuffer[] buffers;
    private final BlockDecoder[] decoders;
    private final AtomicIntegerArray state;
    private final int bufferSize;

    BufferPool(int count, int bufferSize) {
        this.bufferSize = bufferSize;
        buffers = new ByteBuffer[count];
        decoders = new BlockDecoder[count];
        state = new AtomicIntegerArray(count);
        for (int i = 0; i < count; i++) {
            buffers[i] = ByteBuffer.allocateDirect(bufferSize).order(ByteOrder.LITTLE_ENDIAN);
            decoders[i] = new BlockDecoder();
        }
    }

    /**
     * A pool whose buffers are allocated by the first thread to acquire each slot (the reads of a
     * remote store need more slots, and a resume should not pay for touching them all).
     */
    static BufferPool lazy(int count, int bufferSize) {
        return new BufferPool(count, bufferSize, true);
    }

    private BufferPool(int count, int bufferSize, boolean lazy) {
        this.bufferSize = bufferSize;
        buffers = new ByteBuffer[count];
        decoders = new BlockDecoder[count];
        state = new AtomicIntegerArray(count);
    }

    /** @return the first FREE slot, now BUSY, or -1 if none is free. */
    int tryAcquire() {
        for (int i = 0; i < buffers.length; i++) {
            if (state.get(i) == FREE && state.compareAndSet(i, FREE, BUSY)) {
                return i;
            }
        }
        return -1;
    }

    /** Returns BUSY slot {@code i} to the pool (release). */
    void release(int i) {
        state.set(i, FREE);
    }

    /** @return bytes per buffer. */
    int bufferSize() {
        return bufferSize;
    }

    /** @return slot {@code i}'s buffer; its owner only (allocated on first use in a {@link #lazy} pool). */
    ByteBuffer buffer(int i) {
        if (buffers[i] == null) {
            buffers[i] = ByteBuffer.allocateDirect(bufferSize).order(ByteOrder.LITTLE_ENDIAN);
        }
        return buffers[i];
    }

    /** @return slot {@code i}'s decoder; its owner only. */
    BlockDecoder decoder(int i) {
        if (decoders[i] == null) {
            decoders[i] = new BlockDecoder();
        }
        return decoders[i];
    }

    /** @return the number of slots. */
    int size() {
        return buffers.length;
    }

    /** Frees the buffers; only when no thread uses the pool any more. */
    @Override
    public void close() {
        for (int i = 0; i < buffers.length; i++) {
            if (buffers[i] != null) {
                BufferUtil.free(buffers[i]);
                buffers[i] = null;
            }
        }
    }
}
