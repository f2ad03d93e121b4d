package io.ckpt.format;

import java.nio.ByteBuffer;
import java.util.UUID;
import java.util.zip.CRC32C;

import static io.ckpt.format.LittleEndian.getInt;
import static io.ckpt.format.LittleEndian.getLong;
import static io.ckpt.format.LittleEndian.getU16;
import static io.ckpt.format.LittleEndian.getU8;
import static io.ckpt.format.LittleEndian.putInt;
import static io.ckpt.format.LittleEndian.putLong;
import static io.ckpt.format.LittleEndian.putU16;
import static io.ckpt.format.LittleEndian.putU8;

/**
 * The file header, at file offset 0. Its struct is {@link #LENGTH} bytes; the region up to
 * {@link #REGION_LENGTH} is reserved (zero) so that storage blocks start 4 KiB aligned.
 * All fields little-endian.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                     Magic "CKPT\r\n\x1a\n" (8)                |  0
 *  +-------------------------------+-------------------------------+
 *  |        Major Version          |        Minor Version          |  8
 *  +-------------------------------+-------------------------------+
 *  |                        Header Length                          | 12
 *  +---------------------------------------------------------------+
 *  |                        File UUID (16)                         | 16
 *  +---------------------------------------------------------------+
 *  |                  Parent UUID (16), zero = none                | 32
 *  +---------------------------------------------------------------+
 *  |                          Page Size                            | 48
 *  +---------------------------------------------------------------+
 *  |                       Pages Per Block                         | 52
 *  +---------------------------------------------------------------+
 *  |                      Storage Block Size                       | 56
 *  +---------------+---------------+-------------------------------+
 *  |    Codec      |    Flags      |           Reserved            | 60
 *  +---------------+---------------+-------------------------------+
 *  |                        Arena Size (8)                         | 64
 *  +---------------------------------------------------------------+
 *  |                        Data Length (8)                        | 72
 *  +---------------------------------------------------------------+
 *  |                        Block Count (8)                        | 80
 *  +---------------------------------------------------------------+
 *  |                   Created, epoch millis (8)                   | 88
 *  +---------------------------------------------------------------+
 *  |                        Data Offset (8)                        | 96
 *  +---------------------------------------------------------------+
 *  |                         Reserved (20)                         | 104
 *  +---------------------------------------------------------------+
 *  |                 Header CRC32C of bytes [0, 124)               | 124
 *  +---------------------------------------------------------------+
 * </pre>
 *
 * <p>Thread-safety: stateless static accessors.
 */
public final class HeaderDescriptor {
    /** "CKPT\r\n\u001a\n" read as a little-endian long. The CR LF SUB LF catch text-mode mangling. */
    public static final long MAGIC = 0x0A1A0A0D54504B43L;

    /** Offset of the u64 {@link #MAGIC}. */
    public static final int MAGIC_OFFSET = 0;
    /** Offset of the u16 major format version. */
    public static final int MAJOR_VERSION_OFFSET = 8;
    /** Offset of the u16 minor format version. */
    public static final int MINOR_VERSION_OFFSET = 10;
    /** Offset of the i32 header struct length. */
    public static final int HEADER_LENGTH_OFFSET = 12;
    /** Offset of the 16-byte file UUID (most significant half first). */
    public static final int FILE_UUID_OFFSET = 16;
    /** Offset of the 16-byte parent UUID, all zero for a full checkpoint. */
    public static final int PARENT_UUID_OFFSET = 32;
    /** Offset of the i32 page size. */
    public static final int PAGE_SIZE_OFFSET = 48;
    /** Offset of the i32 pages per page block. */
    public static final int PAGES_PER_BLOCK_OFFSET = 52;
    /** Offset of the i32 storage block size. */
    public static final int STORAGE_BLOCK_SIZE_OFFSET = 56;
    /** Offset of the u8 codec id. */
    public static final int CODEC_OFFSET = 60;
    /** Offset of the u8 flags. */
    public static final int FLAGS_OFFSET = 61;
    /** Offset of the u64 arena size. */
    public static final int ARENA_SIZE_OFFSET = 64;
    /** Offset of the u64 data length. */
    public static final int DATA_LENGTH_OFFSET = 72;
    /** Offset of the u64 page block count. */
    public static final int BLOCK_COUNT_OFFSET = 80;
    /** Offset of the u64 creation time, epoch milliseconds. */
    public static final int CREATED_MILLIS_OFFSET = 88;
    /** Offset of the u64 file offset of the first storage block. */
    public static final int DATA_OFFSET_OFFSET = 96;
    /** Format 1.1: file offset of the dictionary section, 0 = none (section 4.2 of FORMAT.md). */
    public static final int DICTIONARY_OFFSET_OFFSET = 104;
    /** Format 1.1: bytes of the dictionary, 0 = none. */
    public static final int DICTIONARY_LENGTH_OFFSET = 112;
    /** Format 1.1: CRC32C of the dictionary's bytes, 0 when there is none. */
    public static final int DICTIONARY_CRC_OFFSET = 116;
    /**
     * The field reserved in 1.0 files, [104, 124): readers ignore it in a file of minor version 0.
     * From minor version 1 its first 16 bytes are the dictionary fields and [120, 124) stays reserved.
     */
    public static final int RESERVED_OFFSET = 104;
    /** Length of the reserved bytes at {@link #RESERVED_OFFSET}. */
    public static final int RESERVED_LENGTH = 20;
    /** Offset of the header CRC32C, which covers bytes {@code [0, HEADER_CRC_OFFSET)}. */
    public static final int HEADER_CRC_OFFSET = 124;

    /** Flags bit: an incremental checkpoint (parent UUID and parent reference present). */
    public static final int FLAG_INCREMENTAL = 1;

    /** Length of the header struct. */
    public static final int LENGTH = 128;
    /** Length of the header region; the first storage block starts here. */
    public static final int REGION_LENGTH = 4096;

    /** Page size supported by v1 readers and writers. */
    public static final int PAGE_SIZE = 4096;
    /** Largest pages-per-block value (1 MiB blocks with 4 KiB pages). */
    public static final int MAX_PAGES_PER_BLOCK = 256;
    /** Smallest and largest storage block size. */
    public static final int MIN_STORAGE_BLOCK_SIZE = 8192;
    /** Largest storage block size, 64 MiB. */
    public static final int MAX_STORAGE_BLOCK_SIZE = 64 << 20;

    private HeaderDescriptor() {
    }

    /**
     * @param b the header struct at file offset 0 (absolute indices; position and byte order ignored)
     * @return the magic, {@link #MAGIC} in a checkpoint file
     */
    public static long magic(ByteBuffer b) { return getLong(b, MAGIC_OFFSET); }
    /**
     * @param b the header struct at file offset 0 (absolute indices; position and byte order ignored)
     * @param v the magic, {@link #MAGIC} in a checkpoint file
     */
    public static void magic(ByteBuffer b, long v) { putLong(b, MAGIC_OFFSET, v); }
    /**
     * @param b the header struct at file offset 0 (absolute indices; position and byte order ignored)
     * @return the major format version, u16; a reader refuses a major it does not know
     */
    public static int majorVersion(ByteBuffer b) { return getU16(b, MAJOR_VERSION_OFFSET); }
    /**
     * @param b the header struct at file offset 0 (absolute indices; position and byte order ignored)
     * @param v the major format version, u16; a reader refuses a major it does not know
     */
    public static void majorVersion(ByteBuffer b, int v) { putU16(b, MAJOR_VERSION_OFFSET, v); }
    /**
     * @param b the header struct at file offset 0 (absolute indices; position and byte order ignored)
     * @return the minor format version, u16; a reader accepts any minor of its major
     */
    public static int minorVersion(ByteBuffer b) { return getU16(b, MINOR_VERSION_OFFSET); }
    /**
     * @param b the header struct at file offset 0 (absolute indices; position and byte order ignored)
     * @param v the minor format version, u16; a reader accepts any minor of its major
     */
    public static void minorVersion(ByteBuffer b, int v) { putU16(b, MINOR_VERSION_OFFSET, v); }
    /**
     * @param b the header struct at file offset 0 (absolute indices; position and byte order ignored)
     * @return the header struct length in bytes, {@link #LENGTH} in v1
     */
    public static int headerLength(ByteBuffer b) { return getInt(b, HEADER_LENGTH_OFFSET); }
    /**
     * @param b the header struct at file offset 0 (absolute indices; position and byte order ignored)
     * @param v the header struct length in bytes, {@link #LENGTH} in v1
     */
    public static void headerLength(ByteBuffer b, int v) { putInt(b, HEADER_LENGTH_OFFSET, v); }
    /**
     * @param b the header struct at file offset 0 (absolute indices; position and byte order ignored)
     * @return the UUID identifying this checkpoint file, never null
     */
    public static UUID fileUuid(ByteBuffer b) { return uuid(b, FILE_UUID_OFFSET); }
    /**
     * @param b the header struct at file offset 0 (absolute indices; position and byte order ignored)
     * @param v the UUID identifying this checkpoint file, never null
     */
    public static void fileUuid(ByteBuffer b, UUID v) { uuid(b, FILE_UUID_OFFSET, v); }
    /**
     * @param b the header struct at file offset 0 (absolute indices; position and byte order ignored)
     * @return the parent's UUID, or null for a full checkpoint (all-zero field).
     */
    public static UUID parentUuid(ByteBuffer b) {
        UUID u = uuid(b, PARENT_UUID_OFFSET);
        return u.getMostSignificantBits() == 0 && u.getLeastSignificantBits() == 0 ? null : u;
    }
    /**
     * @param b the header struct at file offset 0 (absolute indices; position and byte order ignored)
     * @param v the parent's UUID, or null for none.
     */
    public static void parentUuid(ByteBuffer b, UUID v) { uuid(b, PARENT_UUID_OFFSET, v == null ? new UUID(0, 0) : v); }
    /**
     * @param b the header struct at file offset 0 (absolute indices; position and byte order ignored)
     * @return the page size in bytes, {@link #PAGE_SIZE} in v1
     */
    public static int pageSize(ByteBuffer b) { return getInt(b, PAGE_SIZE_OFFSET); }
    /**
     * @param b the header struct at file offset 0 (absolute indices; position and byte order ignored)
     * @param v the page size in bytes, {@link #PAGE_SIZE} in v1
     */
    public static void pageSize(ByteBuffer b, int v) { putInt(b, PAGE_SIZE_OFFSET, v); }
    /**
     * @param b the header struct at file offset 0 (absolute indices; position and byte order ignored)
     * @return pages per page block, a power of two in [1, {@link #MAX_PAGES_PER_BLOCK}]
     */
    public static int pagesPerBlock(ByteBuffer b) { return getInt(b, PAGES_PER_BLOCK_OFFSET); }
    /**
     * @param b the header struct at file offset 0 (absolute indices; position and byte order ignored)
     * @param v pages per page block, a power of two in [1, {@link #MAX_PAGES_PER_BLOCK}]
     */
    public static void pagesPerBlock(ByteBuffer b, int v) { putInt(b, PAGES_PER_BLOCK_OFFSET, v); }
    /**
     * @param b the header struct at file offset 0 (absolute indices; position and byte order ignored)
     * @return the storage block size in bytes, a multiple of the page size in [{@link #MIN_STORAGE_BLOCK_SIZE}, {@link #MAX_STORAGE_BLOCK_SIZE}]
     */
    public static int storageBlockSize(ByteBuffer b) { return getInt(b, STORAGE_BLOCK_SIZE_OFFSET); }
    /**
     * @param b the header struct at file offset 0 (absolute indices; position and byte order ignored)
     * @param v the storage block size in bytes, a multiple of the page size in [{@link #MIN_STORAGE_BLOCK_SIZE}, {@link #MAX_STORAGE_BLOCK_SIZE}]
     */
    public static void storageBlockSize(ByteBuffer b, int v) { putInt(b, STORAGE_BLOCK_SIZE_OFFSET, v); }
    /**
     * @param b the header struct at file offset 0 (absolute indices; position and byte order ignored)
     * @return the codec id, u8 (see {@link Codec#id()})
     */
    public static int codec(ByteBuffer b) { return getU8(b, CODEC_OFFSET); }
    /**
     * @param b the header struct at file offset 0 (absolute indices; position and byte order ignored)
     * @param v the codec id, u8 (see {@link Codec#id()})
     */
    public static void codec(ByteBuffer b, int v) { putU8(b, CODEC_OFFSET, v); }
    /**
     * @param b the header struct at file offset 0 (absolute indices; position and byte order ignored)
     * @return the flags byte, u8 (see {@link #FLAG_INCREMENTAL}; other bits are ignored by readers)
     */
    public static int flags(ByteBuffer b) { return getU8(b, FLAGS_OFFSET); }
    /**
     * @param b the header struct at file offset 0 (absolute indices; position and byte order ignored)
     * @param v the flags byte, u8 (see {@link #FLAG_INCREMENTAL}; other bits are ignored by readers)
     */
    public static void flags(ByteBuffer b, int v) { putU8(b, FLAGS_OFFSET, v); }
    /**
     * @param b the header struct at file offset 0 (absolute indices; position and byte order ignored)
     * @return the arena size in bytes, a positive multiple of the page size
     */
    public static long arenaSize(ByteBuffer b) { return getLong(b, ARENA_SIZE_OFFSET); }
    /**
     * @param b the header struct at file offset 0 (absolute indices; position and byte order ignored)
     * @param v the arena size in bytes, a positive multiple of the page size
     */
    public static void arenaSize(ByteBuffer b, long v) { putLong(b, ARENA_SIZE_OFFSET, v); }
    /**
     * @param b the header struct at file offset 0 (absolute indices; position and byte order ignored)
     * @return the guest's data length in bytes: the arena size, or less than one page short of it
     */
    public static long dataLength(ByteBuffer b) { return getLong(b, DATA_LENGTH_OFFSET); }
    /**
     * @param b the header struct at file offset 0 (absolute indices; position and byte order ignored)
     * @param v the guest's data length in bytes: the arena size, or less than one page short of it
     */
    public static void dataLength(ByteBuffer b, long v) { putLong(b, DATA_LENGTH_OFFSET, v); }
    /**
     * @param b the header struct at file offset 0 (absolute indices; position and byte order ignored)
     * @return the number of page blocks, {@code ceil(arenaSize / (pagesPerBlock * pageSize))}
     */
    public static long blockCount(ByteBuffer b) { return getLong(b, BLOCK_COUNT_OFFSET); }
    /**
     * @param b the header struct at file offset 0 (absolute indices; position and byte order ignored)
     * @param v the number of page blocks, {@code ceil(arenaSize / (pagesPerBlock * pageSize))}
     */
    public static void blockCount(ByteBuffer b, long v) { putLong(b, BLOCK_COUNT_OFFSET, v); }
    /**
     * @param b the header struct at file offset 0 (absolute indices; position and byte order ignored)
     * @return the creation time in milliseconds since the epoch; informative, not validated
     */
    public static long createdMillis(ByteBuffer b) { return getLong(b, CREATED_MILLIS_OFFSET); }
    /**
     * @param b the header struct at file offset 0 (absolute indices; position and byte order ignored)
     * @param v the creation time in milliseconds since the epoch; informative, not validated
     */
    public static void createdMillis(ByteBuffer b, long v) { putLong(b, CREATED_MILLIS_OFFSET, v); }
    /**
     * @param b the header struct at file offset 0 (absolute indices; position and byte order ignored)
     * @return the file offset of the first storage block, {@link #REGION_LENGTH} in v1
     */
    public static long dataOffset(ByteBuffer b) { return getLong(b, DATA_OFFSET_OFFSET); }
    /**
     * @param b the header struct at file offset 0 (absolute indices; position and byte order ignored)
     * @param v the file offset of the first storage block, {@link #REGION_LENGTH} in v1
     */
    public static void dataOffset(ByteBuffer b, long v) { putLong(b, DATA_OFFSET_OFFSET, v); }
    /**
     * @param b the header struct at file offset 0 (absolute indices; position and byte order ignored)
     * @return the file offset of the dictionary section, 0 for none (format 1.1, ZSTD files only)
     */
    public static long dictionaryOffset(ByteBuffer b) { return getLong(b, DICTIONARY_OFFSET_OFFSET); }
    /**
     * @param b the header struct at file offset 0 (absolute indices; position and byte order ignored)
     * @param v the file offset of the dictionary section, 0 for none (format 1.1, ZSTD files only)
     */
    public static void dictionaryOffset(ByteBuffer b, long v) { putLong(b, DICTIONARY_OFFSET_OFFSET, v); }
    /**
     * @param b the header struct at file offset 0 (absolute indices; position and byte order ignored)
     * @return the dictionary's length in bytes, 0 for none (format 1.1, ZSTD files only)
     */
    public static int dictionaryLength(ByteBuffer b) { return getInt(b, DICTIONARY_LENGTH_OFFSET); }
    /**
     * @param b the header struct at file offset 0 (absolute indices; position and byte order ignored)
     * @param v the dictionary's length in bytes, 0 for none (format 1.1, ZSTD files only)
     */
    public static void dictionaryLength(ByteBuffer b, int v) { putInt(b, DICTIONARY_LENGTH_OFFSET, v); }
    /**
     * @param b the header struct at file offset 0 (absolute indices; position and byte order ignored)
     * @return the CRC32C of the dictionary's bytes, 0 when there is none (format 1.1, ZSTD files only)
     */
    public static int dictionaryCrc(ByteBuffer b) { return getInt(b, DICTIONARY_CRC_OFFSET); }
    /**
     * @param b the header struct at file offset 0 (absolute indices; position and byte order ignored)
     * @param v the CRC32C of the dictionary's bytes, 0 when there is none (format 1.1, ZSTD files only)
     */
    public static void dictionaryCrc(ByteBuffer b, int v) { putInt(b, DICTIONARY_CRC_OFFSET, v); }
    /**
     * @param b the header struct at file offset 0 (absolute indices; position and byte order ignored)
     * @return the CRC32C of header bytes {@code [0, HEADER_CRC_OFFSET)}
     */
    public static int headerCrc(ByteBuffer b) { return getInt(b, HEADER_CRC_OFFSET); }
    /**
     * @param b the header struct at file offset 0 (absolute indices; position and byte order ignored)
     * @param v the CRC32C of header bytes {@code [0, HEADER_CRC_OFFSET)}
     */
    public static void headerCrc(ByteBuffer b, int v) { putInt(b, HEADER_CRC_OFFSET, v); }

    /**
     * @param b the header struct, from file offset 0
     * @return CRC32C of header bytes {@code [0, HEADER_CRC_OFFSET)}.
     */
    public static int computeCrc(ByteBuffer b) {
        CRC32C crc = new CRC32C();
        crc.update(b.duplicate().position(0).limit(HEADER_CRC_OFFSET));
        return (int) crc.getValue();
    }

    /**
     * @param arenaSize  the arena size in bytes, positive
     * @param blockBytes the page block size in bytes, positive
     * @return block count for an arena of {@code arenaSize} bytes split into blocks of {@code blockBytes}.
     */
    public static long blockCountFor(long arenaSize, int blockBytes) {
        return (arenaSize + blockBytes - 1) / blockBytes;
    }

    /**
     * Validates a header struct read from offset 0 of a file.
     *
     * @param b          at least {@link #LENGTH} bytes from file offset 0.
     * @param fileLength the file's length, to check that the data region lies inside it.
     * @throws NotACheckpointException      on a wrong magic.
     * @throws CheckpointFormatTooNewException or {@link CheckpointFormatTooOldException} on the major version.
     * @throws CorruptCheckpointException   on a checksum mismatch or an impossible field.
     */
    public static void checkHeader(ByteBuffer b, long fileLength) throws CheckpointException {
        if (magic(b) != MAGIC) {
            throw new NotACheckpointException(String.format("magic 0x%016x, expected 0x%016x", magic(b), MAGIC));
        }
        // Version first: a newer major version may lay the header out differently.
        FormatVersion.checkReadable(majorVersion(b));
        int expected = computeCrc(b);
        if (headerCrc(b) != expected) {
            throw new CorruptCheckpointException("header", 0, String.format(
                "checksum mismatch: expected 0x%08x, found 0x%08x", headerCrc(b), expected));
        }
        if (headerLength(b) != LENGTH) {
            throw corrupt("header length " + headerLength(b) + ", expected " + LENGTH);
        }
        if (pageSize(b) != PAGE_SIZE) {
            throw corrupt("page size " + pageSize(b) + " unsupported (expected " + PAGE_SIZE + ")");
        }
        int ppb = pagesPerBlock(b);
        if (ppb < 1 || ppb > MAX_PAGES_PER_BLOCK || Integer.bitCount(ppb) != 1) {
            throw corrupt("pages per block " + ppb + " is not a power of two in [1, " + MAX_PAGES_PER_BLOCK + "]");
        }
        int sbs = storageBlockSize(b);
        int blockBytes = ppb * PAGE_SIZE;
        if (sbs < MIN_STORAGE_BLOCK_SIZE || sbs > MAX_STORAGE_BLOCK_SIZE || sbs % PAGE_SIZE != 0
            || sbs < StorageBlockDescriptor.minimumSize(blockBytes)) {
            throw corrupt("storage block size " + sbs + " invalid for " + blockBytes + "-byte blocks");
        }
        if (Codec.ofId(codec(b)) == null) {
            throw corrupt("unknown codec id " + codec(b));
        }
        if (codec(b) == Codec.ZSTD.id() && minorVersion(b) < 1) {
            throw corrupt("codec ZSTD in a format 1." + minorVersion(b) + " header (ZSTD needs 1.1)");
        }
        // Other flag bits are for later minor versions; readers ignore them.
        boolean incremental = (flags(b) & FLAG_INCREMENTAL) != 0;
        if (incremental != (parentUuid(b) != null)) {
            throw corrupt("flags 0x" + Integer.toHexString(flags(b)) + " disagree with parent UUID " + parentUuid(b));
        }
        long arena = arenaSize(b);
        if (arena <= 0 || arena % PAGE_SIZE != 0) {
            throw corrupt("arena size " + arena + " is not a positive multiple of the page size");
        }
        if (dataLength(b) < 0 || dataLength(b) > arena || dataLength(b) <= arena - PAGE_SIZE && dataLength(b) != arena) {
            throw corrupt("data length " + dataLength(b) + " does not fit arena size " + arena);
        }
        long blocks = blockCountFor(arena, blockBytes);
        if (blockCount(b) != blocks) {
            throw corrupt("block count " + blockCount(b) + ", expected " + blocks + " for arena size " + arena);
        }
        if (blocks > IndexEntryDescriptor.MAX_BLOCK_COUNT) {
            throw corrupt("block count " + blocks + " exceeds the maximum " + IndexEntryDescriptor.MAX_BLOCK_COUNT);
        }
        String badDictionary = DictionaryDescriptor.checkFields(b);
        if (badDictionary != null) {
            throw corrupt(badDictionary);
        }
        long expectedData = DictionaryDescriptor.dataOffsetFor(DictionaryDescriptor.length(b));
        if (dataOffset(b) != expectedData) {
            throw corrupt("data offset " + dataOffset(b) + ", expected " + expectedData);
        }
        if (fileLength < expectedData + TrailerDescriptor.LENGTH) {
            throw new CorruptCheckpointException("trailer", fileLength, "file is " + fileLength
                + " bytes, shorter than header and trailer; truncated?");
        }
    }

    private static CorruptCheckpointException corrupt(String detail) {
        return new CorruptCheckpointException("header", 0, detail);
    }

    private static UUID uuid(ByteBuffer b, int offset) {
        return new UUID(getLong(b, offset), getLong(b, offset + 8));
    }

    private static void uuid(ByteBuffer b, int offset, UUID v) {
        putLong(b, offset, v.getMostSignificantBits());
        putLong(b, offset + 8, v.getLeastSignificantBits());
    }
}
