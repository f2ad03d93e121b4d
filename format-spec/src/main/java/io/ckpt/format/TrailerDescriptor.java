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

    /** Offset of the u64 index file offset. */
    public static final int INDEX_OFFSET_OFFSET = 0;
    /** Offset of the u64 index length. */
    public static final int INDEX_LENGTH_OFFSET = 8;
    /** Offset of the u64 storage table file offset. */
    public static final int TABLE_OFFSET_OFFSET = 16;
    /** Offset of the u64 storage table length. */
    public static final int TABLE_LENGTH_OFFSET = 24;
    /** Offset of the u64 hint section file offset. */
    public static final int HINT_OFFSET_OFFSET = 32;
    /** Offset of the u32 hint section length. */
    public static final int HINT_LENGTH_OFFSET = 40;
    /** Offset of the i32 checksum algorithm id. */
    public static final int CHECKSUM_ALGORITHM_OFFSET = 44;
    /** Offset of the index CRC32C. */
    public static final int INDEX_CRC_OFFSET = 48;
    /** Offset of the CRC32C of the storage table and hint section. */
    public static final int TABLE_CRC_OFFSET = 52;
    /** Offset of the trailer CRC32C (header and trailer bytes before it). */
    public static final int TRAILER_CRC_OFFSET = 56;
    /** Offset of the commit magic {@link #COMMIT_MAGIC}, the last field written. */
    public static final int COMMIT_MAGIC_OFFSET = 60;
    /** Length of the trailer. */
    public static final int LENGTH = 64;

    private TrailerDescriptor() {
    }

    /**
     * @param b the trailer, the file's last {@link #LENGTH} bytes (absolute indices from 0; position and byte order ignored)
     * @return the file offset of the block-offset index
     */
    public static long indexOffset(ByteBuffer b) { return getLong(b, INDEX_OFFSET_OFFSET); }
    /**
     * @param b the trailer, the file's last {@link #LENGTH} bytes (absolute indices from 0; position and byte order ignored)
     * @param v the file offset of the block-offset index
     */
    public static void indexOffset(ByteBuffer b, long v) { putLong(b, INDEX_OFFSET_OFFSET, v); }
    /**
     * @param b the trailer, the file's last {@link #LENGTH} bytes (absolute indices from 0; position and byte order ignored)
     * @return the index length in bytes, {@code blockCount * IndexEntryDescriptor.LENGTH}
     */
    public static long indexLength(ByteBuffer b) { return getLong(b, INDEX_LENGTH_OFFSET); }
    /**
     * @param b the trailer, the file's last {@link #LENGTH} bytes (absolute indices from 0; position and byte order ignored)
     * @param v the index length in bytes, {@code blockCount * IndexEntryDescriptor.LENGTH}
     */
    public static void indexLength(ByteBuffer b, long v) { putLong(b, INDEX_LENGTH_OFFSET, v); }
    /**
     * @param b the trailer, the file's last {@link #LENGTH} bytes (absolute indices from 0; position and byte order ignored)
     * @return the file offset of the storage-block table, right after the index
     */
    public static long tableOffset(ByteBuffer b) { return getLong(b, TABLE_OFFSET_OFFSET); }
    /**
     * @param b the trailer, the file's last {@link #LENGTH} bytes (absolute indices from 0; position and byte order ignored)
     * @param v the file offset of the storage-block table, right after the index
     */
    public static void tableOffset(ByteBuffer b, long v) { putLong(b, TABLE_OFFSET_OFFSET, v); }
    /**
     * @param b the trailer, the file's last {@link #LENGTH} bytes (absolute indices from 0; position and byte order ignored)
     * @return the storage-block table length in bytes, a multiple of {@link StorageTableDescriptor#LENGTH}
     */
    public static long tableLength(ByteBuffer b) { return getLong(b, TABLE_LENGTH_OFFSET); }
    /**
     * @param b the trailer, the file's last {@link #LENGTH} bytes (absolute indices from 0; position and byte order ignored)
     * @param v the storage-block table length in bytes, a multiple of {@link StorageTableDescriptor#LENGTH}
     */
    public static void tableLength(ByteBuffer b, long v) { putLong(b, TABLE_LENGTH_OFFSET, v); }
    /**
     * @param b the trailer, the file's last {@link #LENGTH} bytes (absolute indices from 0; position and byte order ignored)
     * @return the file offset of the hint section, right after the storage table
     */
    public static long hintOffset(ByteBuffer b) { return getLong(b, HINT_OFFSET_OFFSET); }
    /**
     * @param b the trailer, the file's last {@link #LENGTH} bytes (absolute indices from 0; position and byte order ignored)
     * @param v the file offset of the hint section, right after the storage table
     */
    public static void hintOffset(ByteBuffer b, long v) { putLong(b, HINT_OFFSET_OFFSET, v); }
    /**
     * @param b the trailer, the file's last {@link #LENGTH} bytes (absolute indices from 0; position and byte order ignored)
     * @return the hint section length in bytes (u32, widened), a multiple of 4; 0 for no hint
     */
    public static long hintLength(ByteBuffer b) { return Integer.toUnsignedLong(getInt(b, HINT_LENGTH_OFFSET)); }
    /**
     * @param b the trailer, the file's last {@link #LENGTH} bytes (absolute indices from 0; position and byte order ignored)
     * @param v the hint section length in bytes, a multiple of 4; 0 for no hint
     */
    public static void hintLength(ByteBuffer b, int v) { putInt(b, HINT_LENGTH_OFFSET, v); }
    /**
     * @param b the trailer, the file's last {@link #LENGTH} bytes (absolute indices from 0; position and byte order ignored)
     * @return the checksum algorithm id, {@link #CHECKSUM_CRC32C} in v1
     */
    public static int checksumAlgorithm(ByteBuffer b) { return getInt(b, CHECKSUM_ALGORITHM_OFFSET); }
    /**
     * @param b the trailer, the file's last {@link #LENGTH} bytes (absolute indices from 0; position and byte order ignored)
     * @param v the checksum algorithm id, {@link #CHECKSUM_CRC32C} in v1
     */
    public static void checksumAlgorithm(ByteBuffer b, int v) { putInt(b, CHECKSUM_ALGORITHM_OFFSET, v); }
    /**
     * @param b the trailer, the file's last {@link #LENGTH} bytes (absolute indices from 0; position and byte order ignored)
     * @return the CRC32C of the index bytes
     */
    public static int indexCrc(ByteBuffer b) { return getInt(b, INDEX_CRC_OFFSET); }
    /**
     * @param b the trailer, the file's last {@link #LENGTH} bytes (absolute indices from 0; position and byte order ignored)
     * @param v the CRC32C of the index bytes
     */
    public static void indexCrc(ByteBuffer b, int v) { putInt(b, INDEX_CRC_OFFSET, v); }
    /**
     * @param b the trailer, the file's last {@link #LENGTH} bytes (absolute indices from 0; position and byte order ignored)
     * @return the CRC32C of the storage table bytes followed by the hint section bytes
     */
    public static int tableCrc(ByteBuffer b) { return getInt(b, TABLE_CRC_OFFSET); }
    /**
     * @param b the trailer, the file's last {@link #LENGTH} bytes (absolute indices from 0; position and byte order ignored)
     * @param v the CRC32C of the storage table bytes followed by the hint section bytes
     */
    public static void tableCrc(ByteBuffer b, int v) { putInt(b, TABLE_CRC_OFFSET, v); }
    /**
     * @param b the trailer, the file's last {@link #LENGTH} bytes (absolute indices from 0; position and byte order ignored)
     * @return the CRC32C of header bytes {@code [0, 124)} then trailer bytes {@code [0, TRAILER_CRC_OFFSET)}
     */
    public static int trailerCrc(ByteBuffer b) { return getInt(b, TRAILER_CRC_OFFSET); }
    /**
     * @param b the trailer, the file's last {@link #LENGTH} bytes (absolute indices from 0; position and byte order ignored)
     * @param v the CRC32C of header bytes {@code [0, 124)} then trailer bytes {@code [0, TRAILER_CRC_OFFSET)}
     */
    public static void trailerCrc(ByteBuffer b, int v) { putInt(b, TRAILER_CRC_OFFSET, v); }
    /**
     * @param b the trailer, the file's last {@link #LENGTH} bytes (absolute indices from 0; position and byte order ignored)
     * @return the commit magic, {@link #COMMIT_MAGIC} in a committed file
     */
    public static int commitMagic(ByteBuffer b) { return getInt(b, COMMIT_MAGIC_OFFSET); }
    /**
     * @param b the trailer, the file's last {@link #LENGTH} bytes (absolute indices from 0; position and byte order ignored)
     * @param v the commit magic, {@link #COMMIT_MAGIC} in a committed file
     */
    public static void commitMagic(ByteBuffer b, int v) { putInt(b, COMMIT_MAGIC_OFFSET, v); }

    /**
     * @param header  the header struct, from file offset 0
     * @param trailer the trailer, from its first byte
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
