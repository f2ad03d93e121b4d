package io.ckpt.restore;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.ckpt.format.CheckpointMetadata;
import io.ckpt.format.Encoding;
import io.ckpt.format.IndexEntryDescriptor;
import io.ckpt.io.MappedCheckpoint;
import io.ckpt.memory.BufferZero;
import io.ckpt.memory.GuestMemory;

/**
 * Eager restore: validates header, trailer, index and table, then installs every page block
 * into the arena, decompressing straight from the mapped file into the arena's slabs, on
 * several threads that take storage blocks from a shared counter. Each block's CRC32C is
 * checked unless switched off. ZERO blocks cost no read.
 *
 * <p>Thread-safety: {@link #restore} may be called from any thread; nothing else may use the
 * arena until it returns. On failure the arena's content is unspecified.
 */
public final class EagerRestore {
    private EagerRestore() {
    }

    /**
     * Restores {@code file} into {@code memory}.
     *
     * @throws IllegalArgumentException if the arena's size differs from the checkpoint's.
     * @throws io.ckpt.format.CorruptCheckpointException on damage, naming block and offset.
     */
    public static RestoreStats restore(Path file, GuestMemory memory, RestoreOptions options) throws IOException {
        long t0 = System.nanoTime();
        CheckpointMetadata meta = CheckpointMetadata.read(file);
        checkFits(meta, memory);
        try (MappedCheckpoint mapped = MappedCheckpoint.open(meta)) {
            long t1 = System.nanoTime();
            StorageBlockMap map = StorageBlockMap.of(meta);
            int threads = Math.max(1, Math.min(options.threads(), Math.max(1, meta.storageBlockCount())));
            Shared shared = new Shared();
            Worker[] workers = new Worker[threads];
            Thread[] running = new Thread[threads - 1];
            for (int i = 0; i < threads; i++) {
                workers[i] = new Worker(mapped, map, memory, options, shared);
            }
            for (int i = 1; i < threads; i++) {
                running[i - 1] = new Thread(workers[i], "ckpt-restore-" + i);
                running[i - 1].setDaemon(true);
                running[i - 1].start();
            }
            workers[0].run();
            boolean interrupted = false;
            for (Thread t : running) {
                while (true) {
                    try {
                        t.join();
                        break;
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            Throwable failure = shared.failure.get();
            if (failure instanceof IOException) {
                throw (IOException) failure;
            } else if (failure instanceof RuntimeException) {
                throw (RuntimeException) failure;
            } else if (failure != null) {
                throw new IOException(failure);
            }
            long t2 = System.nanoTime();
            long zero = 0, raw = 0, lz4 = 0;
            for (Worker w : workers) {
                zero += w.zero;
                raw += w.raw;
                lz4 += w.lz4;
            }
            return new RestoreStats(memory.size(), zero, raw, lz4, meta.storageBlockCount(), shared.bytesRead.get(),
                threads, t1 - t0, t2 - t1, t2 - t0);
        }
    }

    /** @throws IllegalArgumentException if the arena and the checkpoint disagree in size. */
    public static void checkFits(CheckpointMetadata meta, GuestMemory memory) {
        if (meta.arenaSize() != memory.size()) {
            throw new IllegalArgumentException("checkpoint " + meta.path() + " holds an arena of " + meta.arenaSize()
                + " bytes, guest memory is " + memory.size() + " bytes");
        }
        if (memory.slabSize() % meta.blockBytes() != 0) {
            throw new IllegalArgumentException("checkpoint block size " + meta.blockBytes()
                + " does not divide the arena's slab size " + memory.slabSize());
        }
    }

    private static final class Shared {
        final AtomicInteger nextStorageBlock = new AtomicInteger();
        final AtomicLong nextZeroStripe = new AtomicLong();
        final AtomicLong bytesRead = new AtomicLong();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
    }

    private static final class Worker implements Runnable {
        private static final int ZERO_STRIPE = 1024;
        private final MappedCheckpoint mapped;
        private final CheckpointMetadata meta;
        private final StorageBlockMap map;
        private final GuestMemory memory;
        private final RestoreOptions options;
        private final Shared shared;
        private final StorageBlockDecoder decoder;
        private final ByteBuffer index;
        long zero;
        long raw;
        long lz4;

        Worker(MappedCheckpoint mapped, StorageBlockMap map, GuestMemory memory, RestoreOptions options, Shared shared) {
            this.mapped = mapped;
            this.meta = mapped.metadata();
            this.map = map;
            this.memory = memory;
            this.options = options;
            this.shared = shared;
            this.decoder = new StorageBlockDecoder(mapped);
            this.index = meta.index();
        }

        @Override
        public void run() {
            try {
                int sbCount = meta.storageBlockCount();
                int blockBytes = meta.blockBytes();
                long read = 0;
                for (int sb = shared.nextStorageBlock.getAndIncrement(); sb < sbCount && shared.failure.get() == null;
                     sb = shared.nextStorageBlock.getAndIncrement()) {
                    decoder.check(sb);
                    read += meta.storageBlockLength(sb);
                    for (int i = 0, n = map.count(sb); i < n; i++) {
                        int block = map.block(sb, i);
                        long address = (long) block * blockBytes;
                        int length = meta.blockLength(block);
                        decoder.decode(sb, block, memory.slabFor(address, length), memory.slabOffset(address),
                            options.verifyChecksums());
                        if (IndexEntryDescriptor.encodingId(index, block) == Encoding.LZ4.id()) {
                            lz4++;
                        } else {
                            raw++;
                        }
                    }
                }
                shared.bytesRead.addAndGet(read);
                long blocks = meta.blockCount();
                for (long s = shared.nextZeroStripe.getAndAdd(ZERO_STRIPE); s < blocks && shared.failure.get() == null;
                     s = shared.nextZeroStripe.getAndAdd(ZERO_STRIPE)) {
                    long end = Math.min(blocks, s + ZERO_STRIPE);
                    for (long b = s; b < end; b++) {
                        if (IndexEntryDescriptor.encodingId(index, b) == Encoding.ZERO.id()) {
                            zero++;
                            if (!options.arenaZeroed()) {
                                long address = b * blockBytes;
                                int length = meta.blockLength(b);
                                BufferZero.zero(memory.slabFor(address, length), memory.slabOffset(address), length);
                            }
                        }
                    }
                }
            } catch (Throwable t) {
                shared.failure.compareAndSet(null, t);
            }
        }
    }
}
