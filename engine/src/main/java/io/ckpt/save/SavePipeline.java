package io.ckpt.save;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import io.ckpt.format.FormatVersion;
import io.ckpt.format.HeaderDescriptor;
import io.ckpt.format.IndexEntryDescriptor;
import io.ckpt.format.TrailerDescriptor;
import io.ckpt.io.AtomicCommit;
import io.ckpt.memory.GuestMemory;
import net.openhft.chronicle.core.io.BackgroundResourceReleaser;
import net.openhft.chronicle.core.io.IORuntimeException;
import org.agrona.BufferUtil;

/**
 * Saves an arena to a checkpoint file: compressor threads (each the single writer of its own
 * staging ring) feed one I/O thread that writes storage blocks into the memory-mapped file;
 * the file is then committed atomically (see {@link AtomicCommit}).
 *
 * <p>Thread-safety: {@link #save} may be called from any thread; the arena must not be
 * written while a (non-lazy) save runs. Memory use is bounded by the rings
 * (8 slots per compressor) and the index, whatever the arena size.
 */
public final class SavePipeline {
    private SavePipeline() {
    }

    /**
     * Saves {@code memory} to {@code target}, replacing any file there only once the new one
     * is complete.
     *
     * @throws IOException on an I/O failure (a full disk included); the target is untouched.
     */
    public static SaveStats save(GuestMemory memory, Path target, SaveOptions options) throws IOException {
        options.validateFor(memory);
        long t0 = System.nanoTime();
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new java.nio.file.NoSuchFileException(String.valueOf(dir), null, "directory for the checkpoint does not exist");
        }
        if (Files.isDirectory(target)) {
            throw new IOException(target + " is a directory");
        }
        AtomicCommit.cleanLeftovers(target);
        Path temp = AtomicCommit.tempFor(target);
        Files.createFile(temp);

        SaveLayout layout = SaveLayout.of(memory.size(), options);
        ByteBuffer header = header(memory, layout, options);
        ByteBuffer index = ByteBuffer.allocateDirect(Math.toIntExact(layout.blockCount() * IndexEntryDescriptor.LENGTH))
            .order(ByteOrder.LITTLE_ENDIAN);
        int n = options.compressors();
        StagingRing[] rings = new StagingRing[n];
        Compressor[] compressors = new Compressor[n];
        SaveControl control = new SaveControl();
        WorkQueue work = new WorkQueue(layout.blockCount());
        boolean committed = false;
        try {
            for (int i = 0; i < n; i++) {
                rings[i] = new StagingRing(layout.storageBlockSize());
                compressors[i] = new Compressor(memory, layout, rings[i], index, work, control);
            }
            StorageWriter writer = new StorageWriter(temp.toFile(), header, rings, compressors, index,
                layout.blockCount(), control);
            Thread io = new Thread(writer, "ckpt-save-io");
            Thread[] threads = new Thread[n];
            io.setDaemon(true);
            io.start();
            for (int i = 0; i < n; i++) {
                threads[i] = new Thread(compressors[i], "ckpt-save-compress-" + i);
                threads[i].setDaemon(true);
                threads[i].start();
            }
            joinAll(threads, io, control);
            BackgroundResourceReleaser.releasePendingResources();
            if (control.failure() != null) {
                throw asIOException(control.failure(), temp);
            }
            long c0 = System.nanoTime();
            ByteBuffer trailer = trailer(header, writer);
            int forces = AtomicCommit.commit(temp, target, writer.metadataEnd(), trailer);
            committed = true;
            long t1 = System.nanoTime();

            long zero = 0, raw = 0, lz4 = 0, payload = 0, waits = 0, cNanos = 0;
            for (Compressor c : compressors) {
                zero += c.zeroBlocks;
                raw += c.rawBlocks;
                lz4 += c.lz4Blocks;
                payload += c.payloadBytes;
                waits += c.stagingWaits;
                cNanos += c.nanos;
            }
            return new SaveStats(memory.size(), zero, raw, lz4, payload, writer.metadataEnd() + TrailerDescriptor.LENGTH,
                writer.storageBlocks(), writer.writeCalls + 1, forces, n, waits, cNanos, writer.ioNanos,
                t1 - c0, t1 - t0);
        } finally {
            for (StagingRing r : rings) {
                if (r != null) {
                    r.close();
                }
            }
            BufferUtil.free(index);
            if (!committed) {
                Files.deleteIfExists(temp);
            }
        }
    }

    private static void joinAll(Thread[] compressors, Thread io, SaveControl control) throws IOException {
        boolean interrupted = false;
        for (Thread t : compressors) {
            interrupted |= join(t);
        }
        interrupted |= join(io);
        if (interrupted) {
            Thread.currentThread().interrupt();
            control.fail(new java.io.InterruptedIOException("save interrupted"));
        }
    }

    private static boolean join(Thread t) {
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                return interrupted;
            } catch (InterruptedException e) {
                // Finish the join: the threads use buffers that are freed after it.
                interrupted = true;
            }
        }
    }

    private static IOException asIOException(Throwable t, Path file) {
        if (t instanceof IOException) {
            return (IOException) t;
        }
        if (t instanceof UncheckedIOException) {
            return ((UncheckedIOException) t).getCause();
        }
        if (t instanceof IORuntimeException) {
            // Chronicle Bytes reports failures to grow or map the file (disk full, file size limit) unchecked.
            Throwable root = t;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return new IOException("cannot write " + file + ": " + root.getMessage(), t);
        }
        if (t instanceof RuntimeException) {
            throw (RuntimeException) t;
        }
        if (t instanceof Error) {
            throw (Error) t;
        }
        return new IOException(t);
    }

    private static ByteBuffer header(GuestMemory memory, SaveLayout layout, SaveOptions options) {
        ByteBuffer h = ByteBuffer.allocateDirect(HeaderDescriptor.REGION_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        HeaderDescriptor.magic(h, HeaderDescriptor.MAGIC);
        HeaderDescriptor.majorVersion(h, FormatVersion.MAJOR);
        HeaderDescriptor.minorVersion(h, FormatVersion.MINOR);
        HeaderDescriptor.headerLength(h, HeaderDescriptor.LENGTH);
        HeaderDescriptor.fileUuid(h, options.fileUuid() != null ? options.fileUuid() : UUID.randomUUID());
        HeaderDescriptor.parentUuid(h, null);
        HeaderDescriptor.pageSize(h, GuestMemory.PAGE_SIZE);
        HeaderDescriptor.pagesPerBlock(h, options.pagesPerBlock());
        HeaderDescriptor.storageBlockSize(h, options.storageBlockSize());
        HeaderDescriptor.codec(h, options.codec().id());
        HeaderDescriptor.flags(h, 0);
        HeaderDescriptor.arenaSize(h, memory.size());
        HeaderDescriptor.dataLength(h, options.dataLength() >= 0 ? options.dataLength() : memory.size());
        HeaderDescriptor.blockCount(h, layout.blockCount());
        HeaderDescriptor.createdMillis(h, options.createdMillis() >= 0 ? options.createdMillis() : System.currentTimeMillis());
        HeaderDescriptor.dataOffset(h, HeaderDescriptor.REGION_LENGTH);
        HeaderDescriptor.headerCrc(h, HeaderDescriptor.computeCrc(h));
        return h;
    }

    private static ByteBuffer trailer(ByteBuffer header, StorageWriter w) {
        ByteBuffer t = ByteBuffer.allocate(TrailerDescriptor.LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        TrailerDescriptor.indexOffset(t, w.indexOffset);
        TrailerDescriptor.indexLength(t, w.tableOffset - w.indexOffset);
        TrailerDescriptor.tableOffset(t, w.tableOffset);
        TrailerDescriptor.tableLength(t, w.tableLength);
        TrailerDescriptor.hintOffset(t, w.tableOffset + w.tableLength);
        TrailerDescriptor.hintLength(t, 0);
        TrailerDescriptor.checksumAlgorithm(t, TrailerDescriptor.CHECKSUM_CRC32C);
        TrailerDescriptor.indexCrc(t, w.indexCrc);
        TrailerDescriptor.tableCrc(t, w.tableCrc);
        TrailerDescriptor.trailerCrc(t, TrailerDescriptor.computeTrailerCrc(header, t));
        TrailerDescriptor.commitMagic(t, TrailerDescriptor.COMMIT_MAGIC);
        return t;
    }

}
