package io.ckpt.restore;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.ckpt.Progress;
import io.ckpt.codec.BlockDecoder;
import io.ckpt.format.CheckpointMetadata;
import io.ckpt.format.Encoding;
import io.ckpt.format.IndexEntryDescriptor;
import io.ckpt.io.AtomicCommit;
import io.ckpt.io.SparseWriter;
import io.ckpt.store.CheckpointLocation;
import io.ckpt.store.FileLocation;
import org.agrona.BufferUtil;

/**
 * Restores a checkpoint straight into a raw image file ({@code ckpt restore --to-raw}), with no
 * arena in between: each thread reads whole storage blocks with one positional read into a
 * buffer of its own, checks them, decodes their page blocks into a second buffer and writes
 * each run of consecutive blocks with one positional write. ZERO blocks are never written, nor
 * long runs of zero pages inside a run ({@link SparseWriter}): the image is created at its full
 * length first, so they are holes of a sparse file, as with {@code cp --sparse} or
 * {@code lz4 -d}. Memory use is two buffers per thread whatever the image
 * size, and nothing of the checkpoint is mapped into the process.
 *
 * <p>The image is exactly the checkpoint's data length, so a checkpoint saved from an image
 * gives it back byte for byte. It is written under a temporary name beside the target and
 * renamed over it only once complete, so a failed restore leaves any previous file untouched;
 * with {@link RestoreOptions#withSync} it is forced to disk before the rename and the directory
 * after it, otherwise the page cache writes it back in its own time.
 *
 * <p>Thread-safety: {@link #restore} may be called from any thread; one restore per target at
 * a time.
 */
public final class ImageRestore {
    /** Bytes of decoded blocks gathered before one write call. */
    static final int WRITE_BYTES = 1 << 20;
    private ImageRestore() {
    }

    /**
     * Restores {@code file} (and its parents, if incremental) into the raw image {@code image},
     * replacing it if it exists.
     *
     * @param file    the checkpoint; its parents are found by the names it records, next to it
     * @param image   the raw image file to write, not the checkpoint nor one of its parents
     * @param options threads, verification, sync and progress
     * @return what was restored; {@code arenaBytes} is the checkpoint's arena size and
     *         {@code bytesRead} the stored bytes read.
     * @throws io.ckpt.format.CorruptCheckpointException on damage, naming block and offset.
     * @throws io.ckpt.format.ParentCheckpointException  if a parent is missing or mismatched.
     * @throws IOException                               if the image cannot be written (a full
     *                                                   disk included); nothing is left behind.
     */
    public static RestoreStats restore(Path file, Path image, RestoreOptions options) throws IOException {
        return restore(FileLocation.of(file), image, options);
    }

    /**
     * As {@link #restore(Path, Path, RestoreOptions)} from a checkpoint in any store: from a remote
     * one each storage block is one ranged GET, {@link RestoreOptions#readConcurrency} at once.
     *
     * @param file    the checkpoint, in any store; its parents are looked up in the same one
     * @param image   the raw image file to write
     * @param options threads, read concurrency, verification, sync and progress
     * @return what was restored
     * @throws IOException as {@link #restore(Path, Path, RestoreOptions)}, and on a store failure
     */
    public static RestoreStats restore(CheckpointLocation file, Path image, RestoreOptions options) throws IOException {
        io.ckpt.events.RestoreEvent event = io.ckpt.events.Jfr.beginRestore();
        RestoreStats stats = restore(file, image, options, System.nanoTime());
        if (event != null && io.ckpt.events.RestoreEvent.endShouldCommit(event)) {
            event.fillImage(file.toString(), stats);
            event.commit();
        }
        return stats;
    }

    private static RestoreStats restore(CheckpointLocation file, Path image, RestoreOptions options, long t0)
        throws IOException {
        Path target = image.toAbsolutePath();
        if (Files.isDirectory(target)) {
            throw new IOException(image + " is a directory");
        }
        if (AtomicCommit.isStream(target)) {
            // A pipe, a terminal, /dev/null, a FIFO: written in order, zeros included; renaming a
            // temporary file over it would replace the device node (or /dev/stdout's link) instead.
            try (ResolvedCheckpoint chain = ResolvedCheckpoint.open(file)) {
                return stream(chain, target, options, t0);
            }
        }
        target = AtomicCommit.followLinks(target);   // replace the file a link names, and keep the link
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new NoSuchFileException(String.valueOf(dir), null, "directory for the output does not exist");
        }
        try (ResolvedCheckpoint chain = ResolvedCheckpoint.open(file)) {
            for (int f = 0; f < chain.fileCount(); f++) {
                Path source = chain.location(f).file();
                if (source != null && Files.exists(target) && Files.isSameFile(source, target)) {
                    throw new IllegalArgumentException(image + " is " + (f == 0 ? "the checkpoint" : "a parent of the checkpoint")
                        + " being restored; restore to another file");
                }
            }
            long t1 = System.nanoTime();
            Path temp = AtomicCommit.tempFor(target);
            boolean moved = false;
            try {
                RestoreStats stats = write(chain, temp, options, t0, t1);
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
                moved = true;
                if (options.sync()) {
                    AtomicCommit.syncDirectory(dir);
                }
                long t2 = System.nanoTime();
                return new RestoreStats(stats.arenaBytes(), stats.zeroBlocks(), stats.rawBlocks(), stats.lz4Blocks(),
                    stats.storageBlocks(), stats.bytesRead(), stats.threads(), t1 - t0, t2 - t1, t2 - t0);
            } finally {
                if (!moved) {
                    Files.deleteIfExists(temp);
                }
            }
        }
    }

    /**
     * Writes the image to a stream in address order, one thread, zero blocks as zeros: each
     * storage block is read once where it holds consecutive page blocks (a stripe's), and again
     * only where the save's stripes interleave inside it.
     */
    private static RestoreStats stream(ResolvedCheckpoint chain, Path target, RestoreOptions options, long t0)
        throws IOException {
        CheckpointMetadata head = chain.head();
        long t1 = System.nanoTime();
        Shared shared = new Shared(EagerRestore.workItems(chain), head);
        long zero = 0;
        long bytesRead;
        Worker w;
        try (FileChannel out = FileChannel.open(target, StandardOpenOption.WRITE)) {
            w = new Worker(chain, out, options, shared, largestStorageBlock(chain));
            w.sequential = true;
            try {
                long reportedAt = 0;
                for (int b = 0; b < head.blockCount(); b++) {
                    if (chain.sourceOf(b) < 0) {
                        w.zeroBlock(b);
                        zero++;
                    } else {
                        w.streamBlock(b);
                    }
                    long address = (long) b * head.blockBytes();
                    if (address - reportedAt >= WRITE_BYTES) {
                        options.progress().update(address, head.arenaSize());
                        reportedAt = address;
                    }
                }
                w.flush();
                bytesRead = w.bytesRead;
            } finally {
                w.close();
            }
            options.progress().update(head.arenaSize(), head.arenaSize());
        }
        long t2 = System.nanoTime();
        return new RestoreStats(head.arenaSize(), zero, w.raw, w.lz4, shared.items.length / 2, bytesRead, 1,
            t1 - t0, t2 - t1, t2 - t0);
    }

    /** @return the length of the chain's longest storage block: the size of a worker's read buffer. */
    private static int largestStorageBlock(ResolvedCheckpoint chain) {
        int longest = 0;
        for (int f = 0; f < chain.fileCount(); f++) {
            for (int sb = 0; sb < chain.file(f).storageBlockCount(); sb++) {
                longest = Math.max(longest, chain.file(f).storageBlockLength(sb));
            }
        }
        return longest;
    }

    private static RestoreStats write(ResolvedCheckpoint chain, Path temp, RestoreOptions options, long t0, long t1)
        throws IOException {
        CheckpointMetadata head = chain.head();
        int[] items = EagerRestore.workItems(chain);
        int threads = Math.max(1, Math.min(chain.allMapped() ? options.threads() : options.readConcurrency(),
            Math.max(1, items.length / 2)));
        Shared shared = new Shared(items, head);
        int readBytes = largestStorageBlock(chain);
        Worker[] workers = new Worker[threads];
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            // The image at its full length: every block not written below is a hole, reading as zeros.
            if (head.dataLength() > 0) {
                out.write(ByteBuffer.allocate(1), head.dataLength() - 1);
            }
            Thread[] running = new Thread[threads - 1];
            try {
                for (int i = 0; i < threads; i++) {
                    workers[i] = new Worker(chain, out, options, shared, readBytes);
                }
                for (int i = 1; i < threads; i++) {
                    running[i - 1] = new Thread(workers[i], "ckpt-restore-image-" + i);
                    running[i - 1].setDaemon(true);
                    running[i - 1].start();
                }
                workers[0].progress = options.progress();
                workers[0].run();
                boolean interrupted = false;
                for (Thread t : running) {
                    while (t.isAlive()) {
                        try {
                            t.join(100);
                        } catch (InterruptedException e) {
                            interrupted = true;
                        }
                        shared.report(options.progress());
                    }
                }
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            } finally {
                for (Worker w : workers) {
                    if (w != null) {
                        w.close();
                    }
                }
            }
            Throwable failure = shared.failure.get();
            if (failure instanceof IOException) {
                throw (IOException) failure;
            } else if (failure instanceof RuntimeException) {
                throw (RuntimeException) failure;
            } else if (failure instanceof Error) {
                throw (Error) failure;
            } else if (failure != null) {
                throw new IOException(failure);
            }
            options.progress().update(head.arenaSize(), head.arenaSize());
            if (options.sync()) {
                out.force(true);
            }
        }
        long zero = 0, raw = 0, lz4 = 0;
        for (Worker w : workers) {
            raw += w.raw;
            lz4 += w.lz4;
        }
        for (long b = 0; b < head.blockCount(); b++) {
            if (chain.sourceOf(b) < 0) {
                zero++;
            }
        }
        long t2 = System.nanoTime();
        return new RestoreStats(head.arenaSize(), zero, raw, lz4, items.length / 2, shared.bytesRead.get(), threads,
            t1 - t0, t2 - t1, t2 - t0);
    }

    private static final class Shared {
        final int[] items;
        final long zeroBytes;
        final long total;
        final AtomicInteger nextItem = new AtomicInteger();
        final AtomicLong bytesRead = new AtomicLong();
        final AtomicLong bytesDone = new AtomicLong();
        final AtomicReference<Throwable> failure = new AtomicReference<>();

        Shared(int[] items, CheckpointMetadata head) {
            this.items = items;
            this.total = head.arenaSize();
            ByteBuffer index = head.index();
            long zero = 0;
            for (long b = 0; b < head.blockCount(); b++) {
                if (IndexEntryDescriptor.encodingId(index, b) == Encoding.ZERO.id()) {
                    zero += head.blockLength(b);
                }
            }
            // ZERO blocks of the head are done from the start; those of parents count as they are skipped.
            this.zeroBytes = zero;
        }

        void report(Progress progress) {
            if (progress != Progress.NONE) {
                progress.update(Math.min(total, zeroBytes + bytesDone.get()), total);
            }
        }
    }

    /** One restoring thread: its channels, its read and write buffers, its decoder. */
    private static final class Worker implements Runnable {
        private final ResolvedCheckpoint chain;
        private final FileChannel out;
        private final RestoreOptions options;
        private final Shared shared;
        private final FileChannel[] in;
        private final ByteBuffer read;
        private final ByteBuffer write;
        private final BlockDecoder decoder = new BlockDecoder();
        /** Writes the gathered runs, zero runs as holes. */
        private final SparseWriter sparse = new SparseWriter();
        private final long dataLength;
        /** Set on the caller's worker only: it reports progress between storage blocks. */
        Progress progress = Progress.NONE;
        /** Image offset of the first byte in {@link #write}, and bytes there. */
        private long runStart;
        private int runLength;
        long raw;
        long lz4;
        /** Set for a stream: runs are written in order with their zeros, not as positioned writes with holes. */
        boolean sequential;
        /** The storage block in {@link #read} on a stream ({@code -1}: none), and bytes read so far. */
        private int readFile = -1;
        private int readBlock = -1;
        long bytesRead;

        Worker(ResolvedCheckpoint chain, FileChannel out, RestoreOptions options, Shared shared, int readBytes)
            throws IOException {
            this.chain = chain;
            this.out = out;
            this.options = options;
            this.shared = shared;
            this.dataLength = chain.head().dataLength();
            this.in = new FileChannel[chain.fileCount()];
            this.read = ByteBuffer.allocateDirect(Math.max(1, readBytes)).order(ByteOrder.LITTLE_ENDIAN);
            this.write = ByteBuffer.allocateDirect(Math.max(WRITE_BYTES, chain.head().blockBytes()))
                .order(ByteOrder.LITTLE_ENDIAN);
        }

        @Override
        public void run() {
            try {
                int pairs = shared.items.length / 2;
                long readTotal = 0;
                for (int k = shared.nextItem.getAndIncrement(); k < pairs && shared.failure.get() == null;
                     k = shared.nextItem.getAndIncrement()) {
                    readTotal += storageBlock(shared.items[2 * k], shared.items[2 * k + 1]);
                    shared.report(progress);
                }
                shared.bytesRead.addAndGet(readTotal);
            } catch (Throwable t) {
                shared.failure.compareAndSet(null, t);
            }
        }

        /**
         * Reads storage block {@code sb} of chain file {@code f}, checks it, and writes the page
         * blocks it holds for this restore. The per-block work is a method of its own, so that
         * the JIT compiles it after a few hundred blocks: a loop is compiled in place only after
         * tens of thousands of iterations, more than a restore of a few GiB runs.
         *
         * @return the bytes read.
         */
        private int storageBlock(int f, int sb) throws IOException {
            CheckpointMetadata meta = chain.file(f);
            ByteBuffer index = chain.index(f);
            long fileOffset = meta.storageBlockOffset(sb);
            int length = load(f, sb);
            StorageBlockMap map = chain.map(f);
            long done = 0;
            for (int i = 0, n = map.count(sb); i < n; i++) {
                int block = map.block(sb, i);
                if (chain.sourceOf(block) == f) {   // else superseded by a newer file of the chain
                    done += pageBlock(meta, index, block, fileOffset);
                }
            }
            flush();
            shared.bytesDone.addAndGet(done);
            return length;
        }

        /** On a stream: page block {@code block}, read with its storage block unless that is already here. */
        void streamBlock(int block) throws IOException {
            int f = chain.sourceOf(block);
            CheckpointMetadata meta = chain.file(f);
            ByteBuffer index = chain.index(f);
            int sb = IndexEntryDescriptor.storageBlock(index, block);
            long fileOffset = meta.storageBlockOffset(sb);
            if (f != readFile || sb != readBlock) {
                readFile = -1;
                bytesRead += load(f, sb);
                readFile = f;
                readBlock = sb;
            }
            pageBlock(meta, index, block, fileOffset);
        }

        /** Reads storage block {@code sb} of chain file {@code f} into {@link #read} and checks it. @return its length. */
        private int load(int f, int sb) throws IOException {
            CheckpointMetadata meta = chain.file(f);
            int length = meta.storageBlockLength(sb);
            readFully(f, meta.storageBlockOffset(sb), length);
            StorageBlockDecoder.checkStorageBlock(read, 0, meta, chain.index(f), sb);
            return length;
        }

        /** On a stream: an all-zero page block, as zeros. */
        void zeroBlock(int block) throws IOException {
            int blockLength = chain.head().blockLength(block);
            if (runLength + blockLength > write.capacity()) {
                flush();
            }
            if (runLength == 0) {
                runStart = (long) block * chain.head().blockBytes();
            }
            write.clear();
            io.ckpt.memory.BufferZero.zero(write, runLength, blockLength);
            runLength += blockLength;
        }

        /** Decodes page block {@code block} into the run being gathered. @return its length. */
        private int pageBlock(CheckpointMetadata file, ByteBuffer index, int block, long fileOffset) throws IOException {
            CheckpointMetadata head = chain.head();
            long address = (long) block * head.blockBytes();
            int blockLength = head.blockLength(block);
            if (runLength > 0 && (address != runStart + runLength || runLength + blockLength > write.capacity())) {
                flush();
            }
            if (runLength == 0) {
                runStart = address;
            }
            int payload = IndexEntryDescriptor.payloadOffset(index, block);
            Encoding encoding = IndexEntryDescriptor.encoding(index, block);
            decoder.decode(encoding, read, payload, IndexEntryDescriptor.storedLength(index, block), write,
                runLength, blockLength, options.verifyChecksums(), IndexEntryDescriptor.crc(index, block),
                block, fileOffset + payload, file);
            runLength += blockLength;
            if (encoding == Encoding.LZ4 || encoding == Encoding.ZSTD) {
                lz4++;
            } else {
                raw++;
            }
            return blockLength;
        }

        private void readFully(int f, long fileOffset, int length) throws IOException {
            if (chain.reader(f) != null) {
                // Another store: one request for the whole storage block.
                read.clear().limit(length);
                chain.reader(f).readFully(read, fileOffset, "storage block");
                return;
            }
            if (in[f] == null) {
                in[f] = FileChannel.open(chain.file(f).path(), StandardOpenOption.READ);
            }
            read.clear().limit(length);
            while (read.hasRemaining()) {
                if (in[f].read(read, fileOffset + read.position()) < 0) {
                    throw new io.ckpt.format.CorruptCheckpointException("storage block", fileOffset,
                        "file " + chain.file(f).path() + " ends inside this storage block (truncated since it was opened?)");
                }
            }
        }

        /**
         * Writes the gathered run, clipped to the image's data length (the arena's last page may
         * reach past it): on a stream in order with its zeros, else through {@link SparseWriter},
         * whose holes cost no page cache.
         */
        private void flush() throws IOException {
            if (runLength == 0) {
                return;
            }
            int length = (int) Math.max(0, Math.min(runLength, dataLength - runStart));
            if (sequential) {
                write.limit(length).position(0);
                try {
                    while (write.hasRemaining()) {
                        out.write(write);
                    }
                } catch (IOException e) {
                    throw new IOException("cannot write the image at offset " + (runStart + write.position()) + ": "
                        + e.getMessage(), e);
                }
                write.clear();   // decoding checks indexes against the limit
            } else {
                sparse.write(out, write, length, runStart);
            }
            runLength = 0;
        }

        void close() {
            for (FileChannel c : in) {
                if (c != null) {
                    try {
                        c.close();
                    } catch (IOException e) {
                        // read-only
                    }
                }
            }
            BufferUtil.free(read);
            BufferUtil.free(write);
        }
    }
}
