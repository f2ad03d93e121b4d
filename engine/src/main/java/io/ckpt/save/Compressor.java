package io.ckpt.save;

import java.nio.ByteBuffer;

import io.ckpt.codec.BlockEncoder;
import io.ckpt.format.IndexEntryDescriptor;
import io.ckpt.format.LittleEndian;
import io.ckpt.format.StorageBlockDescriptor;
import io.ckpt.memory.GuestMemory;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;

/**
 * A compressor thread of the save pipeline: takes stripes of page blocks, elides zero
 * blocks, encodes the others straight into the staging slot it holds, and commits each full
 * slot as one storage block. It writes the index entries of its blocks except their storage
 * block number, which the I/O thread assigns when it writes the slot.
 *
 * <p>Thread-safety: the single writer of its {@link StagingRing}; runs on its own thread.
 * Counters are read by the save's owner after {@link Thread#join()}.
 */
final class Compressor implements Runnable {
    private final GuestMemory memory;
    private final BlockSource source;
    private final SaveLayout layout;
    private final StagingRing ring;
    private final ByteBuffer slots;
    private final ByteBuffer index;
    /** Set by {@link #plan} before the thread starts (Thread.start orders it). */
    private WorkQueue work;
    private SavePlan plan;
    private RatePacer pacer;
    private final LazySaveState lazy;
    private final ByteBuffer scratch;
    private final SaveControl control;
    private final BlockEncoder encoder;
    private final IdleStrategy idle = new BackoffIdleStrategy();
    private final int[] slotBlocks;
    private final int slotSize;

    private volatile boolean done;
    /** Blocks finished (encoded or elided), for progress; written by this thread only (release). */
    private volatile long blocksDone;
    private int slotIndex = -1;
    private int cursor;
    private int count;

    long zeroBlocks;
    long rawBlocks;
    long lz4Blocks;
    long payloadBytes;
    long stagingWaits;
    long nanos;

    /**
     * @param memory the arena of a lazy checkpoint, whose blocks this compressor copies; else null
     * @param source where the blocks are read when the source is quiet for the whole save (blocks
     *               are then encoded straight from the source's buffers)
     * @param lazy   the copy-before-write state of a lazy checkpoint, or null for a quiet save.
     */
    Compressor(GuestMemory memory, BlockSource source, SaveLayout layout, StagingRing ring, ByteBuffer index,
               LazySaveState lazy, SaveControl control, com.github.luben.zstd.ZstdDictCompress dictionary) {
        this.lazy = lazy;
        this.source = source;
        this.scratch = lazy != null
            ? ByteBuffer.allocateDirect(layout.blockBytes()).order(java.nio.ByteOrder.LITTLE_ENDIAN) : null;
        this.memory = memory;
        this.layout = layout;
        this.ring = ring;
        this.slots = ring.buffer();
        this.index = index;
        this.control = control;
        this.encoder = new BlockEncoder(layout.codec(), layout.lz4Level(), layout.zstdLevel(), dictionary);
        this.slotSize = layout.storageBlockSize();
        // LZ4 shrinks a block at most about 255-fold, which bounds the payloads per slot; zstd
        // shrinks it further, so saveBlock also seals a slot whose map is full.
        int minPayload = Math.max(StorageBlockDescriptor.PAYLOAD_ALIGNMENT, layout.blockBytes() / 256);
        this.slotBlocks = new int[slotSize / (minPayload + StorageBlockDescriptor.MAP_ENTRY_LENGTH) + 1];
    }

    /**
     * Gives this compressor its plan, work queue and pacer (null: as fast as it can); before
     * its thread starts.
     */
    void plan(SavePlan plan, WorkQueue work, RatePacer pacer) {
        this.plan = plan;
        this.work = work;
        this.pacer = pacer;
    }

    @Override
    public void run() {
        long start = System.nanoTime();
        BlockSource.Reader reader = null;
        try {
            reader = lazy == null ? source.reader() : null;
            for (int s = work.nextStripe(); s >= 0 && !control.aborted(); s = work.nextStripe()) {
                if (lazy == null) {
                    quietStripe(s, work.stripeEnd(s), reader);
                } else {
                    lazyStripe(s, work.stripeEnd(s));
                }
            }
            if (lazy != null) {
                while (!control.aborted() && !lazy.allHanded()) {
                    if (!drainPreImages()) {
                        idle.idle();
                    }
                }
                drainPreImages();
            }
            if (slotIndex >= 0) {
                if (control.aborted()) {
                    ring.abort(slotIndex);
                    slotIndex = -1;
                } else {
                    seal();
                }
            }
        } catch (Throwable t) {
            control.fail(t);
        } finally {
            if (reader != null) {
                reader.close();
            }
            if (scratch != null) {
                org.agrona.BufferUtil.free(scratch);
            }
            encoder.close();
            nanos = System.nanoTime() - start;
            done = true;
        }
    }

    /**
     * A quiet save's stripe {@code [from, end)} of the plan, read from the source. The loop
     * body is one call: a loop that runs a few thousand times in all is never compiled on its
     * own (the JIT compiles a loop in place after tens of thousands of iterations), so the work
     * per block lives in {@link #quietBlock}, which is.
     */
    private void quietStripe(int from, int end, BlockSource.Reader reader) throws java.io.IOException {
        int runEnd = from;
        long runEndBlock = 0;
        for (int i = from; i < end; i++) {
            if (i >= runEnd) {
                // Consecutive blocks ahead: a file source reads them in one call.
                runEnd = i + 1;
                while (runEnd < end && plan.block(runEnd) == plan.block(runEnd - 1) + 1) {
                    runEnd++;
                }
                runEndBlock = plan.block(runEnd - 1) + 1L;
            }
            quietBlock(plan.block(i), runEndBlock, reader);
        }
    }

    private void quietBlock(long n, long runEndBlock, BlockSource.Reader reader) throws java.io.IOException {
        int length = layout.blockLength(n);
        pace(length);
        ByteBuffer b = reader.block(n, layout.blockBytes(), length, runEndBlock);
        saveBlock(n, b, reader.offset(), length);
        blocksDone++;
    }

    /** A lazy checkpoint's stripe: each block copied out of the arena unless a host writer preserved it first. */
    private void lazyStripe(int from, int end) {
        for (int i = from; i < end; i++) {
            lazyBlock(plan.block(i));
        }
    }

    private void lazyBlock(long n) {
        int length = layout.blockLength(n);
        drainPreImages();
        // Paces before claiming: a writer may take the block meanwhile, never waits on it.
        boolean booked = lazy.needed(n) && pace(length);
        if (lazy.claim(n)) {
            // Copy, release the block to writers, then compress at leisure.
            long address = n * layout.blockBytes();
            scratch.put(0, memory.slabFor(address, length), memory.slabOffset(address), length);
            lazy.copied(n);
            saveBlock(n, scratch, 0, length);
        } else if (booked) {
            pacer.cancel(length);
        }
        blocksDone++;
    }

    /** Encodes every waiting pre-image. @return true if there was one. */
    private boolean drainPreImages() {
        boolean any = false;
        for (PreImagePool.PreImage p = lazy.pollPreImage(); p != null; p = lazy.pollPreImage()) {
            int length = layout.blockLength(p.block);
            pace(length);
            saveBlock(p.block, p.buffer, 0, length);
            lazy.recycle(p);
            any = true;
        }
        return any;
    }

    /**
     * Under a rate limit, books {@code length} bytes and sleeps until their turn (before the
     * block, so the last one is never followed by a pointless sleep). A host writer waiting for
     * a pre-image buffer cuts the sleep short: the limit spares the host, it must never hold it
     * up. @return true if bytes were booked (there is a limit).
     */
    private boolean pace(int length) {
        if (pacer == null) {
            return false;
        }
        long due = pacer.book(length);
        for (long wait = due - System.nanoTime(); wait > 0 && !control.aborted(); wait = due - System.nanoTime()) {
            if (lazy != null && lazy.writersWaitingForBuffers()) {
                break;
            }
            // Slices of at most 1 ms, so that a waiting writer or a cancel is noticed soon.
            java.util.concurrent.locks.LockSupport.parkNanos(Math.min(wait, 1_000_000));
        }
        return true;
    }

    /** @return true once this compressor has committed its last slot or failed (acquire). */
    boolean done() {
        return done;
    }

    /** @return blocks of the plan this compressor has finished so far (any thread; a progress figure). */
    long blocksDone() {
        return blocksDone;
    }

    private void saveBlock(long n, ByteBuffer slab, int offset, int length) {
        if (encoder.isZero(slab, offset, length)) {
            IndexEntryDescriptor.zero(index, n);
            zeroBlocks++;
            return;
        }
        int reserve = encoder.maxStoredLength(length) + StorageBlockDescriptor.PAYLOAD_ALIGNMENT;
        if (slotIndex >= 0 && (count == slotBlocks.length
            || cursor + reserve + (count + 1) * StorageBlockDescriptor.MAP_ENTRY_LENGTH > slotSize)) {
            seal();
        }
        if (slotIndex < 0) {
            claim();
        }
        int stored = encoder.encode(slab, offset, length, slots, slotIndex + cursor);
        IndexEntryDescriptor.payload(index, n, cursor, stored, encoder.lastCrc(), encoder.lastEncoding());
        if (stored < length) {
            lz4Blocks++;
        } else {
            rawBlocks++;
        }
        payloadBytes += stored;
        slotBlocks[count++] = (int) n;
        int end = cursor + stored;
        cursor = (int) StorageBlockDescriptor.align(end, StorageBlockDescriptor.PAYLOAD_ALIGNMENT);
        // The ring reuses memory: clear alignment padding so files are deterministic.
        for (int i = end; i < cursor; i++) {
            slots.put(slotIndex + i, (byte) 0);
        }
    }

    private void claim() {
        int i;
        while ((i = ring.tryClaim()) < 0) {
            stagingWaits++;
            if (control.aborted()) {
                throw new IllegalStateException("save aborted");
            }
            idle.idle();
        }
        idle.reset();
        slotIndex = i;
        cursor = StorageBlockDescriptor.HEADER_LENGTH;
        count = 0;
    }

    private void seal() {
        int at = slotIndex;
        int mapOffset = cursor;
        for (int i = 0; i < count; i++) {
            LittleEndian.putInt(slots, at + mapOffset + i * StorageBlockDescriptor.MAP_ENTRY_LENGTH, slotBlocks[i]);
        }
        StorageBlockDescriptor.magic(slots, at, StorageBlockDescriptor.MAGIC);
        StorageBlockDescriptor.entryCount(slots, at, count);
        StorageBlockDescriptor.length(slots, at, mapOffset + count * StorageBlockDescriptor.MAP_ENTRY_LENGTH);
        StorageBlockDescriptor.mapOffset(slots, at, mapOffset);
        LittleEndian.putLong(slots, at + StorageBlockDescriptor.RESERVED_OFFSET, 0L);
        ring.commit(at);
        slotIndex = -1;
    }
}
