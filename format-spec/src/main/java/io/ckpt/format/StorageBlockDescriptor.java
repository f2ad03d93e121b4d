package io.ckpt.format;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

import static io.ckpt.format.LittleEndian.getInt;
import static io.ckpt.format.LittleEndian.putInt;

/**
 * A storage block: the unit of write (save) and of read (lazy restore). It starts at a
 * 4 KiB-aligned file offset, holds the stored payloads of one or more page blocks, and ends
 * with its reverse map: the numbers of the page blocks it holds, in payload order.
 * It occupies {@code align(length, 4096)} bytes of the file; the padding is zero.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                        Magic "SBLK"                           |  0
 *  +---------------------------------------------------------------+
 *  |                 Entry Count (page blocks held)                |  4
 *  +---------------------------------------------------------------+
 *  |           Length (header + payloads + map, unpadded)          |  8
 *  +---------------------------------------------------------------+
 *  |                 Map Offset (from block start)                 | 12
 *  +---------------------------------------------------------------+
 *  |                  Sequence (storage block number)              | 16
 *  +---------------------------------------------------------------+
 *  |        Map CRC32C of header bytes [0, 20) then the map        | 20
 *  +---------------------------------------------------------------+
 *  |                          Reserved (8)                         | 24
 *  +---------------------------------------------------------------+
 *  |            Payloads, each starting 8-byte aligned ...         | 32
 *  +---------------------------------------------------------------+
 *  |     Reverse map: Entry Count x u32 page block number ...      | Map Offset
 *  +---------------------------------------------------------------+
 * </pre>
 *
 * <p>Thread-safety: stateless static accessors.
 */
public final class StorageBlockDescriptor {
    /** "SBLK" as a little-endian int. */
    public static final int MAGIC = 0x4B4C4253;

    /** Offset of the i32 {@link #MAGIC}. */
    public static final int MAGIC_OFFSET = 0;
    /** Offset of the i32 count of page blocks held. */
    public static final int ENTRY_COUNT_OFFSET = 4;
    /** Offset of the i32 unpadded length. */
    public static final int LENGTH_OFFSET = 8;
    /** Offset of the i32 reverse map offset, from the block's start. */
    public static final int MAP_OFFSET_OFFSET = 12;
    /** Offset of the i32 storage block number. */
    public static final int SEQUENCE_OFFSET = 16;
    /** Offset of the map CRC32C. */
    public static final int MAP_CRC_OFFSET = 20;
    /** Offset of the 8 reserved bytes, zero on write. */
    public static final int RESERVED_OFFSET = 24;
    /** Length of the storage block header; the first payload starts here. */
    public static final int HEADER_LENGTH = 32;
    /** Size of one reverse-map entry. */
    public static final int MAP_ENTRY_LENGTH = 4;
    /** Payload alignment within a storage block. */
    public static final int PAYLOAD_ALIGNMENT = 8;
    /** File alignment of every storage block. */
    public static final int FILE_ALIGNMENT = 4096;

    private StorageBlockDescriptor() {
    }

    /**
     * @param b the buffer holding the storage block
     * @param at index of the storage block's first byte in {@code b}
     * @return the magic, {@link #MAGIC} in a storage block
     */
    public static int magic(ByteBuffer b, int at) { return getInt(b, at + MAGIC_OFFSET); }
    /**
     * @param b the buffer holding the storage block
     * @param at index of the storage block's first byte in {@code b}
     * @param v the magic, {@link #MAGIC} in a storage block
     */
    public static void magic(ByteBuffer b, int at, int v) { putInt(b, at + MAGIC_OFFSET, v); }
    /**
     * @param b the buffer holding the storage block
     * @param at index of the storage block's first byte in {@code b}
     * @return the number of page blocks held, positive
     */
    public static int entryCount(ByteBuffer b, int at) { return getInt(b, at + ENTRY_COUNT_OFFSET); }
    /**
     * @param b the buffer holding the storage block
     * @param at index of the storage block's first byte in {@code b}
     * @param v the number of page blocks held, positive
     */
    public static void entryCount(ByteBuffer b, int at, int v) { putInt(b, at + ENTRY_COUNT_OFFSET, v); }
    /**
     * @param b the buffer holding the storage block
     * @param at index of the storage block's first byte in {@code b}
     * @return the length in bytes of header, payloads and reverse map, unpadded
     */
    public static int length(ByteBuffer b, int at) { return getInt(b, at + LENGTH_OFFSET); }
    /**
     * @param b the buffer holding the storage block
     * @param at index of the storage block's first byte in {@code b}
     * @param v the length in bytes of header, payloads and reverse map, unpadded
     */
    public static void length(ByteBuffer b, int at, int v) { putInt(b, at + LENGTH_OFFSET, v); }
    /**
     * @param b the buffer holding the storage block
     * @param at index of the storage block's first byte in {@code b}
     * @return the offset of the reverse map from the storage block's start
     */
    public static int mapOffset(ByteBuffer b, int at) { return getInt(b, at + MAP_OFFSET_OFFSET); }
    /**
     * @param b the buffer holding the storage block
     * @param at index of the storage block's first byte in {@code b}
     * @param v the offset of the reverse map from the storage block's start
     */
    public static void mapOffset(ByteBuffer b, int at, int v) { putInt(b, at + MAP_OFFSET_OFFSET, v); }
    /**
     * @param b the buffer holding the storage block
     * @param at index of the storage block's first byte in {@code b}
     * @return the storage block number, its index in the storage table
     */
    public static int sequence(ByteBuffer b, int at) { return getInt(b, at + SEQUENCE_OFFSET); }
    /**
     * @param b the buffer holding the storage block
     * @param at index of the storage block's first byte in {@code b}
     * @param v the storage block number, its index in the storage table
     */
    public static void sequence(ByteBuffer b, int at, int v) { putInt(b, at + SEQUENCE_OFFSET, v); }
    /**
     * @param b the buffer holding the storage block
     * @param at index of the storage block's first byte in {@code b}
     * @return the CRC32C of header bytes {@code [0, MAP_CRC_OFFSET)} then the reverse map
     */
    public static int mapCrc(ByteBuffer b, int at) { return getInt(b, at + MAP_CRC_OFFSET); }
    /**
     * @param b the buffer holding the storage block
     * @param at index of the storage block's first byte in {@code b}
     * @param v the CRC32C of header bytes {@code [0, MAP_CRC_OFFSET)} then the reverse map
     */
    public static void mapCrc(ByteBuffer b, int at, int v) { putInt(b, at + MAP_CRC_OFFSET, v); }
    /**
     * @param b the buffer holding the storage block
     * @param at index of the storage block's first byte in {@code b}
     * @param i the entry, in {@code [0, entryCount)}
     * @return the page block number of reverse-map entry {@code i}.
     */
    public static int mapEntry(ByteBuffer b, int at, int i) { return getInt(b, at + mapOffset(b, at) + i * MAP_ENTRY_LENGTH); }

    /**
     * Smallest storage block that holds two incompressible page blocks of {@code blockBytes}
     * (the patent's "at least twice the block size"), rounded up to the file alignment.
     *
     * @param blockBytes the page block size in bytes
     * @return the smallest valid storage block size, a multiple of {@link #FILE_ALIGNMENT}
     */
    public static int minimumSize(int blockBytes) {
        long min = HEADER_LENGTH + 2L * (blockBytes + PAYLOAD_ALIGNMENT + MAP_ENTRY_LENGTH);
        return (int) align(min, FILE_ALIGNMENT);
    }

    /**
     * @param value     the value to round, non-negative
     * @param alignment the alignment, a power of two
     * @return {@code value} rounded up to a multiple of {@code alignment} (a power of two).
     */
    public static long align(long value, int alignment) {
        return (value + alignment - 1) & -(long) alignment;
    }

    /**
     * @param b the buffer holding the storage block
     * @param at index of the storage block's first byte in {@code b}
     * @return CRC32C of header bytes [0, 20) followed by the reverse map of the block at {@code at}.
     */
    public static int computeMapCrc(ByteBuffer b, int at) {
        CRC32C crc = new CRC32C();
        crc.update(b.duplicate().limit(at + MAP_CRC_OFFSET).position(at));
        int mapStart = at + mapOffset(b, at);
        crc.update(b.duplicate().limit(mapStart + entryCount(b, at) * MAP_ENTRY_LENGTH).position(mapStart));
        return (int) crc.getValue();
    }

    /**
     * Validates the storage block header and reverse map at {@code at}.
     *
     * @param b          buffer holding the whole storage block.
     * @param at         index of the storage block's first byte in {@code b}.
     * @param available  bytes of the storage block present in {@code b} (its table length).
     * @param sequence   expected sequence number.
     * @param fileOffset file offset of the storage block, for messages.
     * @throws CorruptCheckpointException if anything does not match.
     */
    public static void check(ByteBuffer b, int at, int available, int sequence, long fileOffset)
        throws CorruptCheckpointException {
        String name = "storage block " + sequence;
        if (available < HEADER_LENGTH) {
            throw new CorruptCheckpointException(name, fileOffset, "length " + available + " below header length");
        }
        if (magic(b, at) != MAGIC) {
            throw new CorruptCheckpointException(name, fileOffset,
                String.format("bad magic 0x%08x, expected 0x%08x", magic(b, at), MAGIC));
        }
        int count = entryCount(b, at);
        int length = length(b, at);
        int mapOffset = mapOffset(b, at);
        if (length != available || count <= 0 || mapOffset < HEADER_LENGTH
            || (long) mapOffset + (long) count * MAP_ENTRY_LENGTH != length) {
            throw new CorruptCheckpointException(name, fileOffset, "inconsistent header: entries=" + count
                + " length=" + length + " mapOffset=" + mapOffset + " tableLength=" + available);
        }
        if (sequence(b, at) != sequence) {
            throw new CorruptCheckpointException(name, fileOffset, "sequence " + sequence(b, at) + ", expected " + sequence);
        }
        int expected = computeMapCrc(b, at);
        if (mapCrc(b, at) != expected) {
            throw new CorruptCheckpointException(name, fileOffset, String.format(
                "map checksum mismatch: expected 0x%08x, found 0x%08x", mapCrc(b, at), expected));
        }
    }
}
