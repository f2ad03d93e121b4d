package io.ckpt.restore;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.ckpt.codec.BlockDecoder;
import io.ckpt.events.Jfr;
import io.ckpt.events.RestoreEvent;
import io.ckpt.format.CheckpointMetadata;
import io.ckpt.format.Encoding;
import io.ckpt.format.IndexEntryDescriptor;
import io.ckpt.io.Threads;
import io.ckpt.memory.BufferZero;
import io.ckpt.memory.GuestMemory;
import io.ckpt.store.CheckpointLocation;
import io.ckpt.store.FileLocation;

/**
 * Eager restore: validates header, trailer, index and table (of every file of an incremental
 * chain), then installs every page block into the arena, decompressing straight from the
 * mapped file into the arena's slabs, on several threads that take storage blocks from a
 * shared counter. From a remote store, {@link RemoteFetcher}'s threads keep
 * {@link RestoreOptions#readConcurrency} ranged GETs (one per storage block) in flight, and these
 * threads decode the storage blocks as they arrive. Each block's CRC32C is checked unless switched off. ZERO blocks cost no read.
 *
 * <p>Thread-safety: {@link #restore} may be called from any thread; nothing else may use the
 * arena until it returns. On failure the arena's content is unspecified.
 */
public final class EagerRestore {
    private EagerRestore() {
    }

    /**
     * Restores {@code file} (and its parents, if incremental) into {@code memory}. Afterwards
     * the arena's dirty tracking is relative to {@code file}, so an incremental save can name
     * it as parent.
     *
     * @param file    the checkpoint; its parents are found by the names it records, next to it
     * @param memory  the arena to fill, of the checkpoint's arena size and a slab size its block size divides
     * @param options threads, verification, and whether the arena is known to be zero
     * @return what was restored: block counts by encoding, storage blocks and bytes read, time taken
     * @throws IllegalArgumentException if the arena's size differs from the checkpoint's.
     * @throws io.ckpt.format.CorruptCheckpointException on damage, naming block and offset.
     * @throws io.ckpt.format.ParentCheckpointException if a parent is missing or mismatched.
     * @throws IOException if a file of the chain cannot be read
     */
    public static RestoreStats restore(Path file, GuestMemory memory, RestoreOptions options) throws IOException {
        return restore(FileLocation.of(file), memory, options);
    }

    /**
     * As {@link #restore(Path, GuestMemory, RestoreOptions)} from a checkpoint in any store.
     *
     * @param file    the checkpoint, in any store; its parents are looked up in the same one
     * @param memory  the arena to fill, of the checkpoint's arena size
     * @param options threads, read concurrency, verification, and whether the arena is known to be zero
     * @return what was restored
     * @throws IOException as {@link #restore(Path, GuestMemory, RestoreOptions)}, and on a store failure
     */
    public static RestoreStats restore(CheckpointLocation file, GuestMemory memory, RestoreOptions options)
        throws IOException {
        RestoreEvent event = Jfr.beginRestore();
        long t0 = System.nanoTime();
        try (ResolvedCheckpoint chain = ResolvedCheckpoint.open(file)) {
            return restore(chain, memory, options, t0, event);
        }
    }

    /**
     * As {@link #restore(Path, GuestMemory, RestoreOptions)} from an opened chain, which stays open.
     *
     * @param chain   the open chain to restore
     * @param memory  the arena to fill, of the checkpoint's arena size
     * @param options threads, read concurrency, verification, and whether the arena is known to be zero
     * @return what was restored
     * @throws IOException as {@link #restore(Path, GuestMemory, RestoreOptions)}
     */
    public static RestoreStats restore(ResolvedCheckpoint chain, GuestMemory memory, RestoreOptions options)
        throws IOException {
        return restore(chain, memory, options, System.nanoTime(), Jfr.beginRestore());
    }

    private static RestoreStats restore(ResolvedCheckpoint chain, GuestMemory memory, RestoreOptions options, long t0,
                                        RestoreEvent event) throws IOException {
        CheckpointMetadata head = chain.head();
        checkFits(head, memory);
        memory.clearGuardForRestore();
        long t1 = System.nanoTime();
        int[] items = workItems(chain);
        int threads = Math.max(1, Math.min(options.threads(), Math.max(1, items.length / 2)));
        Shared shared = new Shared(items);
        // A remote store: fetcher threads keep readConcurrency GETs in flight, these threads decode.
        shared.fetcher = chain.allMapped() ? null : new RemoteFetcher(chain, items, options.readConcurrency(), threads);
        Worker[] workers = new Worker[threads];
        Thread[] running = new Thread[threads - 1];
        for (int i = 0; i < threads; i++) {
            workers[i] = new Worker(chain, memory, options, shared);
        }
        for (int i = 1; i < threads; i++) {
            running[i - 1] = new Thread(workers[i], "ckpt-restore-" + i);
            running[i - 1].setDaemon(true);
            running[i - 1].start();
        }
        try {
            workers[0].run();
            Threads.joinAll(running);
        } finally {
            if (shared.fetcher != null) {
                shared.fetcher.close();
            }
        }
        Throwable failure = shared.failure.get();
        if (failure instanceof IOException) {
            throw (IOException) failure;
        } else if (failure instanceof RuntimeException) {
            throw (RuntimeException) failure;
        } else if (failure != null) {
            throw new IOException(failure);
        }
        memory.tracking().reset(head.fileUuid());
        long t2 = System.nanoTime();
        long zero = 0, raw = 0, lz4 = 0;
        for (Worker w : workers) {
            zero += w.zero;
            raw += w.raw;
            lz4 += w.lz4;
        }
        int storageBlocks = items.length / 2;
        RestoreStats stats = new RestoreStats(memory.size(), zero, raw, lz4, storageBlocks, shared.bytesRead.get(),
            threads, t1 - t0, t2 - t1, t2 - t0);
        if (event != null && RestoreEvent.endShouldCommit(event)) {
            event.fill(head.path(), stats);
            event.commit();
        }
        return stats;
    }

    /** @return (file, storage block) pairs, flattened, that hold at least one block resolved to that file. */
    static int[] workItems(ResolvedCheckpoint chain) {
        int count = 0;
        for (int f = 0; f < chain.fileCount(); f++) {
            count += chain.file(f).storageBlockCount();
        }
        int[] items = new int[2 * count];
        int n = 0;
        for (int f = 0; f < chain.fileCount(); f++) {
            StorageBlockMap map = chain.map(f);
            for (int sb = 0; sb < chain.file(f).storageBlockCount(); sb++) {
                for (int i = 0; i < map.count(sb); i++) {
                    if (chain.sourceOf(map.block(sb, i)) == f) {
                        items[n++] = f;
                        items[n++] = sb;
                        break;
                    }
                }
            }
        }
        return java.util.Arrays.copyOf(items, n);
    }

    /**
     * Checks that {@code memory} can hold checkpoint {@code meta}: same arena size, block size dividing the slab size.
     *
     * @param meta   the checkpoint's validated metadata
     * @param memory the arena to restore into
     * @throws IllegalArgumentException if the arena size differs from the checkpoint's, or the block size does not divide the slab size.
     */
    public static void checkFits(CheckpointMetadata meta, GuestMemory memory) {
        if (meta.arenaSize() != memory.size()) {
            throw new IllegalArgumentException("checkpoint " + meta.name() + " holds an arena of " + meta.arenaSize()
                + " bytes, guest memory is " + memory.size() + " bytes");
        }
        if (memory.slabSize() % meta.blockBytes() != 0) {
            throw new IllegalArgumentException("checkpoint block size " + meta.blockBytes()
                + " does not divide the arena's slab size " + memory.slabSize());
        }
    }

    private static final class Shared {
        final int[] items;
        final AtomicInteger nextItem = new AtomicInteger();
        final AtomicLong nextZeroStripe = new AtomicLong();
        final AtomicLong bytesRead = new AtomicLong();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        /** Reads the storage blocks of a remote chain ahead; null when every file is mapped. */
        RemoteFetcher fetcher;

        Shared(int[] items) {
            this.items = items;
        }
    }

    private static final class Worker implements Runnable {
        private static final int ZERO_STRIPE = 1024;
        private final ResolvedCheckpoint chain;
        private final GuestMemory memory;
        private final RestoreOptions options;
        private final Shared shared;
        private final StorageBlockDecoder[] decoders;
        /** For files that are not mapped (a remote store): the storage block being decoded, the fetcher's buffer. */
        private java.nio.ByteBuffer buffer;
        private RemoteFetcher.Filled current;
        private final BlockDecoder blockDecoder = new BlockDecoder();
        long zero;
        long raw;
        long lz4;

        Worker(ResolvedCheckpoint chain, GuestMemory memory, RestoreOptions options, Shared shared) {
            this.chain = chain;
            this.memory = memory;
            this.options = options;
            this.shared = shared;
            this.decoders = new StorageBlockDecoder[chain.fileCount()];
            for (int f = 0; f < decoders.length; f++) {
                decoders[f] = chain.mapped(f) == null ? null : new StorageBlockDecoder(chain.mapped(f));
            }
        }

        /**
         * Installs the page blocks storage block {@code sb} of chain file {@code f} holds for this
         * restore; a method per storage block and one per page block, so that the JIT compiles the
         * work even in a process that restores once (a loop is compiled in place only after tens of
         * thousands of iterations). @return the bytes of the storage block.
         */
        private int storageBlock(int f, int sb, int blockBytes) throws java.io.IOException {
            StorageBlockDecoder decoder = decoders[f];
            StorageBlockMap map = chain.map(f);
            ByteBuffer index = chain.index(f);
            if (decoder != null) {
                decoder.check(sb);
            } else {
                buffer = current.buffer();   // read and checked by a fetcher
            }
            for (int i = 0, n = map.count(sb); i < n; i++) {
                int block = map.block(sb, i);
                if (chain.sourceOf(block) == f) {   // else superseded by a newer file of the chain
                    pageBlock(decoder, index, f, sb, block, blockBytes);
                }
            }
            return chain.file(f).storageBlockLength(sb);
        }

        private void pageBlock(StorageBlockDecoder decoder, ByteBuffer index, int f, int sb, int block, int blockBytes)
            throws java.io.IOException {
            long address = (long) block * blockBytes;
            int length = chain.head().blockLength(block);
            if (decoder != null) {
                decoder.decode(sb, block, memory.slabFor(address, length), memory.slabOffset(address),
                    options.verifyChecksums());
            } else {
                int off = IndexEntryDescriptor.payloadOffset(index, block);
                blockDecoder.decode(IndexEntryDescriptor.encoding(index, block), buffer, off,
                    IndexEntryDescriptor.storedLength(index, block), memory.slabFor(address, length),
                    memory.slabOffset(address), length, options.verifyChecksums(),
                    IndexEntryDescriptor.crc(index, block), block, chain.file(f).storageBlockOffset(sb) + off,
                    chain.file(f));
            }
            int e = IndexEntryDescriptor.encodingId(index, block);
            if (e == Encoding.LZ4.id() || e == Encoding.ZSTD.id()) {
                lz4++;
            } else {
                raw++;
            }
        }

        @Override
        public void run() {
            try {
                CheckpointMetadata head = chain.head();
                int blockBytes = head.blockBytes();
                long read = 0;
                int pairs = shared.items.length / 2;
                for (int k = nextItem(pairs); k < pairs && shared.failure.get() == null; k = nextItem(pairs)) {
                    read += storageBlock(shared.items[2 * k], shared.items[2 * k + 1], blockBytes);
                }
                shared.bytesRead.addAndGet(read);
                long blocks = head.blockCount();
                for (long s = shared.nextZeroStripe.getAndAdd(ZERO_STRIPE); s < blocks && shared.failure.get() == null;
                     s = shared.nextZeroStripe.getAndAdd(ZERO_STRIPE)) {
                    long end = Math.min(blocks, s + ZERO_STRIPE);
                    for (long b = s; b < end; b++) {
                        if (chain.sourceOf(b) < 0) {
                            zero++;
                            if (!options.arenaZeroed()) {
                                long address = b * blockBytes;
                                int length = head.blockLength(b);
                                BufferZero.zero(memory.slabFor(address, length), memory.slabOffset(address), length);
                            }
                        }
                    }
                }
            } catch (Throwable t) {
                shared.failure.compareAndSet(null, t);
            } finally {
                if (current != null) {
                    shared.fetcher.release(current);
                    current = null;
                }
            }
        }

        /**
         * @return the next work item: from the shared counter (mapped files), or the next storage
         *         block a fetcher has read (a remote store; the previous one's buffer goes back); {@code pairs} when done.
         */
        private int nextItem(int pairs) throws IOException {
            if (shared.fetcher == null) {
                return shared.nextItem.getAndIncrement();
            }
            if (current != null) {
                shared.fetcher.release(current);
                current = null;
            }
            current = shared.fetcher.take();
            return current == null ? pairs : current.k();
        }
    }
}
