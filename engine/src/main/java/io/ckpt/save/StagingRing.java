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

    /**
     * Allocates {@code n} rings of {@code slotSize} slots, all but the last on helper threads
     * while the caller allocates the last. A ring's buffer comes zeroed (the ring relies on it),
     * and zeroing it faults in every page of it: 8 MiB for 1 MiB slots, 30 ms of a whole
     * command's start on this project's VM, which the rings otherwise pay one after another
     * before any compressor starts. The helpers are joined before this returns, which publishes
     * their rings to the caller.
     *
     * <p>Thread-safety: called by the thread preparing a save; the rings it returns are not yet
     * shared with anyone.
     *
     * @throws OutOfMemoryError         if a buffer cannot be allocated
     * @throws IllegalArgumentException if {@code slotSize} makes a ring larger than a direct buffer
     *                                  can be; either way the rings already made are freed.
     */
    static StagingRing[] allocate(int n, int slotSize) {
        StagingRing[] rings = new StagingRing[n];
        Throwable[] failures = new Throwable[n];
        Thread[] helpers = new Thread[n - 1];
        for (int i = 0; i < helpers.length; i++) {
            int r = i;
            helpers[i] = new Thread(() -> {
                try {
                    rings[r] = new StagingRing(slotSize);
                } catch (RuntimeException | Error t) {
                    failures[r] = t;
                }
            }, "ckpt-save-ring-" + i);
            helpers[i].setDaemon(true);
            helpers[i].start();
        }
        try {
            rings[n - 1] = new StagingRing(slotSize);
        } catch (RuntimeException | Error t) {
            failures[n - 1] = t;
        }
        boolean interrupted = false;
        for (Thread h : helpers) {
            while (true) {
                try {
                    h.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;   // the helper finishes its one allocation soon; keep the flag for the caller
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        for (Throwable t : failures) {
            if (t != null) {
                for (StagingRing ring : rings) {
                    if (ring != null) {
                        ring.close();
                    }
                }
                if (t instanceof Error) {
                    throw (Error) t;
                }
                throw (RuntimeException) t;   // nothing else is caught above
            }
        }
        return rings;
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
