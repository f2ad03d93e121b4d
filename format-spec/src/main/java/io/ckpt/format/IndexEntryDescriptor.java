package io.ckpt.format;

import java.nio.ByteBuffer;

import static io.ckpt.format.LittleEndian.getInt;
import static io.ckpt.format.LittleEndian.getU8;
import static io.ckpt.format.LittleEndian.putInt;
import static io.ckpt.format.LittleEndian.putLong;
import static io.ckpt.format.LittleEndian.putU8;

/**
 * One entry of the block-offset index: where page block {@code n} is stored. The index is an
 * array of {@code blockCount} entries, entry {@code n} at {@code n * LENGTH}.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |      Storage Block number (0xFFFFFFFF when ZERO)              |  0
 *  +---------------------------------------------------------------+
 *  |           Offset of the payload within the storage block      |  4
 *  +---------------------------------------------------------------+
 *  |                        Stored Length                          |  8
 *  +---------------------------------------------------------------+
 *  |          CRC32C of the uncompressed block (0 when ZERO)       | 12
 *  +---------------+-----------------------------------------------+
 *  |   Encoding    |                 Reserved (7)                  | 16
 *  +---------------+-----------------------------------------------+
 * </pre>
 *
 * <p>Thread-safety: stateless static accessors. Writers of distinct entries do not interfere.
 */
public final class IndexEntryDescriptor {
    /** Offset in an entry of the i32 storage block number. */
    public static final int STORAGE_BLOCK_OFFSET = 0;
    /** Offset in an entry of the i32 payload offset within its storage block. */
    public static final int PAYLOAD_OFFSET_OFFSET = 4;
    /** Offset in an entry of the i32 stored (encoded) length. */
    public static final int STORED_LENGTH_OFFSET = 8;
    /** Offset in an entry of the CRC32C of the uncompressed block. */
    public static final int CRC_OFFSET = 12;
    /** Offset in an entry of the u8 {@link Encoding} id. */
    public static final int ENCODING_OFFSET = 16;
    /** Offset in an entry of the 7 reserved bytes, zero on write. */
    public static final int RESERVED_OFFSET = 17;
    /** Length of one index entry. */
    public static final int LENGTH = 24;
    /** Storage block number of a block with no payload. */
    public static final int NO_STORAGE_BLOCK = -1;
    /** Largest block count: block numbers are u32 in reverse maps and the index is one mapping. */
    public static final long MAX_BLOCK_COUNT = Integer.MAX_VALUE / LENGTH;

    private IndexEntryDescriptor() {
    }

    /**
     * @param block the page block number, in {@code [0, blockCount)}
     * @return byte index of entry {@code block}.
     */
    public static int at(long block) { return (int) (block * LENGTH); }

    /**
     * @param b the index, entry 0 at index 0
     * @param block the page block number, in {@code [0, blockCount)}
     * @return the number of the storage block holding the payload, {@link #NO_STORAGE_BLOCK} for ZERO and PARENT
     */
    public static int storageBlock(ByteBuffer b, long block) { return getInt(b, at(block) + STORAGE_BLOCK_OFFSET); }
    /**
     * @param b the index, entry 0 at index 0
     * @param block the page block number, in {@code [0, blockCount)}
     * @param v the number of the storage block holding the payload, {@link #NO_STORAGE_BLOCK} for none
     */
    public static void storageBlock(ByteBuffer b, long block, int v) { putInt(b, at(block) + STORAGE_BLOCK_OFFSET, v); }
    /**
     * @param b the index, entry 0 at index 0
     * @param block the page block number, in {@code [0, blockCount)}
     * @return the payload's offset from its storage block's start, 8-byte aligned; 0 without a payload
     */
    public static int payloadOffset(ByteBuffer b, long block) { return getInt(b, at(block) + PAYLOAD_OFFSET_OFFSET); }
    /**
     * @param b the index, entry 0 at index 0
     * @param block the page block number, in {@code [0, blockCount)}
     * @return the payload's length in bytes; 0 without a payload
     */
    public static int storedLength(ByteBuffer b, long block) { return getInt(b, at(block) + STORED_LENGTH_OFFSET); }
    /**
     * @param b the index, entry 0 at index 0
     * @param block the page block number, in {@code [0, blockCount)}
     * @return the CRC32C of the block's uncompressed bytes; 0 for ZERO
     */
    public static int crc(ByteBuffer b, long block) { return getInt(b, at(block) + CRC_OFFSET); }
    /**
     * @param b the index, entry 0 at index 0
     * @param block the page block number, in {@code [0, blockCount)}
     * @return the encoding id, u8, possibly unknown
     */
    public static int encodingId(ByteBuffer b, long block) { return getU8(b, at(block) + ENCODING_OFFSET); }
    /**
     * @param b the index, entry 0 at index 0
     * @param block the page block number, in {@code [0, blockCount)}
     * @return the encoding, or null if the id is unknown.
     */
    public static Encoding encoding(ByteBuffer b, long block) { return Encoding.ofId(encodingId(b, block)); }

    /**
     * Writes every field of entry {@code block} except the storage block number; reserved bytes zeroed.
     *
     * @param b             the index, entry 0 at index 0
     * @param block the page block number, in {@code [0, blockCount)}
     * @param payloadOffset the payload's offset from its storage block's start
     * @param storedLength  the payload's length in bytes
     * @param crc           the CRC32C of the uncompressed block
     * @param encoding      how the block is stored, not null
     */
    public static void payload(ByteBuffer b, long block, int payloadOffset, int storedLength, int crc, Encoding encoding) {
        int at = at(block);
        putInt(b, at + PAYLOAD_OFFSET_OFFSET, payloadOffset);
        putInt(b, at + STORED_LENGTH_OFFSET, storedLength);
        putInt(b, at + CRC_OFFSET, crc);
        putLong(b, at + ENCODING_OFFSET, 0L);
        putU8(b, at + ENCODING_OFFSET, encoding.id());
    }

    /**
     * Writes entry {@code block} as a ZERO block.
     *
     * @param b the index, entry 0 at index 0
     * @param block the page block number, in {@code [0, blockCount)}
     */
    public static void zero(ByteBuffer b, long block) {
        storageBlock(b, block, NO_STORAGE_BLOCK);
        payload(b, block, 0, 0, 0, Encoding.ZERO);
    }

    /**
     * @param b the index, entry 0 at index 0
     * @param block the page block number, in {@code [0, blockCount)}
     * @return true if the reserved bytes of entry {@code block} are all zero.
     */
    public static boolean reservedClear(ByteBuffer b, long block) {
        return (LittleEndian.getLong(b, at(block) + ENCODING_OFFSET) & ~0xFFL) == 0;
    }

    /**
     * Validates entry {@code block} against its block length and the storage table, without
     * reading payloads. Shared by the engine's reader and the inspector's tolerant reader.
     *
     * @param index             the index
     * @param block the page block number, in {@code [0, blockCount)}
     * @param blockLength       the block's length (short for a short last block)
     * @param codec             the header's codec
     * @param incremental       the checkpoint has a parent (PARENT entries allowed)
     * @param table             the storage table
     * @param storageBlockCount entries in {@code table}
     * @return what is wrong with the entry, or null if it is valid.
     */
    public static String checkEntry(ByteBuffer index, long block, int blockLength, Codec codec, boolean incremental,
                                    ByteBuffer table, int storageBlockCount) {
        int sb = storageBlock(index, block);
        return checkEntry(sb, payloadOffset(index, block), storedLength(index, block), encodingId(index, block),
            blockLength, codec, incremental, sb >= 0 && sb < storageBlockCount ? StorageTableDescriptor.length(table, sb) : -1,
            storageBlockCount);
    }

    /**
     * As {@link #checkEntry(ByteBuffer, long, int, Codec, boolean, ByteBuffer, int)} on an
     * entry's fields already read: for a loop over a whole index, which then costs a call per
     * entry rather than one per field (it runs before the JIT has compiled it, at every restart).
     *
     * @param sb                the entry's storage block number
     * @param off               the entry's payload offset
     * @param len               the entry's stored length
     * @param encodingId        the entry's encoding id
     * @param blockLength       the block's length (short for a short last block)
     * @param codec             the header's codec
     * @param incremental       the checkpoint has a parent (PARENT entries allowed)
     * @param sbLength the length of storage block {@code sb} from the storage table, when
     *                 {@code sb} is in {@code [0, storageBlockCount)}; any value otherwise
     * @param storageBlockCount entries in the storage table
     * @return what is wrong with the entry, or null if it is valid.
     */
    public static String checkEntry(int sb, int off, int len, int encodingId, int blockLength, Codec codec,
                                    boolean incremental, int sbLength, int storageBlockCount) {
        Encoding e = Encoding.ofId(encodingId);
        if (e == null) {
            return "unknown encoding " + encodingId;
        }
        if (e == Encoding.ZERO || e == Encoding.PARENT) {
            if (sb != NO_STORAGE_BLOCK || off != 0 || len != 0) {
                return e + " block with a payload (storage block " + sb + ", offset " + off + ", length " + len + ")";
            }
            return e == Encoding.PARENT && !incremental ? "PARENT block in a checkpoint without a parent" : null;
        }
        if (sb < 0 || sb >= storageBlockCount) {
            return "storage block " + Integer.toUnsignedString(sb) + " out of range [0, " + storageBlockCount + ")";
        }
        if (off < StorageBlockDescriptor.HEADER_LENGTH || off % StorageBlockDescriptor.PAYLOAD_ALIGNMENT != 0
            || len <= 0 || (long) off + len > sbLength - StorageBlockDescriptor.MAP_ENTRY_LENGTH) {
            return "payload [" + off + ", +" + len + ") outside storage block " + sb + " of length " + sbLength;
        }
        if (e == Encoding.RAW && len != blockLength) {
            return "RAW block of stored length " + len + ", expected " + blockLength;
        }
        if (e == Encoding.LZ4 && (codec != Codec.LZ4 || len > Lz4Bounds.maxCompressedLength(blockLength))) {
            return "LZ4 block of stored length " + len + " in a " + codec + " checkpoint (bound "
                + Lz4Bounds.maxCompressedLength(blockLength) + ")";
        }
        if (e == Encoding.ZSTD && (codec != Codec.ZSTD || len >= blockLength)) {
            return "ZSTD block of stored length " + len + " in a " + codec + " checkpoint (must be below "
                + blockLength + ": a block that does not shrink is stored RAW)";
        }
        return null;
    }
}
