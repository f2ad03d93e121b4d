package io.ckpt.restore;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.util.function.LongConsumer;

import io.ckpt.format.CheckpointMetadata;
import io.ckpt.format.CorruptCheckpointException;
import io.ckpt.format.HeaderDescriptor;
import io.ckpt.format.ParentReferenceDescriptor;
import io.ckpt.format.StorageBlockDescriptor;
import io.ckpt.io.MappedCheckpoint;
import org.agrona.BufferUtil;

/**
 * Checks every checksum of a checkpoint file without an arena: header, trailer, index, table,
 * each storage block's header and map, and each page block's CRC32C after decoding it into a
 * scratch buffer; and that the bytes no checksum covers (header region rest, storage block
 * padding) are zero.
 *
 * <p>Thread-safety: {@link #verify} may be called from any thread.
 */
public final class CheckpointVerifier {
    private CheckpointVerifier() {
    }

    /**
     * What a successful verify checked.
     *
     * @param blocks        page blocks checked
     * @param storageBlocks storage blocks checked
     * @param bytesDecoded  uncompressed bytes decoded and checksummed
     * @param nanos         time taken
     */
    public record Report(long blocks, int storageBlocks, long bytesDecoded, long nanos) {
    }

    /**
     * @param e a failure of {@link #verify}
     * @return true if {@code e} is about padding no checksum covers (harmless to a restore).
     */
    public static boolean isPadding(CorruptCheckpointException e) {
        return e.structure().equals("header region") || e.structure().endsWith(" padding");
    }

    /**
     * Checks the bytes no checksum covers: the rest of the header region and the padding
     * after each storage block must be zero (FORMAT.md). A non-zero byte there is harmless to a
     * restore but means the file was damaged or written by something else.
     */
    static void checkPadding(CheckpointMetadata meta) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(StorageBlockDescriptor.FILE_ALIGNMENT);
        try (FileChannel ch = FileChannel.open(meta.path(), StandardOpenOption.READ)) {
            long headerEnd = meta.parentName() == null ? HeaderDescriptor.LENGTH
                : ParentReferenceDescriptor.NAME_OFFSET + meta.parentName().getBytes(StandardCharsets.UTF_8).length;
            checkZero(ch, buf, headerEnd, HeaderDescriptor.REGION_LENGTH, "header region");
            if (meta.dictionaryLength() > 0) {
                checkZero(ch, buf, io.ckpt.format.DictionaryDescriptor.OFFSET + meta.dictionaryLength(), meta.dataOffset(),
                    "dictionary padding");
            }
            for (int sb = 0; sb < meta.storageBlockCount(); sb++) {
                long start = meta.storageBlockOffset(sb) + meta.storageBlockLength(sb);
                checkZero(ch, buf, start, StorageBlockDescriptor.align(start, StorageBlockDescriptor.FILE_ALIGNMENT),
                    "storage block " + sb + " padding");
            }
        }
    }

    private static void checkZero(FileChannel ch, ByteBuffer buf, long from, long to, String what) throws IOException {
        while (from < to) {
            buf.clear().limit((int) Math.min(buf.capacity(), to - from));
            int n = ch.read(buf, from);
            if (n <= 0) {
                throw new CorruptCheckpointException(what, from, "file ends at " + ch.size() + "; truncated?");
            }
            for (int i = 0; i < n; i++) {
                if (buf.get(i) != 0) {
                    throw new CorruptCheckpointException(what, from + i, String.format(
                        "byte 0x%02x where the format requires zero padding", buf.get(i)));
                }
            }
            from += n;
        }
    }

    /**
     * As {@link #verify(Path, LongConsumer)} without progress.
     *
     * @param file the checkpoint file
     * @return what was checked
     * @throws IOException if the file cannot be read, or on the first damage found
     *   ({@link io.ckpt.format.CorruptCheckpointException})
     */
    public static Report verify(Path file) throws IOException {
        return verify(file, null);
    }

    /**
     * @param file     the checkpoint file
     * @param progress called with the number of storage blocks checked so far, or null.
     * @return what was checked
     * @throws io.ckpt.format.CorruptCheckpointException naming the first damaged structure and its offset.
     * @throws IOException if the file cannot be read
     */
    public static Report verify(Path file, LongConsumer progress) throws IOException {
        long t0 = System.nanoTime();
        CheckpointMetadata meta = CheckpointMetadata.read(file);
        return verify(meta, progress, t0);
    }

    /**
     * As {@link #verify(Path, LongConsumer)} for a checkpoint in any store: one from a store other
     * than the local disk is read storage block by storage block (one ranged GET each), padding included.
     *
     * @param location the checkpoint, in any store
     * @param progress called with the number of storage blocks checked so far, or null.
     * @return what was checked
     * @throws IOException if the checkpoint cannot be read, or on the first damage found
     *   ({@link io.ckpt.format.CorruptCheckpointException})
     */
    public static Report verify(io.ckpt.store.CheckpointLocation location, LongConsumer progress) throws IOException {
        long t0 = System.nanoTime();
        if (location.file() != null) {
            return verify(location.file(), progress);
        }
        CheckpointMetadata meta = location.readMetadata();
        StorageBlockMap map = StorageBlockMap.of(meta);
        ByteBuffer scratch = ByteBuffer.allocateDirect(meta.blockBytes());
        ByteBuffer sbuf = ByteBuffer.allocateDirect(meta.storageBlockSize() + StorageBlockDescriptor.FILE_ALIGNMENT)
            .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        io.ckpt.codec.BlockDecoder decoder = new io.ckpt.codec.BlockDecoder();
        ByteBuffer index = meta.index();
        long decoded = 0;
        try (io.ckpt.store.CheckpointReader reader = location.openReader()) {
            long headerEnd = meta.parentName() == null ? HeaderDescriptor.LENGTH
                : ParentReferenceDescriptor.NAME_OFFSET + meta.parentName().getBytes(StandardCharsets.UTF_8).length;
            ByteBuffer region = ByteBuffer.allocate(HeaderDescriptor.REGION_LENGTH);
            reader.readFully(region, 0, "header region");
            checkZero(region, (int) headerEnd, HeaderDescriptor.REGION_LENGTH, 0, "header region");
            for (int sb = 0; sb < meta.storageBlockCount(); sb++) {
                long at = meta.storageBlockOffset(sb);
                int length = meta.storageBlockLength(sb);
                int padded = (int) StorageBlockDescriptor.align(length, StorageBlockDescriptor.FILE_ALIGNMENT);
                reader.readFully(sbuf.clear().limit(padded), at, "storage block " + sb);
                sbuf.clear();
                checkZero(sbuf, length, padded, at, "storage block " + sb + " padding");
                StorageBlockDecoder.checkStorageBlock(sbuf, 0, meta, index, sb);
                for (int i = 0, n = map.count(sb); i < n; i++) {
                    int block = map.block(sb, i);
                    int off = io.ckpt.format.IndexEntryDescriptor.payloadOffset(index, block);
                    decoder.decode(io.ckpt.format.IndexEntryDescriptor.encoding(index, block), sbuf, off,
                        io.ckpt.format.IndexEntryDescriptor.storedLength(index, block), scratch, 0, meta.blockLength(block),
                        true, io.ckpt.format.IndexEntryDescriptor.crc(index, block), block, at + off, meta);
                    decoded += meta.blockLength(block);
                }
                if (progress != null) {
                    progress.accept(sb + 1);
                }
            }
        } finally {
            BufferUtil.free(scratch);
            BufferUtil.free(sbuf);
        }
        return new Report(meta.blockCount(), meta.storageBlockCount(), decoded, System.nanoTime() - t0);
    }

    private static void checkZero(ByteBuffer b, int from, int to, long base, String what) throws CorruptCheckpointException {
        for (int i = from; i < to; i++) {
            if (b.get(i) != 0) {
                throw new CorruptCheckpointException(what, base + i, String.format(
                    "byte 0x%02x where the format requires zero padding", b.get(i)));
            }
        }
    }

    private static Report verify(CheckpointMetadata meta, LongConsumer progress, long t0) throws IOException {
        StorageBlockMap map = StorageBlockMap.of(meta);
        ByteBuffer scratch = ByteBuffer.allocateDirect(meta.blockBytes());
        long decoded = 0;
        checkPadding(meta);
        try (MappedCheckpoint mapped = MappedCheckpoint.open(meta)) {
            StorageBlockDecoder decoder = new StorageBlockDecoder(mapped);
            for (int sb = 0; sb < meta.storageBlockCount(); sb++) {
                decoder.check(sb);
                for (int i = 0, n = map.count(sb); i < n; i++) {
                    int block = map.block(sb, i);
                    decoder.decode(sb, block, scratch, 0, true);
                    decoded += meta.blockLength(block);
                }
                if (progress != null) {
                    progress.accept(sb + 1);
                }
            }
        } finally {
            BufferUtil.free(scratch);
        }
        return new Report(meta.blockCount(), meta.storageBlockCount(), decoded, System.nanoTime() - t0);
    }
}
