package io.ckpt.restore.lazy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.atomic.AtomicIntegerArray;

import io.ckpt.codec.BlockDecoder;
import org.agrona.BufferUtil;

/**
 * The fixed pool of storage-block buffers that faulting threads read into (the second
 * patent's "first free buffer of a pool"). A slot is FREE, BUSY (owned by one thread, with its
 * own decoder) or HANDOFF (holding a storage block whose neighbours the background thread, or
 * any thread short of a buffer, will install).
 *
 * <p>Thread-safety: any number of threads; slot ownership moves by CAS, so each buffer and
 * decoder is used by one thread at a time.
 */
final class BufferPool implements AutoCloseable {
    private static final int FREE = 0;
    private static final int BUSY = 1;
    private static final int HANDOFF = 2;

    private final ByteBuffer[] buffers;
    private final BlockDecoder[] decoders;
    private final int[] storageBlockOf;
    private final AtomicIntegerArray state;

    BufferPool(int count, int bufferSize) {
        buffers = new ByteBuffer[count];
        decoders = new BlockDecoder[count];
        storageBlockOf = new int[count];
        state = new AtomicIntegerArray(count);
        for (int i = 0; i < count; i++) {
            buffers[i] = ByteBuffer.allocateDirect(bufferSize).order(ByteOrder.LITTLE_ENDIAN);
            decoders[i] = new BlockDecoder();
        }
    }

    /** @return a slot moved from FREE to BUSY, or -1 if none is free. */
    int tryAcquire() {
        for (int i = 0; i < buffers.length; i++) {
            if (state.get(i) == FREE && state.compareAndSet(i, FREE, BUSY)) {
                return i;
            }
        }
        return -1;
    }

    /** @return a slot moved from HANDOFF to BUSY (its storage block in {@link #storageBlock(int)}), or -1. */
    int tryTakeHandoff() {
        for (int i = 0; i < buffers.length; i++) {
            if (state.get(i) == HANDOFF && state.compareAndSet(i, HANDOFF, BUSY)) {
                return i;
            }
        }
        return -1;
    }

    /** @return the index of a slot in HANDOFF, without taking it, or -1. */
    int tryTakeHandoffPeek() {
        for (int i = 0; i < buffers.length; i++) {
            if (state.get(i) == HANDOFF) {
                return i;
            }
        }
        return -1;
    }

    /** Publishes BUSY slot {@code i}, holding storage block {@code sb}, for neighbour installation (release). */
    void handOff(int i, int sb) {
        storageBlockOf[i] = sb;
        state.set(i, HANDOFF);
    }

    /** Returns BUSY slot {@code i} to the pool. */
    void release(int i) {
        state.set(i, FREE);
    }

    ByteBuffer buffer(int i) {
        return buffers[i];
    }

    BlockDecoder decoder(int i) {
        return decoders[i];
    }

    /** @return the storage block held by a slot taken with {@link #tryTakeHandoff()}. */
    int storageBlock(int i) {
        return storageBlockOf[i];
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
