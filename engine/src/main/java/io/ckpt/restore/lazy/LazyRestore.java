package io.ckpt.restore.lazy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import io.ckpt.codec.BlockDecoder;
import io.ckpt.events.Jfr;
import io.ckpt.events.LazyFaultEvent;
import io.ckpt.events.PrefetchBatchEvent;
import io.ckpt.events.RestoreEvent;
import io.ckpt.format.CheckpointMetadata;
import io.ckpt.format.CorruptCheckpointException;
import io.ckpt.format.Encoding;
import io.ckpt.format.IndexEntryDescriptor;
import io.ckpt.format.LittleEndian;
import io.ckpt.io.MappedCheckpoint;
import io.ckpt.io.Threads;
import io.ckpt.memory.AccessGuard;
import io.ckpt.memory.BufferZero;
import io.ckpt.memory.GuestMemory;
import io.ckpt.restore.EagerRestore;
import io.ckpt.restore.StorageBlockDecoder;
import io.ckpt.restore.ResolvedCheckpoint;
import io.ckpt.restore.StorageBlockMap;
import io.ckpt.store.CheckpointLocation;
import io.ckpt.store.FileLocation;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A lazy restore (the second patent, US 9,053,065): {@link #start} validates the file, maps
 * it and installs an {@link AccessGuard} on the arena, then returns; the host runs at once.
 * The first access to an absent page block faults it in: its storage block is read once from
 * the mapped file into the first free buffer of a fixed pool, the block is decoded into the
 * arena, its CRC32C checked, and it is published present (release). The other blocks of that
 * storage block are installed from the same buffer, by the background thread by default. The
 * background thread also prefetches everything else, serving those hand-offs first. When every
 * block is present the guard is removed; the arena's accessors take their fast path for every
 * block a host thread has touched since it became present (they ask {@code readSettled}), and for
 * the rest after one more slow-path access each.
 *
 * <p>Guarantees: each block is installed exactly once; a host write to a present block is
 * never overwritten; threads touching one absent block cause one read and all wait for it;
 * no reader sees a half-installed block. A block found corrupt is not installed: the
 * touching thread gets a {@link LazyRestoreException}, the stats count it, the prefetcher stops.
 *
 * <p>A checkpoint in a remote store (an object store) has no mapping: a fault reads its whole
 * storage block with one ranged GET into a pool buffer (as {@link ReadMode#POOL}), the
 * neighbours are installed from that buffer (by the background thread unless
 * {@link Neighbours#NONE}), and the prefetcher keeps {@link LazyRestoreOptions#prefetchConcurrency}
 * GETs in flight, the hint's storage blocks first with {@link Prefetch#WORKING_SET}. A read that
 * still fails after the store's retries installs nothing: the accessor throws a
 * {@link LazyRestoreException} whose cause is the store's {@link IOException}, the block stays
 * absent (a later touch tries again), the prefetcher stops and {@link #awaitCompletion} throws it.
 *
 * <p>Thread-safety: {@link #start} while the arena is quiet (the host's pause, ordered
 * happens-before both ways, as for {@link io.ckpt.save.PendingCheckpoint#begin}); then any number of host threads
 * may use the arena; {@link #stats}, {@link #awaitCompletion} and {@link #close} from any thread.
 */
public final class LazyRestore implements AutoCloseable {
    private final String path;
    private final ResolvedCheckpoint chain;
    private final CheckpointMetadata head;
    private final int[] itemBase;
    private final GuestMemory memory;
    private final LazyRestoreOptions options;
    private final BlockStates states;
    private final BufferPool pool;
    private final int blockShift;
    private final long blockCount;
    private final Guard guard = new Guard();
    private final HandoffQueue handoffs = new HandoffQueue(64);
    /** Storage blocks (by item number) whose header and map were checked in the mapping (racy flag: a repeat check is harmless). */
    private final boolean[] checked;
    private static final ThreadLocal<BlockDecoder> DECODERS = ThreadLocal.withInitial(BlockDecoder::new);
    private final AtomicLong present = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Map<Long, CorruptCheckpointException> failures = new ConcurrentHashMap<>();
    private final Recorder faultLatency = new Recorder(3);
    private final Histogram faultTotal = new Histogram(3);
    private final long startNanos;
    private final Prefetch prefetchUsed;
    private final RestoreEvent restoreEvent;
    /** The restore event is committed once: at completion, or at close if the restore never completed. */
    private final AtomicBoolean eventEnded = new AtomicBoolean();
    /** The thread that installed the last block; it commits the restore event once its own work is counted. */
    private volatile Thread completer;

    private final LongAdder faults = new LongAdder();
    private final LongAdder faultWaits = new LongAdder();
    private final LongAdder byFault = new LongAdder();
    private final LongAdder byNeighbour = new LongAdder();
    private final LongAdder byPrefetch = new LongAdder();
    private final LongAdder storageBlocksRead = new LongAdder();
    private final LongAdder bytesRead = new LongAdder();
    private final long presetZero;

    private volatile boolean closed;
    private volatile boolean backgroundRunning;
    private volatile long completeNanos = -1;
    private volatile IOException prefetchFailure;
    /** Per storage block item: true if its file has no mapping (a remote store): read into a buffer. */
    private final boolean[] remote;
    private final boolean anyRemote;
    /** Pool slots filled by a fault and handed to the background thread for their neighbours. */
    private final HandoffQueue bufferHandoffs = new HandoffQueue(64);
    /** Per pool slot, the storage block item its buffer holds while handed off. */
    private final int[] slotItem;
    private final AtomicInteger prefetchCursor = new AtomicInteger();
    /** Storage block items in prefetch order, computed before the prefetching threads start. */
    private int[] order;
    private Thread[] prefetchers = new Thread[0];
    private long resumeNanos;
    private Thread background;

    private LazyRestore(String path, ResolvedCheckpoint chain, GuestMemory memory, LazyRestoreOptions options,
                        long startNanos, RestoreEvent event) {
        this.path = path;
        this.restoreEvent = event;
        this.chain = chain;
        this.head = chain.head();
        this.memory = memory;
        this.options = options;
        this.blockCount = head.blockCount();
        this.blockShift = Integer.numberOfTrailingZeros(head.blockBytes());
        this.states = new BlockStates(blockCount);
        int maxStorageBlock = 0;
        this.itemBase = new int[chain.fileCount() + 1];
        for (int f = 0; f < chain.fileCount(); f++) {
            itemBase[f + 1] = itemBase[f] + chain.file(f).storageBlockCount();
            maxStorageBlock = Math.max(maxStorageBlock, chain.file(f).storageBlockSize());
        }
        this.checked = new boolean[itemBase[chain.fileCount()]];
        this.remote = new boolean[itemBase[chain.fileCount()]];
        boolean anyRemote = false;
        for (int f = 0; f < chain.fileCount(); f++) {
            if (chain.mapped(f) == null) {
                java.util.Arrays.fill(remote, itemBase[f], itemBase[f + 1], true);
                anyRemote = true;
            }
        }
        this.anyRemote = anyRemote;
        // A remote store's faults each hold a buffer for a GET's duration, and hand it to the
        // background thread for the neighbours: more slots, allocated as first needed.
        this.pool = anyRemote ? BufferPool.lazy(Math.max(options.poolBuffers(), 32), maxStorageBlock)
            : new BufferPool(options.readMode() == ReadMode.POOL ? options.poolBuffers() : 0, maxStorageBlock);
        this.slotItem = new int[pool.size()];
        this.startNanos = startNanos;
        long preset = 0;
        if (options.arenaZeroed()) {
            for (long b = 0; b < blockCount; b++) {
                if (chain.sourceOf(b) < 0) {
                    states.presetPresent(b);
                    preset++;
                }
            }
        }
        this.presetZero = preset;
        this.present.set(preset);
        this.prefetchUsed = options.prefetch() == Prefetch.WORKING_SET && head.hint().capacity() == 0
            ? Prefetch.SEQUENTIAL : options.prefetch();
    }

    /**
     * Starts a lazy restore of {@code file} into {@code memory} and returns as soon as the
     * header, trailer and index are validated and the file is mapped.
     *
     * @param file    the checkpoint; its parents are found by the names it records, next to it
     * @param memory  the arena to restore into, of the checkpoint's arena size; the host may use it as soon as this
     *                returns
     * @param options prefetch and neighbour policies, buffers, verification, read mode
     * @return the restore in progress; close it when done with it
     * @throws IllegalArgumentException if the arena's size differs from the checkpoint's.
     * @throws IllegalStateException    if the arena already has a guard (another lazy operation).
     * @throws io.ckpt.format.CheckpointException if the file's metadata is damaged.
     * @throws IOException if a file of the chain cannot be read, is damaged, or a parent is missing
     */
    public static LazyRestore start(Path file, GuestMemory memory, LazyRestoreOptions options) throws IOException {
        return start(FileLocation.of(file), memory, options);
    }

    /**
     * As {@link #start(Path, GuestMemory, LazyRestoreOptions)} from a checkpoint in any store:
     * from a remote one the metadata takes one or two requests, and every fault one ranged GET.
     *
     * @param file    the checkpoint, in any store; its parents are looked up in the same one
     * @param memory  the arena to restore into, of the checkpoint's arena size; the host may use it as soon as this
     *                returns
     * @param options prefetch and neighbour policies, buffers, verification, read mode, prefetch concurrency
     * @return the restore in progress; close it when done with it
     * @throws IOException as {@link #start(Path, GuestMemory, LazyRestoreOptions)}, and on a store failure
     */
    public static LazyRestore start(CheckpointLocation file, GuestMemory memory, LazyRestoreOptions options)
        throws IOException {
        RestoreEvent event = Jfr.beginRestore();
        long t0 = System.nanoTime();
        ResolvedCheckpoint chain = ResolvedCheckpoint.open(file);
        LazyRestore r;
        try {
            EagerRestore.checkFits(chain.head(), memory);
            memory.clearGuardForRestore();
            r = new LazyRestore(file.toString(), chain, memory, options, t0, event);
            if (r.present.get() == r.blockCount) {
                memory.tracking().reset(chain.head().fileUuid());
                r.complete();
            } else {
                // The guard first: a refused restore must leave the arena's dirty tracking as it was.
                memory.installGuard(r.guard);
                memory.tracking().reset(chain.head().fileUuid());
                if (options.prefetch() != Prefetch.NONE || options.neighbours() == Neighbours.BACKGROUND) {
                    r.backgroundRunning = true;
                    r.order = r.prefetchOrder();
                    r.background = new Thread(r::backgroundLoop, "ckpt-lazy-restore");
                    r.background.setDaemon(true);
                    r.background.start();
                    if (r.anyRemote && options.prefetch() != Prefetch.NONE) {
                        r.startPrefetchers(options.prefetchConcurrency() - 1);
                    }
                }
            }
        } catch (RuntimeException | Error e) {
            chain.close();
            throw e;
        }
        r.resumeNanos = System.nanoTime() - t0;
        if (r.completer == Thread.currentThread()) {
            r.endEvent();
        }
        return r;
    }

    /** @return true once every page block is present. */
    public boolean isComplete() {
        return completeNanos >= 0;
    }

    /**
     * Waits until every block is present.
     *
     * @throws CorruptCheckpointException if a block was found corrupt (the restore cannot complete).
     * @throws IllegalStateException      if the restore was closed before completing.
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public void awaitCompletion() throws IOException, InterruptedException {
        finished.await();
        checkFinished();
    }

    /**
     * As {@link #awaitCompletion()} with a timeout.
     *
     * @param timeout how long to wait at most, in {@code unit}s
     * @param unit    the unit of {@code timeout}
     * @return true if every block is present, false if it timed out
     * @throws IOException          if a block could not be installed (a {@link CorruptCheckpointException}
     *                              for damage), so the restore cannot complete
     * @throws IllegalStateException if the restore was closed before completing
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public boolean awaitCompletion(long timeout, TimeUnit unit) throws IOException, InterruptedException {
        if (!finished.await(timeout, unit)) {
            return false;
        }
        checkFinished();
        return true;
    }

    private void checkFinished() throws IOException {
        if (isComplete()) {
            return;
        }
        if (!failures.isEmpty()) {
            throw failures.values().iterator().next();
        }
        if (prefetchFailure != null) {
            throw prefetchFailure;
        }
        throw new IllegalStateException("lazy restore of " + path + " was closed before it completed");
    }

    /** @return a snapshot of the counters. */
    public LazyRestoreStats stats() {
        Histogram h;
        synchronized (faultTotal) {
            faultTotal.add(faultLatency.getIntervalHistogram());
            h = faultTotal.copy();
        }
        return new LazyRestoreStats(resumeNanos, completeNanos, faults.sum(), faultWaits.sum(),
            h.getValueAtPercentile(50), h.getValueAtPercentile(99), h.getMaxValue(),
            byFault.sum(), byNeighbour.sum(), byPrefetch.sum(), presetZero, storageBlocksRead.sum(), bytesRead.sum(),
            failures.size(), prefetchUsed);
    }

    /**
     * Stops the background thread, waits for in-flight installs, releases buffers and the
     * mapping. Blocks already present stay usable; touching an absent one afterwards throws
     * {@link IllegalStateException}. Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Thread[] threads = new Thread[prefetchers.length + 1];
        threads[0] = background;
        System.arraycopy(prefetchers, 0, threads, 1, prefetchers.length);
        for (Thread t : threads) {
            if (t != null) {
                LockSupport.unpark(t);
            }
        }
        Threads.joinAll(threads);
        // Buffers a fault handed off that the background thread did not get to.
        for (int slot = bufferHandoffs.poll(); slot >= 0; slot = bufferHandoffs.poll()) {
            pool.release(slot);
        }
        while (inFlight.get() != 0) {
            Thread.yield();
        }
        pool.close();
        chain.close();
        finished.countDown();
        endEvent();
    }

    /**
     * Commits the restore's JFR event once, when it is recorded: by whoever completed the restore
     * (after counting its own work), or by {@link #close} if it never completed.
     */
    private void endEvent() {
        if (eventEnded.compareAndSet(false, true)) {
            if (restoreEvent != null && RestoreEvent.endShouldCommit(restoreEvent)) {
                restoreEvent.fill(path, memory.size(), stats());
                restoreEvent.commit();
            }
        }
    }

    // ---------------------------------------------------------------- faults (host threads)

    private final class Guard extends AccessGuard {
        @Override
        public void beforeRead(long address, long length) {
            ensurePresent(address, length);
        }

        @Override
        public void beforeWrite(long address, long length) {
            ensurePresent(address, length);
        }

        /** A present block stays present: its reads and writes may go back to the arena's fast path. */
        @Override
        protected boolean readSettled(long address, long length) {
            long last = (address + length - 1) >>> blockShift;
            for (long b = address >>> blockShift; b <= last; b++) {
                if (states.getAcquire(b) != BlockStates.PRESENT) {
                    return false;
                }
            }
            return true;
        }

        @Override
        protected boolean writeSettled(long address, long length) {
            return readSettled(address, length);
        }

        @Override
        public boolean replaceableByRestore() {
            return closed;
        }

        @Override
        public String toString() {
            return closed ? "an unfinished lazy restore of " + path + " (closed early: absent blocks refuse access)"
                : "lazy restore of " + path;
        }
    }

    private void ensurePresent(long address, long length) {
        long last = (address + length - 1) >>> blockShift;
        for (long b = address >>> blockShift; b <= last; b++) {
            if (states.getAcquire(b) != BlockStates.PRESENT) {
                fault(b);
            }
        }
    }

    /**
     * Host thread whose access found {@code block} not present: installs it, or waits for whoever
     * does. Package-private for a test of its race with {@link #close}.
     */
    void fault(long block) {
        inFlight.incrementAndGet();
        try {
            // The block may have become present since the caller looked, and the restore have
            // completed and been closed meanwhile: that access goes ahead (the guard toggle soak
            // met it: a write refused after awaitCompletion returned). Only an absent block of a
            // closed restore is refused.
            if (closed) {
                if (states.getAcquire(block) == BlockStates.PRESENT) {
                    return;
                }
                throw new IllegalStateException("lazy restore of " + path + " was closed before page block "
                    + block + " was installed");
            }
            LazyFaultEvent event = Jfr.active() ? new LazyFaultEvent() : null;
            if (event != null) {
                event.begin();
            }
            long t0 = System.nanoTime();
            boolean waited = false;
            boolean claimed = false;
            int spins = 0;
            while (true) {
                byte s = states.getAcquire(block);
                if (s == BlockStates.PRESENT) {
                    break;
                }
                if (s == BlockStates.FAILED) {
                    throw new LazyRestoreException(block, failures.get(block));
                }
                if (s == BlockStates.ABSENT && states.claim(block)) {
                    claimed = true;
                    installOnFault(block);
                    faults.increment();
                    break;
                }
                waited = true;
                spins = backOff(spins);
            }
            if (waited) {
                faultWaits.increment();
            }
            faultLatency.recordValue(System.nanoTime() - t0);
            if (event != null) {
                event.end();
            }
            if (event != null && event.shouldCommit()) {
                event.fill(block, block << blockShift, !claimed ? LazyFaultEvent.WAITED
                    : chain.sourceOf(block) < 0 ? LazyFaultEvent.ZERO_FILLED : LazyFaultEvent.DECODED);
                event.commit();
            }
            if (claimed && completer == Thread.currentThread()) {
                endEvent();   // after this fault is counted
            }
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private static int backOff(int spins) {
        if (spins < 100) {
            Thread.onSpinWait();
        } else if (spins < 200) {
            Thread.yield();
        } else {
            LockSupport.parkNanos(10_000);
        }
        return spins + 1;
    }

    /** Installs claimed {@code block} on the faulting thread, then deals with its neighbours. */
    private void installOnFault(long block) {
        int f = chain.sourceOf(block);
        if (f < 0) {
            zeroFill(block);
            publish(block, byFault);
            return;
        }
        int sb = IndexEntryDescriptor.storageBlock(chain.index(f), block);
        if (remote[itemBase[f] + sb]) {
            installFromStore(block, f, sb);
            return;
        }
        if (options.readMode() == ReadMode.POOL) {
            installFromPool(block, f, sb);
        } else {
            BlockDecoder decoder = DECODERS.get();
            MappedCheckpoint mapped = chain.mapped(f);
            try {
                checkMapped(f, sb);
                decode(mapped.window(sb), mapped.offsetInWindow(sb), decoder, f, sb, block);
            } catch (CorruptCheckpointException e) {
                fail(block, e);
                throw new LazyRestoreException(block, e);
            }
            publish(block, byFault);
            if (options.neighbours() == Neighbours.SAME_THREAD) {
                installAbsent(mapped.window(sb), mapped.offsetInWindow(sb), decoder, f, sb, byNeighbour);
            }
        }
        if (options.neighbours() == Neighbours.BACKGROUND && backgroundRunning && handoffs.offer(itemBase[f] + sb)) {
            LockSupport.unpark(background);
        }
    }

    /** A pool buffer for this thread, backing off while every one is in use. */
    private int acquireSlot() {
        int slot;
        int spins = 0;
        while ((slot = pool.tryAcquire()) < 0) {
            spins = backOff(spins);
        }
        return slot;
    }

    private void installFromPool(long block, int f, int sb) {
        int slot = acquireSlot();
        try {
            ByteBuffer buffer = pool.buffer(slot);
            try {
                copyStorageBlock(f, sb, buffer);
                decode(buffer, 0, pool.decoder(slot), f, sb, block);
            } catch (CorruptCheckpointException e) {
                fail(block, e);
                throw new LazyRestoreException(block, e);
            }
            publish(block, byFault);
            if (options.neighbours() == Neighbours.SAME_THREAD) {
                installAbsent(buffer, 0, pool.decoder(slot), f, sb, byNeighbour);
            }
        } finally {
            pool.release(slot);
        }
    }

    /**
     * A fault on a remote store: one ranged GET of the storage block into a pool buffer, the
     * block decoded and published, then the buffer handed to the background thread for the
     * neighbours (or they are installed here, or not at all, as the options say).
     */
    private void installFromStore(long block, int f, int sb) {
        int slot = acquireSlot();
        boolean handedOff = false;
        try {
            ByteBuffer buffer = pool.buffer(slot);
            try {
                readStorageBlock(f, sb, buffer);
                decode(buffer, 0, pool.decoder(slot), f, sb, block);
            } catch (CorruptCheckpointException e) {
                fail(block, e);
                throw new LazyRestoreException(block, e);
            } catch (IOException e) {
                // Nothing installed: the block is absent again, and a later touch tries again.
                states.publish(block, BlockStates.ABSENT);
                stopPrefetch(e);
                throw new LazyRestoreException(block, e);
            }
            publish(block, byFault);
            if (options.neighbours() == Neighbours.SAME_THREAD
                || options.neighbours() == Neighbours.BACKGROUND && !backgroundRunning) {
                installAbsent(buffer, 0, pool.decoder(slot), f, sb, byNeighbour);
            } else if (options.neighbours() == Neighbours.BACKGROUND && anyAbsent(itemBase[f] + sb)) {
                slotItem[slot] = itemBase[f] + sb;
                if (bufferHandoffs.offer(slot)) {
                    handedOff = true;
                    LockSupport.unpark(background);
                } else {
                    installAbsent(buffer, 0, pool.decoder(slot), f, sb, byNeighbour);
                }
            }
        } finally {
            if (!handedOff) {
                pool.release(slot);
            }
        }
    }

    /** The single read of a storage block of a remote store (one ranged GET), checked. */
    private void readStorageBlock(int f, int sb, ByteBuffer buffer) throws IOException {
        chain.readStorageBlock(f, sb, buffer);
        storageBlocksRead.increment();
        bytesRead.add(chain.file(f).storageBlockLength(sb));
    }

    // ---------------------------------------------------------------- installing

    /** Checks storage block {@code sb} of file {@code f}: header and map, in the mapping, once per restore. */
    private void checkMapped(int f, int sb) throws CorruptCheckpointException {
        int item = itemBase[f] + sb;
        if (!checked[item]) {
            MappedCheckpoint mapped = chain.mapped(f);
            StorageBlockDecoder.checkStorageBlock(mapped.window(sb), mapped.offsetInWindow(sb), chain.file(f),
                chain.index(f), sb);
            checked[item] = true;   // benign race: a second check finds the same
            storageBlocksRead.increment();
            bytesRead.add(chain.file(f).storageBlockLength(sb));
        }
    }

    /** The storage block's single read: one bulk copy out of the mapping into a pool buffer. */
    private void copyStorageBlock(int f, int sb, ByteBuffer buffer) throws CorruptCheckpointException {
        CheckpointMetadata meta = chain.file(f);
        MappedCheckpoint mapped = chain.mapped(f);
        int length = meta.storageBlockLength(sb);
        buffer.put(0, mapped.window(sb), mapped.offsetInWindow(sb), length);
        storageBlocksRead.increment();
        bytesRead.add(length);
        StorageBlockDecoder.checkStorageBlock(buffer, 0, meta, chain.index(f), sb);
    }

    private void decode(ByteBuffer src, int base, BlockDecoder d, int f, int sb, long block)
        throws CorruptCheckpointException {
        ByteBuffer index = chain.index(f);
        long address = block << blockShift;
        int length = head.blockLength(block);
        int off = IndexEntryDescriptor.payloadOffset(index, block);
        d.decode(IndexEntryDescriptor.encoding(index, block), src, base + off,
            IndexEntryDescriptor.storedLength(index, block), memory.slabFor(address, length), memory.slabOffset(address),
            length, options.verifyChecksums(), IndexEntryDescriptor.crc(index, block), block,
            chain.file(f).storageBlockOffset(sb) + off, chain.file(f));
    }

    /** Installs every still-absent block of storage block {@code sb} of file {@code f}, held in {@code src} from {@code base}. */
    private int installAbsent(ByteBuffer src, int base, BlockDecoder decoder, int f, int sb, LongAdder counter) {
        StorageBlockMap map = chain.map(f);
        int installed = 0;
        for (int i = 0, n = map.count(sb); i < n; i++) {
            int block = map.block(sb, i);
            if (chain.sourceOf(block) == f && states.getAcquire(block) == BlockStates.ABSENT && states.claim(block)) {
                try {
                    decode(src, base, decoder, f, sb, block);
                    publish(block, counter);
                    installed++;
                } catch (CorruptCheckpointException e) {
                    fail(block, e);
                }
            }
        }
        return installed;
    }

    /**
     * Background thread: reads storage block item {@code item} as the read mode says and installs
     * its absent blocks, one prefetch batch.
     */
    private void installItem(int item, ByteBuffer own, BlockDecoder decoder, LongAdder counter)
        throws IOException {
        PrefetchBatchEvent event = Jfr.active() ? new PrefetchBatchEvent() : null;
        if (event != null) {
            event.begin();
        }
        int f = fileOf(item);
        int sb = item - itemBase[f];
        int installed;
        if (remote[item]) {
            readStorageBlock(f, sb, own);
            installed = installAbsent(own, 0, decoder, f, sb, counter);
        } else if (options.readMode() == ReadMode.POOL) {
            copyStorageBlock(f, sb, own);
            installed = installAbsent(own, 0, decoder, f, sb, counter);
        } else {
            checkMapped(f, sb);
            MappedCheckpoint mapped = chain.mapped(f);
            installed = installAbsent(mapped.window(sb), mapped.offsetInWindow(sb), decoder, f, sb, counter);
        }
        if (event != null) {
            event.end();
        }
        if (event != null && event.shouldCommit()) {
            event.fill(counter == byNeighbour ? PrefetchBatchEvent.NEIGHBOURS : PrefetchBatchEvent.PREFETCH, f, sb,
                installed, chain.file(f).storageBlockLength(sb));
            event.commit();
        }
    }

    private int fileOf(int item) {
        int f = 0;
        while (item >= itemBase[f + 1]) {
            f++;
        }
        return f;
    }

    private void zeroFill(long block) {
        if (!options.arenaZeroed()) {
            long address = block << blockShift;
            int length = head.blockLength(block);
            BufferZero.zero(memory.slabFor(address, length), memory.slabOffset(address), length);
        }
    }

    private void publish(long block, LongAdder counter) {
        states.publish(block, BlockStates.PRESENT);
        counter.increment();
        if (present.incrementAndGet() == blockCount) {
            complete();
        }
    }

    private void fail(long block, CorruptCheckpointException e) {
        failures.putIfAbsent(block, e);
        states.publish(block, BlockStates.FAILED);
        stopPrefetch(e);
    }

    private void complete() {
        completer = Thread.currentThread();
        completeNanos = System.nanoTime() - startNanos;
        memory.removeGuard(guard);
        finished.countDown();
        Thread t = background;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    // ---------------------------------------------------------------- background thread

    private void backgroundLoop() {
        ByteBuffer own = options.readMode() == ReadMode.POOL || anyRemote
            ? ByteBuffer.allocateDirect(pool.bufferSize()).order(java.nio.ByteOrder.LITTLE_ENDIAN) : null;
        BlockDecoder decoder = new BlockDecoder();
        try {
            long zeroCursor = 0;
            long prefetched = 0;
            long t0 = System.nanoTime();
            while (!closed && !isComplete()) {
                int slot = bufferHandoffs.poll();
                if (slot >= 0) {
                    // A fault's buffer, already read: its neighbours cost no second GET.
                    try {
                        int item = slotItem[slot];
                        int f = fileOf(item);
                        installAbsent(pool.buffer(slot), 0, pool.decoder(slot), f, item - itemBase[f], byNeighbour);
                    } finally {
                        pool.release(slot);
                    }
                    continue;
                }
                int handoff = handoffs.poll();
                if (handoff >= 0) {
                    if (anyAbsent(handoff)) {
                        try {
                            installItem(handoff, own, decoder, byNeighbour);
                        } catch (IOException e) {
                            stopPrefetch(e);
                        }
                    }
                    continue;
                }
                boolean prefetching = prefetchFailure == null && prefetchUsed != Prefetch.NONE;
                int cursor = prefetching && prefetchCursor.get() < order.length ? prefetchCursor.getAndIncrement()
                    : order.length;
                if (prefetching && cursor < order.length) {
                    int item = order[cursor];
                    if (anyAbsent(item)) {
                        try {
                            installItem(item, own, decoder, byPrefetch);
                            int f = fileOf(item);
                            prefetched += chain.file(f).storageBlockLength(item - itemBase[f]);
                        } catch (IOException e) {
                            stopPrefetch(e);
                        }
                        rateLimit(prefetched, t0);
                    }
                } else if (prefetching && zeroCursor < blockCount) {
                    PrefetchBatchEvent event = Jfr.active() ? new PrefetchBatchEvent() : null;
                    if (event != null) {
                        event.begin();
                    }
                    long end = Math.min(blockCount, zeroCursor + 1024);
                    int zeroed = 0;
                    for (long b = zeroCursor; b < end; b++) {
                        if (chain.sourceOf(b) < 0 && states.claim(b)) {
                            zeroFill(b);
                            publish(b, byPrefetch);
                            zeroed++;
                        }
                    }
                    zeroCursor = end;
                    if (event != null) {
                        event.end();
                    }
                    if (event != null && event.shouldCommit() && zeroed > 0) {
                        event.fill(PrefetchBatchEvent.ZERO, -1, -1, zeroed, 0);
                        event.commit();
                    }
                } else {
                    LockSupport.parkNanos(1_000_000);
                }
            }
        } finally {
            backgroundRunning = false;
            if (completer == Thread.currentThread()) {
                endEvent();
            }
            if (own != null) {
                org.agrona.BufferUtil.free(own);
            }
        }
    }

    /**
     * Extra prefetch threads for a remote store, each with a GET in flight: they take storage
     * blocks from the same order as the background thread (which also serves hand-offs and ZERO
     * blocks) and end when it is used up, the restore completes or fails, or it is closed.
     */
    private void startPrefetchers(int n) {
        if (n <= 0 || prefetchUsed == Prefetch.NONE) {
            return;
        }
        Thread[] ts = new Thread[n];
        for (int i = 0; i < n; i++) {
            ts[i] = new Thread(this::prefetchLoop, "ckpt-lazy-prefetch-" + (i + 1));
            ts[i].setDaemon(true);
        }
        prefetchers = ts;
        for (Thread t : ts) {
            t.start();
        }
    }

    private void prefetchLoop() {
        ByteBuffer own = ByteBuffer.allocateDirect(pool.bufferSize()).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        BlockDecoder decoder = new BlockDecoder();
        try {
            long prefetched = 0;
            long t0 = System.nanoTime();
            while (!closed && !isComplete() && prefetchFailure == null) {
                int cursor = prefetchCursor.getAndIncrement();
                if (cursor >= order.length) {
                    return;
                }
                int item = order[cursor];
                if (anyAbsent(item)) {
                    try {
                        installItem(item, own, decoder, byPrefetch);
                        int f = fileOf(item);
                        prefetched += chain.file(f).storageBlockLength(item - itemBase[f]);
                    } catch (IOException e) {
                        stopPrefetch(e);
                    }
                    rateLimit(prefetched * prefetchers.length, t0);
                }
            }
        } finally {
            org.agrona.BufferUtil.free(own);
        }
    }

    /** A storage block the background thread read is damaged or unreadable: its absent blocks stay absent (a touch reports it). */
    private void stopPrefetch(IOException e) {
        if (prefetchFailure == null) {
            prefetchFailure = e;
        }
        finished.countDown();
    }

    private boolean anyAbsent(int item) {
        int f = fileOf(item);
        int sb = item - itemBase[f];
        StorageBlockMap map = chain.map(f);
        for (int i = 0, n = map.count(sb); i < n; i++) {
            int block = map.block(sb, i);
            if (chain.sourceOf(block) == f && states.getAcquire(block) == BlockStates.ABSENT) {
                return true;
            }
        }
        return false;
    }

    /** Sleeps as needed to keep the prefetcher under its byte rate, waking early for hand-offs. */
    private void rateLimit(long bytes, long t0) {
        long rate = options.prefetchBytesPerSecond();
        if (rate > 0) {
            long wait = t0 + (long) (bytes * 1e9 / rate) - System.nanoTime();
            if (wait > 0 && handoffs.isEmpty()) {
                LockSupport.parkNanos(Math.min(wait, 10_000_000));
            }
        }
    }

    /** Storage block items in prefetch order: the hinted blocks' storage blocks first, then file order, newest file first. */
    private int[] prefetchOrder() {
        int items = itemBase[chain.fileCount()];
        int[] order = new int[items];
        boolean[] taken = new boolean[items];
        int n = 0;
        if (prefetchUsed == Prefetch.WORKING_SET) {
            ByteBuffer hint = head.hint();
            for (int i = 0; i + 4 <= hint.capacity(); i += 4) {
                long block = Integer.toUnsignedLong(LittleEndian.getInt(hint, i));
                int f = block < blockCount ? chain.sourceOf(block) : -1;
                if (f >= 0) {
                    int item = itemBase[f] + IndexEntryDescriptor.storageBlock(chain.index(f), block);
                    if (!taken[item]) {
                        taken[item] = true;
                        order[n++] = item;
                    }
                }
            }
        }
        for (int item = 0; item < items; item++) {
            if (!taken[item]) {
                order[n++] = item;
            }
        }
        return order;
    }
}
