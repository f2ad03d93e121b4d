package io.ckpt.save;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import io.ckpt.events.PreImageWaitEvent;
import io.ckpt.memory.AccessGuard;
import io.ckpt.memory.GuestMemory;
import io.ckpt.save.PreImagePool.PreImage;
import org.HdrHistogram.Recorder;
import org.agrona.concurrent.ManyToManyConcurrentArrayQueue;

/**
 * The copy-before-write state of a lazy checkpoint (the first patent, US 9,053,064). Each
 * planned block is NEEDED until exactly one thread claims it (CAS): a compressor, which copies
 * it out of the arena and encodes the copy, or a host thread about to write it, which copies it
 * into a pre-image buffer for the compressors and then writes. Either way the block is DONE
 * (release) once its bytes as of {@code begin} are safe, and writes to it go straight through.
 * Pre-image buffers come from a bounded {@link PreImagePool}: when all are in use a writer waits (counted).
 *
 * <p>Thread-safety: {@link #guard()} is called by any host thread; compressors call the rest.
 */
final class LazySaveState implements AutoCloseable {
    /** Writes go straight through: the block's bytes as of begin are safe, or the block is not in the plan. */
    static final byte DONE = 0;
    static final byte NEEDED = 1;
    static final byte CLAIMED = 2;
    private static final VarHandle STATE = MethodHandles.arrayElementVarHandle(byte[].class);

    private final GuestMemory memory;
    private final SaveLayout layout;
    private final byte[] states;
    private final int blockShift;
    private int planSize;
    private final PreImagePool pool;
    private final boolean ownsPool;
    private final ManyToManyConcurrentArrayQueue<PreImage> ready;
    private final AtomicInteger handed = new AtomicInteger();
    private final SaveControl control;
    /** Host threads inside {@link #preserve}: {@link #close} waits for them before freeing the buffers they copy into. */
    private final AtomicInteger preserving = new AtomicInteger();
    /** Host threads waiting for a free pre-image buffer now: a rate-limited compressor stops sleeping. */
    private final AtomicInteger waitingForBuffers = new AtomicInteger();
    private volatile boolean closed;
    private final Guard guard;
    final Recorder stalls = new Recorder(3);
    final LongAdder preImages = new LongAdder();
    final LongAdder poolWaits = new LongAdder();
    final LongAdder claimWaits = new LongAdder();

    /**
     * Takes {@code sharedPool} for this checkpoint, or allocates a pool of {@code preImageBuffers}
     * of its own when it is null; {@link #plan} must follow before the guard is installed.
     */
    LazySaveState(GuestMemory memory, SaveLayout layout, PreImagePool sharedPool, int preImageBuffers,
                  SaveControl control) {
        this.memory = memory;
        this.control = control;
        this.layout = layout;
        this.blockShift = Integer.numberOfTrailingZeros(layout.blockBytes());
        this.states = new byte[Math.toIntExact(layout.blockCount())];
        this.guard = new Guard();
        this.ownsPool = sharedPool == null;
        this.pool = ownsPool ? PreImagePool.create(preImageBuffers) : sharedPool;
        // A pool of its own is allocated in full now, outside the pause; a shared one grows on demand.
        pool.attach(layout.blockBytes(), ownsPool ? preImageBuffers : 0);
        this.ready = PreImagePool.queueFor(pool.maxBuffers());
    }

    /** Marks the planned blocks NEEDED; before the guard is installed and the threads start. */
    void plan(SavePlan plan) {
        for (int i = 0; i < plan.size(); i++) {
            states[plan.block(i)] = NEEDED;
        }
        this.planSize = plan.size();
    }

    /** @return the guard to install on the arena for the duration of the save. */
    AccessGuard guard() {
        return guard;
    }

    /** Compressor: @return true if nobody has claimed {@code block} yet (acquire). */
    boolean needed(long block) {
        return (byte) STATE.getAcquire(states, (int) block) == NEEDED;
    }

    /** Compressor: claims {@code block} for encoding from the arena. @return false if a writer has it. */
    boolean claim(long block) {
        return STATE.compareAndSet(states, (int) block, NEEDED, CLAIMED);
    }

    /** Compressor: the claimed block's bytes are copied out; writers may proceed (release). */
    void copied(long block) {
        STATE.setRelease(states, (int) block, DONE);
        handed.incrementAndGet();
    }

    /** Compressor: @return the next pre-image to encode, or null. */
    PreImage pollPreImage() {
        return ready.poll();
    }

    /** Compressor: returns an encoded pre-image's buffer to the pool. */
    void recycle(PreImage p) {
        pool.release(p);
    }

    /** @return true while a host thread waits for a free pre-image buffer. */
    boolean writersWaitingForBuffers() {
        return waitingForBuffers.get() > 0;
    }

    /** @return true once every planned block was handed to a compressor and no pre-image waits. */
    boolean allHanded() {
        return handed.get() == planSize && ready.isEmpty();
    }

    private final class Guard extends AccessGuard {
        Guard() {
            // Reads are never delayed; a write needs this guard only while its block is not DONE.
            super(true);
        }

        @Override
        public void beforeRead(long address, long length) {
            // Reads are never delayed: the checkpoint only needs the bytes before each first write.
        }

        @Override
        public void beforeWrite(long address, long length) {
            // The arena checked the range: block numbers fit an int (they index states).
            int first = (int) (address >>> blockShift);
            int last = (int) ((address + length - 1) >>> blockShift);
            for (int b = first; b <= last; b++) {
                byte s = (byte) STATE.getAcquire(states, b);
                if (s != DONE) {
                    preserve(b);
                }
            }
        }

        /** A block once DONE stays DONE for this checkpoint: its writes may go back to the arena's fast path. */
        @Override
        protected boolean writeSettled(long address, long length) {
            int first = (int) (address >>> blockShift);
            int last = (int) ((address + length - 1) >>> blockShift);
            for (int b = first; b <= last; b++) {
                if ((byte) STATE.getAcquire(states, b) != DONE) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String toString() {
            return "lazy checkpoint";
        }
    }

    /**
     * Host thread about to write {@code block}: copies its pre-image first, or waits for whoever
     * does. Once the save has failed or was cancelled nothing needs the pre-image, and no
     * compressor will free a buffer or finish a claimed block: the writer goes ahead at once.
     */
    private void preserve(long block) {
        preserving.incrementAndGet();
        try {
            if (!closed && !control.aborted()) {
                preserveOpen(block);
            }
        } finally {
            preserving.decrementAndGet();
        }
    }

    private void preserveOpen(long block) {
        long t0 = System.nanoTime();
        if (STATE.compareAndSet(states, (int) block, NEEDED, CLAIMED)) {
            PreImage p;
            int spins = 0;
            PreImageWaitEvent wait = null;
            while ((p = pool.tryAcquire()) == null) {
                if (control.aborted()) {
                    if (spins > 0) {
                        waitingForBuffers.decrementAndGet();
                    }
                    STATE.setRelease(states, (int) block, DONE);   // releases writers waiting for this block
                    return;
                }
                if (spins++ == 0) {
                    poolWaits.increment();
                    waitingForBuffers.incrementAndGet();
                    wait = io.ckpt.events.Jfr.active() ? new PreImageWaitEvent() : null;
                    if (wait != null) {
                        wait.begin();
                    }
                }
                backOff(spins);
            }
            if (spins > 0) {
                waitingForBuffers.decrementAndGet();
                if (wait != null) {
                    wait.end();
                }
                if (wait != null && wait.shouldCommit()) {
                    wait.fill(block, block << blockShift, pool.maxBuffers());
                    wait.commit();
                }
            }
            long address = block << blockShift;
            int length = layout.blockLength(block);
            p.buffer.put(0, memory.slabFor(address, length), memory.slabOffset(address), length);
            p.block = block;
            STATE.setRelease(states, (int) block, DONE);
            PreImagePool.offer(ready, p);
            handed.incrementAndGet();
            preImages.increment();
        } else {
            claimWaits.increment();
            int spins = 0;
            while ((byte) STATE.getAcquire(states, (int) block) != DONE && !control.aborted()) {
                backOff(++spins);
            }
        }
        stalls.recordValue(System.nanoTime() - t0);
    }

    private static void backOff(int spins) {
        if (spins < 100) {
            Thread.onSpinWait();
        } else if (spins < 200) {
            Thread.yield();
        } else {
            java.util.concurrent.locks.LockSupport.parkNanos(10_000);
        }
    }

    /**
     * Gives the pre-image buffers back (a pool of its own is freed), after the guard is removed,
     * the compressors have stopped, and once no host thread copies into one.
     */
    @Override
    public void close() {
        closed = true;
        while (preserving.get() != 0) {
            Thread.yield();
        }
        pool.detach();
        if (ownsPool) {
            pool.close();
        }
    }
}
