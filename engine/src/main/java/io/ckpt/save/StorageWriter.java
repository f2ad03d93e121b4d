package io.ckpt.save;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

import io.ckpt.format.HeaderDescriptor;
import io.ckpt.format.IndexEntryDescriptor;
import io.ckpt.format.StorageBlockDescriptor;
import io.ckpt.format.StorageTableDescriptor;
import io.ckpt.store.CheckpointOutput;
import org.agrona.BufferUtil;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.MessageHandler;

/**
 * The I/O thread of the save pipeline: drains the staging rings of all compressors, writes
 * each slot as one storage block at the next 4 KiB-aligned offset of the checkpoint's
 * {@link CheckpointOutput} (a temporary file: one positional write ({@link WriteMode#CHANNEL}) or
 * one copy into its mapping ({@link WriteMode#MAPPED}); an object store's multipart upload),
 * assigns storage block numbers (file order), completes the index, and at the end writes index,
 * storage-block table and hint after the data.
 *
 * <p>Thread-safety: runs on its own thread, which alone opens and writes the output (Chronicle
 * checks that a mapping stays on one thread). Results are read after {@link Thread#join()}.
 */
final class StorageWriter implements Runnable {
    private final CheckpointOutput output;
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

    private ByteBuffer table;
    /** The data offset: after the header region and, in a file with a dictionary, the dictionary. */
    private long nextOffset;
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

    StorageWriter(CheckpointOutput output, ByteBuffer headerRegion, StagingRing[] rings, Compressor[] compressors,
                  ByteBuffer index, SaveControl control) {
        this.output = output;
        this.headerRegion = headerRegion;
        this.nextOffset = headerRegion.capacity();
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
            output.open();
            write(0, headerRegion, 0, headerRegion.capacity());
            drain();
            if (!control.aborted()) {
                writeMetadata();
            }
        } catch (Throwable t) {
            control.fail(t);
        } finally {
            try {
                output.closeWrites();
            } catch (RuntimeException e) {
                control.fail(e);
            }
            backgroundForces = output.backgroundForces();
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
            output.writeStorageBlock(nextOffset, slots, at, length);
            writeCalls++;
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

    private void write(long fileOffset, ByteBuffer src, int at, int length) throws IOException {
        output.write(fileOffset, src, at, length);
        writeCalls++;
    }

    /** @return storage blocks written. */
    int storageBlocks() {
        return storageBlocks;
    }

    /** @return the end of the hint section: where the trailer goes. */
    long metadataEnd() {
        return tableOffset + tableLength + hint.capacity();
    }
}
