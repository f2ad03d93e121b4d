package io.ckpt.format;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

import static io.ckpt.format.LittleEndian.getInt;
import static io.ckpt.format.LittleEndian.getLong;
import static io.ckpt.format.LittleEndian.putInt;
import static io.ckpt.format.LittleEndian.putLong;

/**
 * The trailer: the last {@link #LENGTH} bytes of the file, written last. A file without a
 * valid trailer was never committed and must not be read.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                      Index Offset (8)                         |  0
 *  +---------------------------------------------------------------+
 *  |                      Index Length (8)                         |  8
 *  +---------------------------------------------------------------+
 *  |                  Storage Table Offset (8)                     | 16
 *  +---------------------------------------------------------------+
 *  |                  Storage Table Length (8)                     | 24
 *  +---------------------------------------------------------------+
 *  |                   Hint Section Offset (8)                     | 32
 *  +---------------------------------------------------------------+
 *  |                    Hint Section Length                        | 40
 *  +---------------------------------------------------------------+
 *  |               Checksum Algorithm (1 = CRC32C)                 | 44
 *  +---------------------------------------------------------------+
 *  |                  Index CRC32C (index bytes)                   | 48
 *  +---------------------------------------------------------------+
 *  |     Table CRC32C (storage table bytes, then hint bytes)       | 52
 *  +---------------------------------------------------------------+
 *  |  Trailer CRC32C (header [0,124), then trailer [0,56))         | 56
 *  +---------------------------------------------------------------+
 *  |                    Commit Magic "DONE"                        | 60
 *  +---------------------------------------------------------------+
 * </pre>
 *
 * <p>Thread-safety: stateless static accessors.
 */
public final class TrailerDescriptor {
    /** "DONE" as a little-endian int. */
    public static final int COMMIT_MAGIC = 0x454E4F44;
    /** Checksum algorithm id for CRC32C (Castagnoli). */
    public static final int CHECKSUM_CRC32C = 1;

    public static final int INDEX_OFFSET_OFFSET = 0;
    public static final int INDEX_LENGTH_OFFSET = 8;
    public static final int TABLE_OFFSET_OFFSET = 16;
    public static final int TABLE_LENGTH_OFFSET = 24;
    public static final int HINT_OFFSET_OFFSET = 32;
    public static final int HINT_LENGTH_OFFSET = 40;
    public static final int CHECKSUM_ALGORITHM_OFFSET = 44;
    public static final int INDEX_CRC_OFFSET = 48;
    public static final int TABLE_CRC_OFFSET = 52;
    public static final int TRAILER_CRC_OFFSET = 56;
    public static final int COMMIT_MAGIC_OFFSET = 60;
    /** Length of the trailer. */
    public static final int LENGTH = 64;

    private TrailerDescriptor() {
    }

    public static long indexOffset(ByteBuffer b) { return getLong(b, INDEX_OFFSET_OFFSET); }
    public static void indexOffset(ByteBuffer b, long v) { putLong(b, INDEX_OFFSET_OFFSET, v); }
    public static long indexLength(ByteBuffer b) { return getLong(b, INDEX_LENGTH_OFFSET); }
    public static void indexLength(ByteBuffer b, long v) { putLong(b, INDEX_LENGTH_OFFSET, v); }
    public static long tableOffset(ByteBuffer b) { return getLong(b, TABLE_OFFSET_OFFSET); }
    public static void tableOffset(ByteBuffer b, long v) { putLong(b, TABLE_OFFSET_OFFSET, v); }
    public static long tableLength(ByteBuffer b) { return getLong(b, TABLE_LENGTH_OFFSET); }
    public static void tableLength(ByteBuffer b, long v) { putLong(b, TABLE_LENGTH_OFFSET, v); }
    public static long hintOffset(ByteBuffer b) { return getLong(b, HINT_OFFSET_OFFSET); }
    public static void hintOffset(ByteBuffer b, long v) { putLong(b, HINT_OFFSET_OFFSET, v); }
    public static long hintLength(ByteBuffer b) { return Integer.toUnsignedLong(getInt(b, HINT_LENGTH_OFFSET)); }
    public static void hintLength(ByteBuffer b, int v) { putInt(b, HINT_LENGTH_OFFSET, v); }
    public static int checksumAlgorithm(ByteBuffer b) { return getInt(b, CHECKSUM_ALGORITHM_OFFSET); }
    public static void checksumAlgorithm(ByteBuffer b, int v) { putInt(b, CHECKSUM_ALGORITHM_OFFSET, v); }
    public static int indexCrc(ByteBuffer b) { return getInt(b, INDEX_CRC_OFFSET); }
    public static void indexCrc(ByteBuffer b, int v) { putInt(b, INDEX_CRC_OFFSET, v); }
    public static int tableCrc(ByteBuffer b) { return getInt(b, TABLE_CRC_OFFSET); }
    public static void tableCrc(ByteBuffer b, int v) { putInt(b, TABLE_CRC_OFFSET, v); }
    public static int trailerCrc(ByteBuffer b) { return getInt(b, TRAILER_CRC_OFFSET); }
    public static void trailerCrc(ByteBuffer b, int v) { putInt(b, TRAILER_CRC_OFFSET, v); }
    public static int commitMagic(ByteBuffer b) { return getInt(b, COMMIT_MAGIC_OFFSET); }
    public static void commitMagic(ByteBuffer b, int v) { putInt(b, COMMIT_MAGIC_OFFSET, v); }

    /**
     * @return CRC32C of header bytes [0, HEADER_CRC_OFFSET) then trailer bytes [0, TRAILER_CRC_OFFSET).
     *         The header's own CRC is left out: a CRC32C over data followed by its CRC is a
     *         constant, which would make the trailer independent of the header.
     */
    public static int computeTrailerCrc(ByteBuffer header, ByteBuffer trailer) {
        CRC32C crc = new CRC32C();
        crc.update(header.duplicate().limit(HeaderDescriptor.HEADER_CRC_OFFSET).position(0));
        crc.update(trailer.duplicate().limit(TRAILER_CRC_OFFSET).position(0));
        return (int) crc.getValue();
    }
}
