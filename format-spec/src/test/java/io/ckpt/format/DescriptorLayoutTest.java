package io.ckpt.format;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every descriptor field at the offset and width FORMAT.md gives it, little-endian whatever
 * the buffer's own order: written through the accessor and read back as raw bytes, and
 * written as raw bytes and read through the accessor. The raw side does not use
 * {@link LittleEndian}, so the two cannot share a mistake.
 */
class DescriptorLayoutTest {
    private static final byte SENTINEL = (byte) 0xEE;

    /**
     * One field as FORMAT.md documents it.
     *
     * @param base  where the structure starts in the test buffer (index entries and table
     *              entries are tested at entry 1, storage blocks at a non-zero offset).
     */
    record Field(String name, int base, int offset, int size, BiConsumer<ByteBuffer, Long> set,
                 ToLongFunction<ByteBuffer> get) {
        @Override
        public String toString() {
            return name + " @" + offset + "+" + size;
        }
    }

    private static final int SB_AT = 64;
    private static final int ENTRY = 1;

    static Stream<Field> fields() {
        int ie = ENTRY * IndexEntryDescriptor.LENGTH;
        int te = ENTRY * StorageTableDescriptor.LENGTH;
        return Stream.of(
            // Header struct
            new Field("header.magic", 0, 0, 8, (b, v) -> HeaderDescriptor.magic(b, v), HeaderDescriptor::magic),
            new Field("header.majorVersion", 0, 8, 2, (b, v) -> HeaderDescriptor.majorVersion(b, v.intValue()), HeaderDescriptor::majorVersion),
            new Field("header.minorVersion", 0, 10, 2, (b, v) -> HeaderDescriptor.minorVersion(b, v.intValue()), HeaderDescriptor::minorVersion),
            new Field("header.headerLength", 0, 12, 4, (b, v) -> HeaderDescriptor.headerLength(b, v.intValue()), HeaderDescriptor::headerLength),
            new Field("header.pageSize", 0, 48, 4, (b, v) -> HeaderDescriptor.pageSize(b, v.intValue()), HeaderDescriptor::pageSize),
            new Field("header.pagesPerBlock", 0, 52, 4, (b, v) -> HeaderDescriptor.pagesPerBlock(b, v.intValue()), HeaderDescriptor::pagesPerBlock),
            new Field("header.storageBlockSize", 0, 56, 4, (b, v) -> HeaderDescriptor.storageBlockSize(b, v.intValue()), HeaderDescriptor::storageBlockSize),
            new Field("header.codec", 0, 60, 1, (b, v) -> HeaderDescriptor.codec(b, v.intValue()), HeaderDescriptor::codec),
            new Field("header.flags", 0, 61, 1, (b, v) -> HeaderDescriptor.flags(b, v.intValue()), HeaderDescriptor::flags),
            new Field("header.arenaSize", 0, 64, 8, (b, v) -> HeaderDescriptor.arenaSize(b, v), HeaderDescriptor::arenaSize),
            new Field("header.dataLength", 0, 72, 8, (b, v) -> HeaderDescriptor.dataLength(b, v), HeaderDescriptor::dataLength),
            new Field("header.blockCount", 0, 80, 8, (b, v) -> HeaderDescriptor.blockCount(b, v), HeaderDescriptor::blockCount),
            new Field("header.createdMillis", 0, 88, 8, (b, v) -> HeaderDescriptor.createdMillis(b, v), HeaderDescriptor::createdMillis),
            new Field("header.dataOffset", 0, 96, 8, (b, v) -> HeaderDescriptor.dataOffset(b, v), HeaderDescriptor::dataOffset),
            new Field("header.headerCrc", 0, 124, 4, (b, v) -> HeaderDescriptor.headerCrc(b, v.intValue()), HeaderDescriptor::headerCrc),
            // Storage block header, at a non-zero position in the buffer
            new Field("storageBlock.magic", SB_AT, 0, 4, (b, v) -> StorageBlockDescriptor.magic(b, SB_AT, v.intValue()), b -> StorageBlockDescriptor.magic(b, SB_AT)),
            new Field("storageBlock.entryCount", SB_AT, 4, 4, (b, v) -> StorageBlockDescriptor.entryCount(b, SB_AT, v.intValue()), b -> StorageBlockDescriptor.entryCount(b, SB_AT)),
            new Field("storageBlock.length", SB_AT, 8, 4, (b, v) -> StorageBlockDescriptor.length(b, SB_AT, v.intValue()), b -> StorageBlockDescriptor.length(b, SB_AT)),
            new Field("storageBlock.mapOffset", SB_AT, 12, 4, (b, v) -> StorageBlockDescriptor.mapOffset(b, SB_AT, v.intValue()), b -> StorageBlockDescriptor.mapOffset(b, SB_AT)),
            new Field("storageBlock.sequence", SB_AT, 16, 4, (b, v) -> StorageBlockDescriptor.sequence(b, SB_AT, v.intValue()), b -> StorageBlockDescriptor.sequence(b, SB_AT)),
            new Field("storageBlock.mapCrc", SB_AT, 20, 4, (b, v) -> StorageBlockDescriptor.mapCrc(b, SB_AT, v.intValue()), b -> StorageBlockDescriptor.mapCrc(b, SB_AT)),
            // Index entry 1
            new Field("index.storageBlock", ie, 0, 4, (b, v) -> IndexEntryDescriptor.storageBlock(b, ENTRY, v.intValue()), b -> IndexEntryDescriptor.storageBlock(b, ENTRY)),
            new Field("index.payloadOffset", ie, 4, 4, null, b -> IndexEntryDescriptor.payloadOffset(b, ENTRY)),
            new Field("index.storedLength", ie, 8, 4, null, b -> IndexEntryDescriptor.storedLength(b, ENTRY)),
            new Field("index.crc", ie, 12, 4, null, b -> IndexEntryDescriptor.crc(b, ENTRY)),
            new Field("index.encoding", ie, 16, 1, null, b -> IndexEntryDescriptor.encodingId(b, ENTRY)),
            // Storage table entry 1
            new Field("table.fileOffset", te, 0, 8, null, b -> StorageTableDescriptor.fileOffset(b, ENTRY)),
            new Field("table.length", te, 8, 4, null, b -> StorageTableDescriptor.length(b, ENTRY)),
            new Field("table.entryCount", te, 12, 4, null, b -> StorageTableDescriptor.entryCount(b, ENTRY)),
            // Trailer
            new Field("trailer.indexOffset", 0, 0, 8, (b, v) -> TrailerDescriptor.indexOffset(b, v), TrailerDescriptor::indexOffset),
            new Field("trailer.indexLength", 0, 8, 8, (b, v) -> TrailerDescriptor.indexLength(b, v), TrailerDescriptor::indexLength),
            new Field("trailer.tableOffset", 0, 16, 8, (b, v) -> TrailerDescriptor.tableOffset(b, v), TrailerDescriptor::tableOffset),
            new Field("trailer.tableLength", 0, 24, 8, (b, v) -> TrailerDescriptor.tableLength(b, v), TrailerDescriptor::tableLength),
            new Field("trailer.hintOffset", 0, 32, 8, (b, v) -> TrailerDescriptor.hintOffset(b, v), TrailerDescriptor::hintOffset),
            new Field("trailer.hintLength", 0, 40, 4, (b, v) -> TrailerDescriptor.hintLength(b, v.intValue()), TrailerDescriptor::hintLength),
            new Field("trailer.checksumAlgorithm", 0, 44, 4, (b, v) -> TrailerDescriptor.checksumAlgorithm(b, v.intValue()), TrailerDescriptor::checksumAlgorithm),
            new Field("trailer.indexCrc", 0, 48, 4, (b, v) -> TrailerDescriptor.indexCrc(b, v.intValue()), TrailerDescriptor::indexCrc),
            new Field("trailer.tableCrc", 0, 52, 4, (b, v) -> TrailerDescriptor.tableCrc(b, v.intValue()), TrailerDescriptor::tableCrc),
            new Field("trailer.trailerCrc", 0, 56, 4, (b, v) -> TrailerDescriptor.trailerCrc(b, v.intValue()), TrailerDescriptor::trailerCrc),
            new Field("trailer.commitMagic", 0, 60, 4, (b, v) -> TrailerDescriptor.commitMagic(b, v.intValue()), TrailerDescriptor::commitMagic));
    }

    /** A value that fills the field's whole width with distinct non-zero bytes: 0x..0807060504030201 truncated. */
    private static long pattern(int size) {
        long v = 0;
        for (int i = 0; i < size; i++) {
            v |= (long) (0x81 + i) << (8 * i);
        }
        return v;
    }

    /** Sign-extends or not as the accessor returns it: 1- and 2-byte fields are unsigned, 4-byte as Java int. */
    private static long asReturned(long raw, Field f) {
        if (f.size() == 4 && !f.name().equals("trailer.hintLength")) {
            return (int) raw;
        }
        return raw;
    }

    private static ByteBuffer buffer(ByteOrder order) {
        ByteBuffer b = ByteBuffer.allocate(256).order(order);
        for (int i = 0; i < b.capacity(); i++) {
            b.put(i, SENTINEL);
        }
        return b;
    }

    private static long rawLittleEndian(ByteBuffer b, int at, int size) {
        long v = 0;
        for (int i = 0; i < size; i++) {
            v |= (b.get(at + i) & 0xFFL) << (8 * i);
        }
        return v;
    }

    private static void putRawLittleEndian(ByteBuffer b, int at, int size, long v) {
        for (int i = 0; i < size; i++) {
            b.put(at + i, (byte) (v >>> (8 * i)));
        }
    }

    /** Fields with a single-field setter; the others are written by composite writers, tested below. */
    static Stream<Field> writableFields() {
        return fields().filter(f -> f.set() != null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writableFields")
    void shouldWriteFieldLittleEndianAtItsOffsetOnly(Field f) {
        for (ByteOrder order : List.of(ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN)) {
            ByteBuffer b = buffer(order);
            long v = pattern(f.size());
            f.set().accept(b, v);
            int at = f.base() + f.offset();
            assertEquals(v, rawLittleEndian(b, at, f.size()), f + " in a " + order + " buffer");
            for (int i = 0; i < b.capacity(); i++) {
                if (i < at || i >= at + f.size()) {
                    assertEquals(SENTINEL, b.get(i), f + " touched byte " + i);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fields")
    void shouldReadFieldLittleEndianFromItsOffset(Field f) {
        for (ByteOrder order : List.of(ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN)) {
            ByteBuffer b = buffer(order);
            long v = pattern(f.size());
            putRawLittleEndian(b, f.base() + f.offset(), f.size(), v);
            assertEquals(asReturned(v, f), f.get().applyAsLong(b), f + " in a " + order + " buffer");
        }
    }

    @Test
    void shouldDocumentOffsetsAsConstants() {
        assertEquals(0, HeaderDescriptor.MAGIC_OFFSET);
        assertEquals(8, HeaderDescriptor.MAJOR_VERSION_OFFSET);
        assertEquals(10, HeaderDescriptor.MINOR_VERSION_OFFSET);
        assertEquals(12, HeaderDescriptor.HEADER_LENGTH_OFFSET);
        assertEquals(16, HeaderDescriptor.FILE_UUID_OFFSET);
        assertEquals(32, HeaderDescriptor.PARENT_UUID_OFFSET);
        assertEquals(48, HeaderDescriptor.PAGE_SIZE_OFFSET);
        assertEquals(52, HeaderDescriptor.PAGES_PER_BLOCK_OFFSET);
        assertEquals(56, HeaderDescriptor.STORAGE_BLOCK_SIZE_OFFSET);
        assertEquals(60, HeaderDescriptor.CODEC_OFFSET);
        assertEquals(61, HeaderDescriptor.FLAGS_OFFSET);
        assertEquals(64, HeaderDescriptor.ARENA_SIZE_OFFSET);
        assertEquals(72, HeaderDescriptor.DATA_LENGTH_OFFSET);
        assertEquals(80, HeaderDescriptor.BLOCK_COUNT_OFFSET);
        assertEquals(88, HeaderDescriptor.CREATED_MILLIS_OFFSET);
        assertEquals(96, HeaderDescriptor.DATA_OFFSET_OFFSET);
        assertEquals(104, HeaderDescriptor.RESERVED_OFFSET);
        assertEquals(20, HeaderDescriptor.RESERVED_LENGTH);
        assertEquals(124, HeaderDescriptor.HEADER_CRC_OFFSET);
        assertEquals(128, HeaderDescriptor.LENGTH);
        assertEquals(4096, HeaderDescriptor.REGION_LENGTH);

        assertEquals(24, StorageBlockDescriptor.RESERVED_OFFSET);
        assertEquals(32, StorageBlockDescriptor.HEADER_LENGTH);
        assertEquals(4, StorageBlockDescriptor.MAP_ENTRY_LENGTH);
        assertEquals(8, StorageBlockDescriptor.PAYLOAD_ALIGNMENT);
        assertEquals(4096, StorageBlockDescriptor.FILE_ALIGNMENT);

        assertEquals(17, IndexEntryDescriptor.RESERVED_OFFSET);
        assertEquals(24, IndexEntryDescriptor.LENGTH);
        assertEquals(16, StorageTableDescriptor.LENGTH);
        assertEquals(64, TrailerDescriptor.LENGTH);
        assertEquals(4, HintDescriptor.ENTRY_LENGTH);
    }

    @Test
    void shouldSpellTheMagicsInAscii() {
        ByteBuffer b = ByteBuffer.allocate(8);
        HeaderDescriptor.magic(b, HeaderDescriptor.MAGIC);
        assertArrayEquals("CKPT\r\n\u001a\n".getBytes(StandardCharsets.US_ASCII), b.array());

        ByteBuffer s = ByteBuffer.allocate(4);
        StorageBlockDescriptor.magic(s, 0, StorageBlockDescriptor.MAGIC);
        assertArrayEquals("SBLK".getBytes(StandardCharsets.US_ASCII), s.array());

        ByteBuffer t = ByteBuffer.allocate(TrailerDescriptor.LENGTH);
        TrailerDescriptor.commitMagic(t, TrailerDescriptor.COMMIT_MAGIC);
        assertArrayEquals("DONE".getBytes(StandardCharsets.US_ASCII),
            java.util.Arrays.copyOfRange(t.array(), 60, 64));
    }

    @Test
    void shouldStoreUuidAsTwoLittleEndianLongsMostSignificantFirst() {
        ByteBuffer b = buffer(ByteOrder.BIG_ENDIAN);
        UUID u = UUID.fromString("00112233-4455-6677-8899-aabbccddeeff");
        HeaderDescriptor.fileUuid(b, u);
        HeaderDescriptor.parentUuid(b, u);
        byte[] expected = {0x77, 0x66, 0x55, 0x44, 0x33, 0x22, 0x11, 0x00,
            (byte) 0xff, (byte) 0xee, (byte) 0xdd, (byte) 0xcc, (byte) 0xbb, (byte) 0xaa, (byte) 0x99, (byte) 0x88};
        assertArrayEquals(expected, java.util.Arrays.copyOfRange(b.array(), 16, 32), "file UUID bytes");
        assertArrayEquals(expected, java.util.Arrays.copyOfRange(b.array(), 32, 48), "parent UUID bytes");
        assertEquals(u, HeaderDescriptor.fileUuid(b));
        assertEquals(u, HeaderDescriptor.parentUuid(b));
    }

    @Test
    void shouldStoreNoParentAsSixteenZeroBytes() {
        ByteBuffer b = buffer(ByteOrder.LITTLE_ENDIAN);
        HeaderDescriptor.parentUuid(b, null);
        for (int i = 32; i < 48; i++) {
            assertEquals(0, b.get(i));
        }
        assertNull(HeaderDescriptor.parentUuid(b));
    }

    @Test
    void shouldWriteIndexEntryWithReservedBytesZero() {
        ByteBuffer b = buffer(ByteOrder.BIG_ENDIAN);
        IndexEntryDescriptor.storageBlock(b, ENTRY, 0x01020304);
        IndexEntryDescriptor.payload(b, ENTRY, 0x11121314, 0x21222324, 0x31323334, Encoding.LZ4);
        int at = ENTRY * IndexEntryDescriptor.LENGTH;
        assertEquals(0x01020304L, rawLittleEndian(b, at, 4));
        assertEquals(0x11121314L, rawLittleEndian(b, at + 4, 4));
        assertEquals(0x21222324L, rawLittleEndian(b, at + 8, 4));
        assertEquals(0x31323334L, rawLittleEndian(b, at + 12, 4));
        assertEquals(2, b.get(at + 16));
        for (int i = 17; i < 24; i++) {
            assertEquals(0, b.get(at + i), "reserved byte " + i);
        }
        assertEquals(SENTINEL, b.get(at - 1));
        assertEquals(SENTINEL, b.get(at + 24));
        assertTrue(IndexEntryDescriptor.reservedClear(b, ENTRY));
        b.put(at + 23, (byte) 1);
        assertFalse(IndexEntryDescriptor.reservedClear(b, ENTRY));
    }

    @Test
    void shouldWriteZeroIndexEntry() {
        ByteBuffer b = buffer(ByteOrder.BIG_ENDIAN);
        IndexEntryDescriptor.zero(b, ENTRY);
        int at = ENTRY * IndexEntryDescriptor.LENGTH;
        assertEquals(0xFFFFFFFFL, rawLittleEndian(b, at, 4));
        for (int i = 4; i < 24; i++) {
            assertEquals(0, b.get(at + i), "byte " + i);
        }
        assertEquals(Encoding.ZERO, IndexEntryDescriptor.encoding(b, ENTRY));
        assertEquals(IndexEntryDescriptor.NO_STORAGE_BLOCK, IndexEntryDescriptor.storageBlock(b, ENTRY));
    }

    @Test
    void shouldWriteTableEntry() {
        ByteBuffer b = buffer(ByteOrder.BIG_ENDIAN);
        StorageTableDescriptor.entry(b, ENTRY, 0x0102030405060708L, 0x11121314, 0x21222324);
        int at = ENTRY * StorageTableDescriptor.LENGTH;
        assertEquals(0x0102030405060708L, rawLittleEndian(b, at, 8));
        assertEquals(0x11121314L, rawLittleEndian(b, at + 8, 4));
        assertEquals(0x21222324L, rawLittleEndian(b, at + 12, 4));
        assertEquals(SENTINEL, b.get(at - 1));
        assertEquals(SENTINEL, b.get(at + 16));
    }

    @Test
    void shouldReadHintLengthUnsigned() {
        ByteBuffer t = ByteBuffer.allocate(TrailerDescriptor.LENGTH);
        TrailerDescriptor.hintLength(t, 0xFFFFFFF0);
        assertEquals(0xFFFFFFF0L, TrailerDescriptor.hintLength(t));
    }

    @Test
    void shouldReadReverseMapEntries() {
        ByteBuffer b = buffer(ByteOrder.BIG_ENDIAN);
        StorageBlockDescriptor.mapOffset(b, SB_AT, 40);
        putRawLittleEndian(b, SB_AT + 40, 4, 7);
        putRawLittleEndian(b, SB_AT + 44, 4, 0x01020304);
        assertEquals(7, StorageBlockDescriptor.mapEntry(b, SB_AT, 0));
        assertEquals(0x01020304, StorageBlockDescriptor.mapEntry(b, SB_AT, 1));
    }

    @Test
    void shouldKeepOnDiskIds() {
        assertEquals(0, Encoding.ZERO.id());
        assertEquals(1, Encoding.RAW.id());
        assertEquals(2, Encoding.LZ4.id());
        assertEquals(3, Encoding.PARENT.id());
        assertEquals(4, Encoding.ZSTD.id());
        assertNull(Encoding.ofId(5));
        assertNull(Encoding.ofId(-1));
        assertEquals(0, Codec.NONE.id());
        assertEquals(1, Codec.LZ4.id());
        assertEquals(2, Codec.ZSTD.id());
        assertNull(Codec.ofId(3));
        assertEquals(Codec.LZ4, Codec.parse("lz4"));
        assertEquals(1, TrailerDescriptor.CHECKSUM_CRC32C);
        assertEquals(0x0A1A0A0D54504B43L, HeaderDescriptor.MAGIC);
        assertEquals(0x4B4C4253, StorageBlockDescriptor.MAGIC);
        assertEquals(0x454E4F44, TrailerDescriptor.COMMIT_MAGIC);
    }

    @Test
    void shouldComputeSizesAndBounds() {
        assertEquals(4096 + 16 + 16, Lz4Bounds.maxCompressedLength(4096));
        assertEquals(65536 + 257 + 16, Lz4Bounds.maxCompressedLength(65536));
        assertEquals(0 + 16, Lz4Bounds.maxCompressedLength(0));
        // 32 + 2 x (block + 8 + 4), rounded up to 4 KiB
        assertEquals(12288, StorageBlockDescriptor.minimumSize(4096));
        assertEquals(36864, StorageBlockDescriptor.minimumSize(16384));
        assertEquals(69632, StorageBlockDescriptor.minimumSize(32768));
        assertEquals(135168, StorageBlockDescriptor.minimumSize(65536));
        assertEquals(2101248, StorageBlockDescriptor.minimumSize(1 << 20));
        assertEquals(0, StorageBlockDescriptor.align(0, 8));
        assertEquals(8, StorageBlockDescriptor.align(1, 8));
        assertEquals(4096, StorageBlockDescriptor.align(4096, 4096));
        assertEquals(3, HeaderDescriptor.blockCountFor(5 * 4096, 8192));
        assertEquals(2, HeaderDescriptor.blockCountFor(4 * 4096, 8192));
        assertEquals(Integer.MAX_VALUE / 24, IndexEntryDescriptor.MAX_BLOCK_COUNT);
    }
}
