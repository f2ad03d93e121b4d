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
    public static final int FILE_OFFSET_OFFSET = 0;
    public static final int LENGTH_OFFSET = 8;
    public static final int ENTRY_COUNT_OFFSET = 12;
    /** Length of one table entry. */
    public static final int LENGTH = 16;

    private StorageTableDescriptor() {
    }

    public static long fileOffset(ByteBuffer b, int sb) { return getLong(b, sb * LENGTH + FILE_OFFSET_OFFSET); }
    public static int length(ByteBuffer b, int sb) { return getInt(b, sb * LENGTH + LENGTH_OFFSET); }
    public static int entryCount(ByteBuffer b, int sb) { return getInt(b, sb * LENGTH + ENTRY_COUNT_OFFSET); }

    /** Writes table entry {@code sb}. */
    public static void entry(ByteBuffer b, int sb, long fileOffset, int length, int entryCount) {
        putLong(b, sb * LENGTH + FILE_OFFSET_OFFSET, fileOffset);
        putInt(b, sb * LENGTH + LENGTH_OFFSET, length);
        putInt(b, sb * LENGTH + ENTRY_COUNT_OFFSET, entryCount);
    }
}
