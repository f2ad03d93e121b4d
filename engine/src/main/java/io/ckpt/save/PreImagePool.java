package io.ckpt.save;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;

import org.agrona.BufferUtil;
import org.agrona.concurrent.ManyToManyConcurrentArrayQueue;

/**
 * Pre-image buffers of lazy checkpoints (one page block each), allocated on first need up to a
 * bound and kept until {@link #close}, so that a host taking checkpoints again and again pays
 * for the memory once. Give one to {@link SaveOptions#withPreImagePool}.
 *
 * <p>Why a host would: a host that writes all over the arena during a checkpoint makes nearly
 * every block a pre-image; with a pool as large as the arena its writers never wait for a
 * compressor (each write stall is one block copy), at the price of up to twice the arena's
 * memory while a checkpoint runs. Without a pool of its own, each lazy checkpoint allocates
 * {@link SaveOptions#preImageBuffers} buffers up front and frees them at the end.
 *
 * <p>Growing allocates a direct buffer on the host thread that needs it (counted in the write
 * stall). When direct memory runs out ({@code -XX:MaxDirectMemorySize}) the pool stops growing
 * and writers wait for buffers instead; the JDK first tries a garbage collection, which can
 * stall that one write for up to about half a second.
 *
 * <p>Thread-safety: one checkpoint uses a pool at a time (a second one running at once is
 * refused); buffers are taken and returned by any thread; {@link #close} from any thread once
 * no checkpoint uses the pool.
 */
public final class PreImagePool implements AutoCloseable {
    /** A pre-image: one block's bytes as of begin, on its way from a writer to a compressor. */
    static final class PreImage {
        final ByteBuffer buffer;
        long block;

        PreImage(ByteBuffer buffer) {
            this.buffer = buffer.order(ByteOrder.LITTLE_ENDIAN);
        }
    }

    private final int maxBuffers;
    /** Allocates one direct buffer of the given size; {@code ByteBuffer::allocateDirect} but in tests. */
    private final IntFunction<ByteBuffer> allocator;
    /** Slots handed out for allocation; a slot whose allocation failed stays null. */
    private final AtomicInteger slots = new AtomicInteger();
    private final AtomicInteger live = new AtomicInteger();
    private final AtomicReferenceArray<PreImage> all;
    private final ManyToManyConcurrentArrayQueue<PreImage> free;
    private final AtomicBoolean inUse = new AtomicBoolean();
    /** Lowered below maxBuffers once an allocation failed for want of direct memory. */
    private volatile int cap;
    private volatile boolean closed;
    /** Block size of the buffers; changed only by {@link #attach} while no checkpoint uses the pool. */
    private int blockBytes;

    private PreImagePool(int maxBuffers, IntFunction<ByteBuffer> allocator) {
        this.maxBuffers = maxBuffers;
        this.allocator = allocator;
        this.cap = maxBuffers;
        this.all = new AtomicReferenceArray<>(maxBuffers);
        this.free = queueFor(maxBuffers);
    }

    /**
     * @param maxBuffers the bound, in [1, 65536] buffers of one page block each (a pool as
     *                   large as the arena has as many buffers as the arena has blocks)
     * @return an empty pool; nothing is allocated until a checkpoint needs it
     */
    public static PreImagePool create(int maxBuffers) {
        return create(maxBuffers, ByteBuffer::allocateDirect);
    }

    /** As {@link #create(int)} with another allocator (tests: one that runs out). */
    static PreImagePool create(int maxBuffers, IntFunction<ByteBuffer> allocator) {
        if (maxBuffers < 1 || maxBuffers > 65536) {
            throw new IllegalArgumentException("maxBuffers=" + maxBuffers + " must be in [1, 65536]");
        }
        return new PreImagePool(maxBuffers, allocator);
    }

    /** @return the bound given to {@link #create}. */
    public int maxBuffers() {
        return maxBuffers;
    }

    /** @return buffers allocated now (their memory is held until {@link #close}). */
    public int allocatedBuffers() {
        return live.get();
    }

    /** @return bytes of direct memory the pool holds now. */
    public long allocatedBytes() {
        return (long) live.get() * blockBytes;
    }

    /**
     * Takes the pool for one checkpoint with blocks of {@code bytes}, allocating {@code reserve}
     * buffers now. Buffers of another block size are freed first.
     *
     * @throws IllegalStateException if the pool is closed or another checkpoint uses it
     */
    void attach(int bytes, int reserve) {
        if (!inUse.compareAndSet(false, true)) {
            throw new IllegalStateException("the pre-image pool is in use by another checkpoint");
        }
        if (closed) {
            inUse.set(false);
            throw new IllegalStateException("the pre-image pool is closed");
        }
        if (bytes != blockBytes) {
            freeAll();
            blockBytes = bytes;
        }
        try {
            int target = Math.min(reserve, maxBuffers);
            while (live.get() < target && grow()) {
                continue;
            }
        } catch (RuntimeException | Error e) {
            inUse.set(false);
            throw e;
        }
    }

    /** Allocates one more buffer into the free queue. @return false at the bound. */
    private boolean grow() {
        PreImage p = allocate();
        if (p != null) {
            offer(free, p);
        }
        return p != null;
    }

    /**
     * Any thread, while attached: a free buffer, a newly allocated one if the pool is below its
     * bound, or null (the caller waits and tries again).
     */
    PreImage tryAcquire() {
        PreImage p = free.poll();
        return p != null ? p : allocate();
    }

    private PreImage allocate() {
        int n;
        while ((n = slots.get()) < cap) {
            if (slots.compareAndSet(n, n + 1)) {
                PreImage p;
                try {
                    p = new PreImage(allocator.apply(blockBytes));
                } catch (OutOfMemoryError e) {
                    // Out of direct memory: grow no further; writers wait for buffers instead.
                    cap = n;
                    return null;
                }
                all.set(n, p);
                live.incrementAndGet();
                return p;
            }
        }
        return null;
    }

    /** Any thread, while attached: returns a buffer taken by {@link #tryAcquire}. */
    void release(PreImage p) {
        offer(free, p);
    }

    /**
     * @return a queue with room for all {@code maxBuffers} pre-images of a pool and as many again:
     *         an array queue near full can refuse an offer while a consumer is mid-poll
     */
    static ManyToManyConcurrentArrayQueue<PreImage> queueFor(int maxBuffers) {
        return new ManyToManyConcurrentArrayQueue<>(Integer.highestOneBit(Math.max(2, maxBuffers - 1)) << 2);
    }

    /** Offers until accepted: every pre-image is in exactly one place, so a queue from {@link #queueFor} has room. */
    static void offer(ManyToManyConcurrentArrayQueue<PreImage> queue, PreImage p) {
        int spins = 0;
        while (!queue.offer(p)) {
            if (++spins < 100) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
    }

    /**
     * Ends the checkpoint's use, once no thread touches a buffer any more: every allocated
     * buffer is free again, whether or not the checkpoint returned it.
     */
    void detach() {
        free.clear();
        for (int i = 0, n = slots.get(); i < n; i++) {
            PreImage p = all.get(i);
            if (p != null) {
                offer(free, p);
            }
        }
        inUse.set(false);
    }

    /**
     * Frees every buffer. Idempotent.
     *
     * @throws IllegalStateException if a checkpoint still uses the pool
     */
    @Override
    public void close() {
        if (!inUse.compareAndSet(false, true)) {
            throw new IllegalStateException("the pre-image pool is in use by a running checkpoint");
        }
        try {
            closed = true;
            freeAll();
        } finally {
            inUse.set(false);
        }
    }

    private void freeAll() {
        free.clear();
        for (int i = 0, n = slots.get(); i < n; i++) {
            PreImage p = all.getAndSet(i, null);
            if (p != null) {
                BufferUtil.free(p.buffer);
            }
        }
        slots.set(0);
        live.set(0);
        cap = maxBuffers;
    }

    @Override
    public String toString() {
        return "PreImagePool[" + live.get() + " of " + maxBuffers + " buffers allocated"
            + (closed ? ", closed" : "") + "]";
    }
}
