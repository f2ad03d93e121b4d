package io.ckpt.save;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

/**
 * The staging buffer between one compressor and the I/O thread: an Agrona
 * {@link OneToOneRingBuffer} whose messages are whole staging slots of one storage block
 * each. The compressor claims a slot, writes payloads straight into it and commits it
 * (release); the I/O thread reads it (acquire), writes it to the file in one call, and
 * frees it by returning from the handler.
 *
 * <p>Thread-safety: single producer (its compressor), single consumer (the I/O thread).
 */
final class StagingRing implements AutoCloseable {
    /** Agrona limits a message to capacity / 8. */
    private static final int SLOTS_PER_RING = 8;
    static final int MESSAGE_TYPE = 1;

    private final ByteBuffer buffer;
    private final OneToOneRingBuffer ring;
    private final int slotSize;

    /** @param slotSize the storage block size. */
    StagingRing(int slotSize) {
        int capacity = Integer.highestOneBit(slotSize - 1) << 1;
        capacity *= SLOTS_PER_RING;
        this.slotSize = slotSize;
        this.buffer = ByteBuffer.allocateDirect(capacity + RingBufferDescriptor.TRAILER_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        this.ring = new OneToOneRingBuffer(new UnsafeBuffer(buffer));
    }

    /** @return the size of every slot (the storage block size). */
    int slotSize() {
        return slotSize;
    }

    /** @return the ring's backing buffer; slot indexes returned by {@link #tryClaim()} index into it. */
    ByteBuffer buffer() {
        return buffer;
    }

    /** @return the underlying ring, for the consumer's {@code read}. */
    OneToOneRingBuffer ring() {
        return ring;
    }

    /** @return the index of a claimed slot of {@code slotSize} bytes, or a negative value when full. Producer only. */
    int tryClaim() {
        return ring.tryClaim(MESSAGE_TYPE, slotSize);
    }

    /** Publishes the slot at {@code index} to the consumer (release). Producer only. */
    void commit(int index) {
        ring.commit(index);
    }

    /** Discards a claimed slot. Producer only. */
    void abort(int index) {
        ring.abort(index);
    }

    @Override
    public void close() {
        BufferUtil.free(buffer);
    }
}
