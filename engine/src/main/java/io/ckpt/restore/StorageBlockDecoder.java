package io.ckpt.restore;

import java.nio.ByteBuffer;

import io.ckpt.codec.BlockDecoder;
import io.ckpt.format.CheckpointMetadata;
import io.ckpt.format.CorruptCheckpointException;
import io.ckpt.format.IndexEntryDescriptor;
import io.ckpt.format.StorageBlockDescriptor;
import io.ckpt.io.MappedCheckpoint;

/**
 * Reads one storage block of a mapped checkpoint: checks its header and reverse map against
 * the index, then decodes page blocks out of it. Shared by eager restore and verify.
 *
 * <p>Thread-safety: single-threaded (owns a {@link BlockDecoder}); one per thread.
 */
public final class StorageBlockDecoder {
    private final MappedCheckpoint file;
    private final CheckpointMetadata meta;
    private final ByteBuffer index;
    private final BlockDecoder decoder = new BlockDecoder();

    /**
     * A decoder of the storage blocks of {@code file}, for the calling thread.
     *
     * @param file the mapped checkpoint, open for as long as this decoder is used
     */
    public StorageBlockDecoder(MappedCheckpoint file) {
        this.file = file;
        this.meta = file.metadata();
        this.index = meta.index();
    }

    /**
     * Checks storage block {@code sb}'s header, map checksum, and that every block its map
     * names is placed in it by the index.
     *
     * @param sb the storage block number, in {@code [0, storageBlockCount)}
     * @throws CorruptCheckpointException if the header, map checksum or map does not match
     */
    public void check(int sb) throws CorruptCheckpointException {
        checkStorageBlock(file.window(sb), file.offsetInWindow(sb), meta, index, sb);
    }

    /**
     * Checks the header and map checksum of storage block {@code sb}, held in {@code buffer}
     * from index {@code at}, and that every block its map names is placed in it by the index.
     *
     * @param buffer the buffer holding the storage block
     * @param at     the index of the storage block's first byte in {@code buffer}
     * @param meta   the checkpoint's validated metadata
     * @param index  the checkpoint's index
     * @param sb     the storage block number, in {@code [0, storageBlockCount)}
     * @throws CorruptCheckpointException if the header, map checksum or map does not match
     */
    public static void checkStorageBlock(ByteBuffer buffer, int at, CheckpointMetadata meta, ByteBuffer index, int sb)
        throws CorruptCheckpointException {
        long fileOffset = meta.storageBlockOffset(sb);
        StorageBlockDescriptor.check(buffer, at, meta.storageBlockLength(sb), sb, fileOffset);
        int count = StorageBlockDescriptor.entryCount(buffer, at);
        for (int i = 0; i < count; i++) {
            int block = StorageBlockDescriptor.mapEntry(buffer, at, i);
            if (block < 0 || block >= meta.blockCount() || IndexEntryDescriptor.storageBlock(index, block) != sb) {
                throw new CorruptCheckpointException("storage block " + sb, fileOffset,
                    "reverse map entry " + i + " names block " + Integer.toUnsignedString(block)
                        + ", which the index does not place in this storage block");
            }
        }
    }

    /**
     * Decodes page block {@code block} (held by storage block {@code sb}) into {@code dst}.
     *
     * @param sb        the storage block holding the block
     * @param block     the page block number
     * @param dst       where the decoded block goes
     * @param dstOffset the index in {@code dst} of the block's first byte; {@code blockLength(block)} bytes are written
     * @param verify    true to check the block's CRC32C
     * @throws CorruptCheckpointException on malformed data or a checksum mismatch.
     */
    public void decode(int sb, int block, ByteBuffer dst, int dstOffset, boolean verify) throws CorruptCheckpointException {
        int off = IndexEntryDescriptor.payloadOffset(index, block);
        decoder.decode(IndexEntryDescriptor.encoding(index, block), file.window(sb), file.offsetInWindow(sb) + off,
            IndexEntryDescriptor.storedLength(index, block), dst, dstOffset, meta.blockLength(block), verify,
            IndexEntryDescriptor.crc(index, block), block, meta.storageBlockOffset(sb) + off, meta);
    }
}
