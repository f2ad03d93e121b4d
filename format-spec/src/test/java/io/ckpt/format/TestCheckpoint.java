package io.ckpt.format;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.UUID;
import java.util.zip.CRC32C;

/**
 * Builds small, valid checkpoint files byte by byte with the descriptors alone, the way a
 * writer in another language would from FORMAT.md, and re-seals them after a test breaks one
 * field on purpose.
 *
 * <p>The file: 1-page blocks, arena of 3 pages. Block 0 is stored in storage block 0, block 1
 * is ZERO, block 2 is stored in storage block 1; storage blocks are 12288 bytes
 * (the minimum for 4 KiB blocks), each holding one payload.
 *
 * <pre>
 *   0x0000  header region (4096)
 *   0x1000  storage block 0: header 32 | payload of block 0 (4096) | map (4)   = 4132, padded to 8192
 *   0x3000  storage block 1: header 32 | payload of block 2 (4096) | map (4)   = 4132, padded to 8192
 *   0x5000  index, 3 x 24 = 72
 *   0x5048  storage table, 2 x 16 = 32
 *   0x5068  hint section (4 x hint entries)
 *   ...     trailer (64)
 * </pre>
 */
final class TestCheckpoint {
    static final UUID FILE_UUID = UUID.fromString("00112233-4455-6677-8899-aabbccddeeff");
    static final long CREATED = 1_767_225_600_000L;
    static final int PAGES_PER_BLOCK = 1;
    static final int BLOCK_BYTES = 4096;
    static final long ARENA = 3 * 4096;
    static final long BLOCKS = 3;
    static final int STORAGE_BLOCK_SIZE = StorageBlockDescriptor.minimumSize(BLOCK_BYTES);
    static final int SB0 = 0x1000;
    static final int SB1 = 0x3000;
    static final int SB_LENGTH = StorageBlockDescriptor.HEADER_LENGTH + BLOCK_BYTES + StorageBlockDescriptor.MAP_ENTRY_LENGTH;
    static final int INDEX = 0x5000;
    static final int TABLE = INDEX + 3 * IndexEntryDescriptor.LENGTH;
    static final int HINT = TABLE + 2 * StorageTableDescriptor.LENGTH;

    private TestCheckpoint() {
    }

    /** @return a valid v1.0 file with codec NONE and an empty hint section. */
    static byte[] build() {
        return build(Codec.NONE, new int[0]);
    }

    /** @return a valid v1.0 file with {@code codec} and the given hint entries. */
    static byte[] build(Codec codec, int[] hint) {
        int trailerAt = HINT + hint.length * HintDescriptor.ENTRY_LENGTH;
        ByteBuffer f = ByteBuffer.allocate(trailerAt + TrailerDescriptor.LENGTH).order(ByteOrder.BIG_ENDIAN);

        ByteBuffer h = header(codec);
        f.put(0, h, 0, HeaderDescriptor.LENGTH);

        storageBlock(f, SB0, 0, 0);
        storageBlock(f, SB1, 1, 2);

        ByteBuffer index = slice(f, INDEX, (int) BLOCKS * IndexEntryDescriptor.LENGTH);
        IndexEntryDescriptor.storageBlock(index, 0, 0);
        IndexEntryDescriptor.payload(index, 0, StorageBlockDescriptor.HEADER_LENGTH, BLOCK_BYTES, crc(content(0)), Encoding.RAW);
        IndexEntryDescriptor.zero(index, 1);
        IndexEntryDescriptor.storageBlock(index, 2, 1);
        IndexEntryDescriptor.payload(index, 2, StorageBlockDescriptor.HEADER_LENGTH, BLOCK_BYTES, crc(content(2)), Encoding.RAW);

        ByteBuffer table = slice(f, TABLE, 2 * StorageTableDescriptor.LENGTH);
        StorageTableDescriptor.entry(table, 0, SB0, SB_LENGTH, 1);
        StorageTableDescriptor.entry(table, 1, SB1, SB_LENGTH, 1);

        for (int i = 0; i < hint.length; i++) {
            LittleEndian.putInt(f, HINT + i * HintDescriptor.ENTRY_LENGTH, hint[i]);
        }

        ByteBuffer t = slice(f, trailerAt, TrailerDescriptor.LENGTH);
        TrailerDescriptor.indexOffset(t, INDEX);
        TrailerDescriptor.indexLength(t, BLOCKS * IndexEntryDescriptor.LENGTH);
        TrailerDescriptor.tableOffset(t, TABLE);
        TrailerDescriptor.tableLength(t, 2L * StorageTableDescriptor.LENGTH);
        TrailerDescriptor.hintOffset(t, HINT);
        TrailerDescriptor.hintLength(t, hint.length * HintDescriptor.ENTRY_LENGTH);
        TrailerDescriptor.checksumAlgorithm(t, TrailerDescriptor.CHECKSUM_CRC32C);
        TrailerDescriptor.commitMagic(t, TrailerDescriptor.COMMIT_MAGIC);
        byte[] bytes = f.array();
        reseal(bytes);
        return bytes;
    }

    /** @return a valid header struct (in a 4096-byte region) as the v1.0 writer fills it. */
    static ByteBuffer header(Codec codec) {
        ByteBuffer h = ByteBuffer.allocate(HeaderDescriptor.REGION_LENGTH).order(ByteOrder.BIG_ENDIAN);
        HeaderDescriptor.magic(h, HeaderDescriptor.MAGIC);
        HeaderDescriptor.majorVersion(h, FormatVersion.MAJOR);
        HeaderDescriptor.minorVersion(h, FormatVersion.MINOR_1_0);
        HeaderDescriptor.headerLength(h, HeaderDescriptor.LENGTH);
        HeaderDescriptor.fileUuid(h, FILE_UUID);
        HeaderDescriptor.parentUuid(h, null);
        HeaderDescriptor.pageSize(h, HeaderDescriptor.PAGE_SIZE);
        HeaderDescriptor.pagesPerBlock(h, PAGES_PER_BLOCK);
        HeaderDescriptor.storageBlockSize(h, STORAGE_BLOCK_SIZE);
        HeaderDescriptor.codec(h, codec.id());
        HeaderDescriptor.flags(h, 0);
        HeaderDescriptor.arenaSize(h, ARENA);
        HeaderDescriptor.dataLength(h, ARENA);
        HeaderDescriptor.blockCount(h, BLOCKS);
        HeaderDescriptor.createdMillis(h, CREATED);
        HeaderDescriptor.dataOffset(h, HeaderDescriptor.REGION_LENGTH);
        HeaderDescriptor.headerCrc(h, HeaderDescriptor.computeCrc(h));
        return h;
    }

    /** @return the 4096 bytes of page block {@code n}: a pattern that no two blocks share. */
    static byte[] content(int n) {
        byte[] b = new byte[BLOCK_BYTES];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i * 31 + n * 7 + 1);
        }
        return b;
    }

    private static void storageBlock(ByteBuffer f, int at, int sequence, int block) {
        f.put(at + StorageBlockDescriptor.HEADER_LENGTH, content(block));
        int mapOffset = StorageBlockDescriptor.HEADER_LENGTH + BLOCK_BYTES;
        LittleEndian.putInt(f, at + mapOffset, block);
        StorageBlockDescriptor.magic(f, at, StorageBlockDescriptor.MAGIC);
        StorageBlockDescriptor.entryCount(f, at, 1);
        StorageBlockDescriptor.length(f, at, SB_LENGTH);
        StorageBlockDescriptor.mapOffset(f, at, mapOffset);
        StorageBlockDescriptor.sequence(f, at, sequence);
        StorageBlockDescriptor.mapCrc(f, at, StorageBlockDescriptor.computeMapCrc(f, at));
    }

    /**
     * Recomputes every checksum of a file built by {@link #build}: header CRC, index CRC,
     * table CRC (table then hint) and trailer CRC, at this file's fixed positions. Storage
     * block map CRCs are left alone.
     */
    static void reseal(byte[] bytes) {
        ByteBuffer f = ByteBuffer.wrap(bytes);
        int trailerAt = bytes.length - TrailerDescriptor.LENGTH;
        HeaderDescriptor.headerCrc(f, HeaderDescriptor.computeCrc(f));
        ByteBuffer t = slice(f, trailerAt, TrailerDescriptor.LENGTH);
        TrailerDescriptor.indexCrc(t, crc(bytes, INDEX, TABLE - INDEX));
        TrailerDescriptor.tableCrc(t, crc(bytes, TABLE, trailerAt - TABLE));
        resealTrailer(bytes);
    }

    /** Recomputes the header CRC and the trailer CRC only (which covers the header struct). */
    static void resealTrailer(byte[] bytes) {
        ByteBuffer f = ByteBuffer.wrap(bytes);
        HeaderDescriptor.headerCrc(f, HeaderDescriptor.computeCrc(f));
        ByteBuffer t = slice(f, bytes.length - TrailerDescriptor.LENGTH, TrailerDescriptor.LENGTH);
        TrailerDescriptor.trailerCrc(t, TrailerDescriptor.computeTrailerCrc(f, t));
    }

    /** @return a little-endian-agnostic view of {@code f[at, at + length)} indexed from 0. */
    static ByteBuffer slice(ByteBuffer f, int at, int length) {
        return f.slice(at, length);
    }

    /** @return a view of the trailer of {@code bytes}. */
    static ByteBuffer trailer(byte[] bytes) {
        return ByteBuffer.wrap(bytes, bytes.length - TrailerDescriptor.LENGTH, TrailerDescriptor.LENGTH).slice();
    }

    /** @return a view of the index of a file built by {@link #build}. */
    static ByteBuffer index(byte[] bytes) {
        return ByteBuffer.wrap(bytes, INDEX, TABLE - INDEX).slice();
    }

    /** @return a view of the storage table of a file built by {@link #build}. */
    static ByteBuffer table(byte[] bytes) {
        return ByteBuffer.wrap(bytes, TABLE, 2 * StorageTableDescriptor.LENGTH).slice();
    }

    static int crc(byte[] b) {
        return crc(b, 0, b.length);
    }

    static int crc(byte[] b, int at, int length) {
        CRC32C c = new CRC32C();
        c.update(b, at, length);
        return (int) c.getValue();
    }
}
