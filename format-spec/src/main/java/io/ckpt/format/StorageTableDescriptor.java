package io.ckpt.format;

import java.nio.ByteBuffer;

import static io.ckpt.format.LittleEndian.getInt;
import static io.ckpt.format.LittleEndian.getLong;
import static io.ckpt.format.LittleEndian.putInt;
import static io.ckpt.format.LittleEndian.putLong;

/**
 * One entry of the storage-block table: where storage block {@code s} lies in the file.
 * The table is an array of entries, entry {@code s} at {@code s * LENGTH}.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                       File Offset (8)                         |  0
 *  +---------------------------------------------------------------+
 *  |              Length (unpadded, as in its header)              |  8
 *  +---------------------------------------------------------------+
 *  |                 Entry Count (page blocks held)                | 12
 *  +---------------------------------------------------------------+
 * </pre>
 *
 * <p>Thread-safety: stateless static accessors.
 */
public final class StorageTableDescriptor {
    /** Offset in an entry of the u64 file offset of the storage block. */
    public static final int FILE_OFFSET_OFFSET = 0;
    /** Offset in an entry of the i32 unpadded storage block length. */
    public static final int LENGTH_OFFSET = 8;
    /** Offset in an entry of the i32 count of page blocks held. */
    public static final int ENTRY_COUNT_OFFSET = 12;
    /** Length of one table entry. */
    public static final int LENGTH = 16;

    private StorageTableDescriptor() {
    }

    /**
     * @param b the storage table, entry 0 at index 0
     * @param sb the storage block number, in {@code [0, tableLength / LENGTH)}
     * @return the storage block's file offset, 4 KiB aligned
     */
    public static long fileOffset(ByteBuffer b, int sb) { return getLong(b, sb * LENGTH + FILE_OFFSET_OFFSET); }
    /**
     * @param b the storage table, entry 0 at index 0
     * @param sb the storage block number, in {@code [0, tableLength / LENGTH)}
     * @return the storage block's unpadded length in bytes, as in its own header
     */
    public static int length(ByteBuffer b, int sb) { return getInt(b, sb * LENGTH + LENGTH_OFFSET); }
    /**
     * @param b the storage table, entry 0 at index 0
     * @param sb the storage block number, in {@code [0, tableLength / LENGTH)}
     * @return the number of page blocks the storage block holds
     */
    public static int entryCount(ByteBuffer b, int sb) { return getInt(b, sb * LENGTH + ENTRY_COUNT_OFFSET); }

    /**
     * Writes table entry {@code sb}.
     *
     * @param b          the storage table, entry 0 at index 0
     * @param sb the storage block number, in {@code [0, tableLength / LENGTH)}
     * @param fileOffset the storage block's file offset, 4 KiB aligned
     * @param length     the storage block's unpadded length in bytes
     * @param entryCount the number of page blocks it holds
     */
    public static void entry(ByteBuffer b, int sb, long fileOffset, int length, int entryCount) {
        putLong(b, sb * LENGTH + FILE_OFFSET_OFFSET, fileOffset);
        putInt(b, sb * LENGTH + LENGTH_OFFSET, length);
        putInt(b, sb * LENGTH + ENTRY_COUNT_OFFSET, entryCount);
    }

    /**
     * Validates entry {@code sb}: 4 KiB aligned, after the previous storage block, inside the
     * data region, of a length between a header with one map entry and the storage block size.
     *
     * @param b                the storage table, entry 0 at index 0
     * @param sb the storage block number, in {@code [0, tableLength / LENGTH)}
     * @param previousEnd      where the previous storage block's padded extent ends (4096 for the first)
     * @param dataEnd          where the data region ends (the index offset)
     * @param storageBlockSize the header's storage block size
     * @return what is wrong with the entry, or null if it is valid.
     */
    public static String checkEntry(ByteBuffer b, int sb, long previousEnd, long dataEnd, int storageBlockSize) {
        long off = fileOffset(b, sb);
        int len = length(b, sb);
        int count = entryCount(b, sb);
        if (off < previousEnd || off % StorageBlockDescriptor.FILE_ALIGNMENT != 0
            || len < StorageBlockDescriptor.HEADER_LENGTH + StorageBlockDescriptor.MAP_ENTRY_LENGTH
            || len > storageBlockSize || count <= 0 || len > dataEnd - off) {
            return "storage block extent invalid: offset=" + off + " length=" + len + " entries=" + count
                + " (previous end " + previousEnd + ", data end " + dataEnd + ", storage block size "
                + storageBlockSize + ")";
        }
        return null;
    }

    /**
     * @param b the storage table, entry 0 at index 0
     * @param sb the storage block number, in {@code [0, tableLength / LENGTH)}
     * @return where entry {@code sb}'s storage block ends, padded to the file alignment.
     */
    public static long paddedEnd(ByteBuffer b, int sb) {
        return fileOffset(b, sb) + StorageBlockDescriptor.align(length(b, sb), StorageBlockDescriptor.FILE_ALIGNMENT);
    }
}
