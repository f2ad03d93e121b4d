package io.ckpt.save;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

import io.ckpt.format.HeaderDescriptor;
import io.ckpt.format.IndexEntryDescriptor;
import io.ckpt.format.StorageBlockDescriptor;
import io.ckpt.format.StorageTableDescriptor;
import io.ckpt.io.BackgroundFlusher;
import io.ckpt.io.SpaceReservation;
import net.openhft.chronicle.bytes.MappedBytes;
import org.agrona.BufferUtil;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.MessageHandler;

/**
 * The I/O thread of the save pipeline: drains the staging rings of all compressors, writes
 * each slot as one storage block at the next 4 KiB-aligned offset of the temporary file, in
 * one positional write ({@link WriteMode#CHANNEL}) or one copy into its mapping (Chronicle
 * Bytes, {@link WriteMode#MAPPED}), assigns storage block numbers (file order), completes the
 * index, and at the end writes index, storage-block table and hint after the data.
 *
 * <p>Thread-safety: runs on its own thread, which alone touches the {@link MappedBytes}
 * (Chronicle checks that a Bytes stays on one thread). Results are read after {@link Thread#join()}.
 */
final class StorageWriter implements Runnable {
    /** Mapping chunk size: few mmap calls, bounded address space. */
    private static final long CHUNK_SIZE = 256L << 20;

    private final File file;
    private final ByteBuffer headerRegion;
    private final StagingRing[] rings;
    private final Compressor[] compressors;
    private final ByteBuffer index;
    /** Set by {@link #hint} before the thread starts. */
    private ByteBuffer hint;
    private final SaveControl control;
    private final IdleStrategy idle = new BackoffIdleStrategy();
    private final CRC32C crc = new CRC32C();
    private final MessageHandler[] handlers;

    private final WriteMode mode;
    private MappedBytes mapped;
    private java.nio.channels.FileChannel channel;
    /** {@link WriteMode#DIRECT}: the O_DIRECT channel for storage blocks and its aligned bounce buffer; else null. */
    private java.nio.channels.FileChannel direct;
    private ByteBuffer bounce;
    private SpaceReservation space;
    private BackgroundFlusher flusher;
    private ByteBuffer table;
    private long nextOffset = HeaderDescriptor.REGION_LENGTH;
    private int storageBlocks;
    private long firstWriteNanos;

    long writeCalls;
    int backgroundForces;
    long ioNanos;
    long indexOffset;
    long tableOffset;
    long tableLength;
    int indexCrc;
    int tableCrc;

    StorageWriter(File file, ByteBuffer headerRegion, StagingRing[] rings, Compressor[] compressors,
                  ByteBuffer index, SaveControl control, WriteMode mode) {
        this.mode = mode;
        this.file = file;
        this.headerRegion = headerRegion;
        this.rings = rings;
        this.compressors = compressors;
        this.index = index;
        this.control = control;
        this.table = ByteBuffer.allocateDirect(StorageTableDescriptor.LENGTH * 64).order(ByteOrder.LITTLE_ENDIAN);
        this.handlers = new MessageHandler[rings.length];
        for (int r = 0; r < rings.length; r++) {
            ByteBuffer slots = rings[r].buffer();
            handlers[r] = (type, buffer, at, length) -> writeSlot(slots, at);
        }
    }

    /** @param hint the hint section's bytes (u32 block numbers), possibly empty; before the thread starts. */
    void hint(ByteBuffer hint) {
        this.hint = hint;
    }

    @Override
    public void run() {
        try {
            flusher = BackgroundFlusher.open(file.toPath());
            if (mode == WriteMode.MAPPED) {
                // A store into a mapped page the disk cannot back is a SIGBUS: reserve first. Positional
                // writes need no reservation (a full disk fails the write call) and so spare the
                // native-call library's start-up (about 0.2 s).
                space = SpaceReservation.open(file.toPath());
                mapped = MappedBytes.mappedBytes(file, CHUNK_SIZE);
            } else {
                channel = java.nio.channels.FileChannel.open(file.toPath(), java.nio.file.StandardOpenOption.WRITE);
                if (mode == WriteMode.DIRECT) {
                    openDirect();
                }
            }
            write(0, headerRegion, 0, HeaderDescriptor.REGION_LENGTH);
            drain();
            if (!control.aborted()) {
                writeMetadata();
            }
        } catch (Throwable t) {
            control.fail(t);
        } finally {
            if (mapped != null) {
                mapped.close();
            }
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException e) {
                    control.fail(e);
                }
            }
            if (direct != null) {
                try {
                    direct.close();
                } catch (IOException e) {
                    control.fail(e);
                }
                BufferUtil.free(bounceOwner);
            }
            if (space != null) {
                space.close();
            }
            if (flusher != null) {
                flusher.close();
                backgroundForces = flusher.forces();
            }
            BufferUtil.free(table);
            ioNanos = firstWriteNanos == 0 ? 0 : System.nanoTime() - firstWriteNanos;
        }
    }

    private void drain() {
        while (!control.aborted()) {
            boolean allDone = true;
            for (Compressor c : compressors) {
                allDone &= c.done();
            }
            int read = 0;
            for (int r = 0; r < rings.length; r++) {
                read += rings[r].ring().read(handlers[r], 1);
            }
            if (read > 0) {
                idle.reset();
            } else if (allDone) {
                // Every slot was committed before its compressor's done flag: one more empty pass ends it.
                int more = 0;
                for (int r = 0; r < rings.length; r++) {
                    more += rings[r].ring().read(handlers[r]);
                }
                if (more == 0) {
                    return;
                }
            } else {
                idle.idle();
            }
        }
    }

    private void writeSlot(ByteBuffer slots, int at) {
        if (firstWriteNanos == 0) {
            firstWriteNanos = System.nanoTime();
        }
        int seq = storageBlocks;
        int count = StorageBlockDescriptor.entryCount(slots, at);
        int length = StorageBlockDescriptor.length(slots, at);
        StorageBlockDescriptor.sequence(slots, at, seq);
        StorageBlockDescriptor.mapCrc(slots, at, StorageBlockDescriptor.computeMapCrc(slots, at));
        for (int i = 0; i < count; i++) {
            IndexEntryDescriptor.storageBlock(index, StorageBlockDescriptor.mapEntry(slots, at, i), seq);
        }
        try {
            if (direct != null) {
                writeDirect(nextOffset, slots, at, length);
            } else {
                write(nextOffset, slots, at, length);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if ((seq + 1) * StorageTableDescriptor.LENGTH > table.capacity()) {
            ByteBuffer bigger = ByteBuffer.allocateDirect(table.capacity() * 2).order(ByteOrder.LITTLE_ENDIAN);
            bigger.put(0, table, 0, table.capacity());
            BufferUtil.free(table);
            table = bigger;
        }
        StorageTableDescriptor.entry(table, seq, nextOffset, length, count);
        nextOffset += StorageBlockDescriptor.align(length, StorageBlockDescriptor.FILE_ALIGNMENT);
        storageBlocks++;
    }

    private void writeMetadata() throws IOException {
        indexOffset = nextOffset;
        write(indexOffset, index, 0, index.capacity());
        tableOffset = indexOffset + index.capacity();
        tableLength = (long) storageBlocks * StorageTableDescriptor.LENGTH;
        write(tableOffset, table, 0, (int) tableLength);
        if (hint.capacity() > 0) {
            write(tableOffset + tableLength, hint, 0, hint.capacity());
        }
        indexCrc = crc(index, index.capacity());
        crc.reset();
        crc.update(table.duplicate().limit((int) tableLength).position(0));
        crc.update(hint.duplicate().clear());
        tableCrc = (int) crc.getValue();
    }

    private int crc(ByteBuffer b, int length) {
        crc.reset();
        crc.update(b.duplicate().limit(length).position(0));
        return (int) crc.getValue();
    }

    /**
     * Mapped writes reserve disk space first, so a full disk is an IOException here and never a
     * SIGBUS; a failed positional write names the file and offset.
     */
    private void write(long fileOffset, ByteBuffer src, int at, int length) throws IOException {
        if (mapped != null) {
            space.ensure(fileOffset + length);
            mapped.write(fileOffset, src, at, length);
        } else {
            ByteBuffer view = channelView(src);
            view.limit(at + length).position(at);
            long position = fileOffset;
            try {
                while (view.hasRemaining()) {
                    position += channel.write(view, position);
                }
            } catch (IOException e) {
                throw new IOException("cannot write " + file + " at offset " + position + ": " + e.getMessage(), e);
            }
        }
        writeCalls++;
        flusher.written(fileOffset + length);
    }

    /**
     * Opens the O_DIRECT channel, or leaves {@link #direct} null (buffered writes) where the
     * filesystem refuses direct I/O or its block size does not divide the file's 4 KiB alignment.
     */
    private void openDirect() throws IOException {
        long block = java.nio.file.Files.getFileStore(file.toPath()).getBlockSize();
        if (block <= 0 || block > StorageBlockDescriptor.FILE_ALIGNMENT
            || StorageBlockDescriptor.FILE_ALIGNMENT % block != 0) {
            return;
        }
        try {
            direct = java.nio.channels.FileChannel.open(file.toPath(), java.nio.file.StandardOpenOption.WRITE,
                com.sun.nio.file.ExtendedOpenOption.DIRECT);
        } catch (IOException | UnsupportedOperationException e) {
            return;   // tmpfs and others: EINVAL on O_DIRECT
        }
        int size = rings[0].slotSize();
        int padded = (int) StorageBlockDescriptor.align(size, StorageBlockDescriptor.FILE_ALIGNMENT);
        bounceOwner = ByteBuffer.allocateDirect(padded + StorageBlockDescriptor.FILE_ALIGNMENT);
        bounce = bounceOwner.alignedSlice(StorageBlockDescriptor.FILE_ALIGNMENT).order(ByteOrder.LITTLE_ENDIAN);
    }

    private ByteBuffer bounceOwner;

    /** Writes a storage block through the aligned buffer, zero-padded to the next 4 KiB (the file's padding is zero). */
    private void writeDirect(long fileOffset, ByteBuffer src, int at, int length) throws IOException {
        int padded = (int) StorageBlockDescriptor.align(length, StorageBlockDescriptor.FILE_ALIGNMENT);
        bounce.clear();
        bounce.put(0, src, at, length);
        io.ckpt.memory.BufferZero.zero(bounce, length, padded - length);
        bounce.limit(padded).position(0);
        long position = fileOffset;
        try {
            while (bounce.hasRemaining()) {
                position += direct.write(bounce, position);
            }
        } catch (IOException e) {
            throw new IOException("cannot write " + file + " at offset " + position + ": " + e.getMessage(), e);
        }
        writeCalls++;
        flusher.written(fileOffset + length);
    }

    /** A private duplicate per source buffer (rings, index, table, hint), so positions stay ours. */
    private ByteBuffer channelView(ByteBuffer src) {
        if (src != viewOwner) {
            viewOwner = src;
            view = src.duplicate();
        }
        return view;
    }

    private ByteBuffer viewOwner;
    private ByteBuffer view;

    /** @return storage blocks written. */
    int storageBlocks() {
        return storageBlocks;
    }

    /** @return the end of the hint section: where the trailer goes. */
    long metadataEnd() {
        return tableOffset + tableLength + hint.capacity();
    }
}
