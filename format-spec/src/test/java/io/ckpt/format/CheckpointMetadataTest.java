package io.ckpt.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.ckpt.format.TestCheckpoint.INDEX;
import static io.ckpt.format.TestCheckpoint.SB0;
import static io.ckpt.format.TestCheckpoint.SB1;
import static io.ckpt.format.TestCheckpoint.TABLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@link CheckpointMetadata#read} on small files built with the descriptors
 * ({@link TestCheckpoint}): the valid file reads, and each broken structure ends in the typed
 * exception that names it.
 */
class CheckpointMetadataTest {
    @TempDir
    Path dir;

    private Path write(byte[] bytes) throws IOException {
        return Files.write(dir.resolve("t.ckpt"), bytes);
    }

    private CorruptCheckpointException corrupt(byte[] bytes, String structure) throws IOException {
        Path file = write(bytes);
        CorruptCheckpointException e = assertThrows(CorruptCheckpointException.class, () -> CheckpointMetadata.read(file));
        assertEquals(structure, e.structure(), e.getMessage());
        return e;
    }

    @Test
    void shouldReadValidMinimalFile() throws Exception {
        byte[] bytes = TestCheckpoint.build();
        CheckpointMetadata m = CheckpointMetadata.read(write(bytes));
        assertEquals(1, m.majorVersion());
        assertEquals(0, m.minorVersion());
        assertEquals(TestCheckpoint.FILE_UUID, m.fileUuid());
        assertNull(m.parentUuid());
        assertEquals(Codec.NONE, m.codec());
        assertEquals(TestCheckpoint.ARENA, m.arenaSize());
        assertEquals(TestCheckpoint.ARENA, m.dataLength());
        assertEquals(3, m.blockCount());
        assertEquals(2, m.storageBlockCount());
        assertEquals(SB0, m.storageBlockOffset(0));
        assertEquals(SB1, m.storageBlockOffset(1));
        assertEquals(TestCheckpoint.SB_LENGTH, m.storageBlockLength(1));
        assertEquals(INDEX, m.indexOffset());
        assertEquals(TABLE, m.tableOffset());
        assertEquals(bytes.length - TrailerDescriptor.LENGTH, m.trailerOffset());
        assertEquals(Encoding.ZERO, IndexEntryDescriptor.encoding(m.index(), 1));
        assertEquals(0, m.hint().capacity());
        // The descriptors and the storage block validator agree on what was built.
        ByteBuffer f = ByteBuffer.wrap(bytes);
        StorageBlockDescriptor.check(f, SB0, TestCheckpoint.SB_LENGTH, 0, SB0);
        StorageBlockDescriptor.check(f, SB1, TestCheckpoint.SB_LENGTH, 1, SB1);
    }

    @Test
    void shouldReadHintSectionCoveredByTableCrc() throws Exception {
        byte[] bytes = TestCheckpoint.build(Codec.NONE, new int[] {2, 0});
        CheckpointMetadata m = CheckpointMetadata.read(write(bytes));
        assertEquals(8, m.hint().capacity());
        assertEquals(2, LittleEndian.getInt(m.hint(), 0));

        bytes[TestCheckpoint.HINT] ^= 1;
        corrupt(bytes, "storage table");
    }

    @Test
    void shouldAcceptLz4EntryInLz4File() throws Exception {
        byte[] bytes = TestCheckpoint.build(Codec.LZ4, new int[0]);
        setLz4(bytes, 2, 100);
        TestCheckpoint.reseal(bytes);
        CheckpointMetadata m = CheckpointMetadata.read(write(bytes));
        assertEquals(Encoding.LZ4, IndexEntryDescriptor.encoding(m.index(), 2));
    }

    @Test
    void shouldRejectLz4EntryAboveTheLz4Bound() throws Exception {
        byte[] bytes = TestCheckpoint.build(Codec.LZ4, new int[0]);
        // Grow storage block 1 to all of its 8 KiB extent so that only the LZ4 bound can fail.
        ByteBuffer table = TestCheckpoint.table(bytes);
        StorageTableDescriptor.entry(table, 1, SB1, INDEX - SB1, 1);
        setLz4(bytes, 2, Lz4Bounds.maxCompressedLength(4096));
        TestCheckpoint.reseal(bytes);
        CheckpointMetadata.read(write(bytes)); // exactly the bound: accepted

        setLz4(bytes, 2, Lz4Bounds.maxCompressedLength(4096) + 8);
        TestCheckpoint.reseal(bytes);
        assertTrue(corrupt(bytes, "index entry 2").getMessage().contains("LZ4"));
    }

    // ---- trailer ----

    @Test
    void shouldRejectMissingCommitMagic() throws Exception {
        byte[] bytes = TestCheckpoint.build();
        TrailerDescriptor.commitMagic(TestCheckpoint.trailer(bytes), 0);
        assertTrue(corrupt(bytes, "trailer").getMessage().contains("commit magic"));
    }

    @Test
    void shouldRejectTrailerCrcMismatch() throws Exception {
        byte[] bytes = TestCheckpoint.build();
        ByteBuffer t = TestCheckpoint.trailer(bytes);
        TrailerDescriptor.trailerCrc(t, TrailerDescriptor.trailerCrc(t) ^ 0x100);
        assertTrue(corrupt(bytes, "trailer").getMessage().contains("checksum"));
    }

    /**
     * The trailer CRC covers header bytes [0, 124), so a trailer does not pass with another
     * (valid) header. Over [0, 128) it could not tell: a CRC32C over data followed by its own
     * CRC32C is the constant residue 0x48674BC7 (FORMAT.md, section 11).
     */
    @Test
    void shouldRejectTrailerOfAnotherHeader() throws Exception {
        byte[] bytes = TestCheckpoint.build();
        HeaderDescriptor.createdMillis(ByteBuffer.wrap(bytes), 1);
        ByteBuffer f = ByteBuffer.wrap(bytes);
        HeaderDescriptor.headerCrc(f, HeaderDescriptor.computeCrc(f));
        assertTrue(corrupt(bytes, "trailer").getMessage().contains("checksum"));
    }

    @Test
    void shouldRejectUnknownChecksumAlgorithm() throws Exception {
        byte[] bytes = TestCheckpoint.build();
        TrailerDescriptor.checksumAlgorithm(TestCheckpoint.trailer(bytes), 2);
        TestCheckpoint.resealTrailer(bytes);
        assertTrue(corrupt(bytes, "trailer").getMessage().contains("checksum algorithm"));
    }

    @Test
    void shouldRejectGapBetweenTableAndTrailer() throws Exception {
        byte[] valid = TestCheckpoint.build();
        byte[] bytes = Arrays.copyOf(valid, valid.length + 8);
        System.arraycopy(valid, valid.length - TrailerDescriptor.LENGTH, bytes, bytes.length - TrailerDescriptor.LENGTH,
            TrailerDescriptor.LENGTH);
        Arrays.fill(bytes, valid.length - TrailerDescriptor.LENGTH, bytes.length - TrailerDescriptor.LENGTH, (byte) 0);
        assertTrue(corrupt(bytes, "trailer").getMessage().contains("inconsistent layout"));
    }

    @Test
    void shouldRejectIndexLengthNotMatchingBlockCount() throws Exception {
        byte[] bytes = TestCheckpoint.build();
        ByteBuffer t = TestCheckpoint.trailer(bytes);
        TrailerDescriptor.indexLength(t, 2 * IndexEntryDescriptor.LENGTH);
        TrailerDescriptor.tableOffset(t, INDEX + 2 * IndexEntryDescriptor.LENGTH);
        TestCheckpoint.resealTrailer(bytes);
        assertTrue(corrupt(bytes, "trailer").getMessage().contains("inconsistent layout"));
    }

    @Test
    void shouldRejectMisalignedIndex() throws Exception {
        byte[] bytes = TestCheckpoint.build();
        ByteBuffer t = TestCheckpoint.trailer(bytes);
        // Shift index and table 8 bytes down and grow the hint to match: only the alignment is wrong.
        TrailerDescriptor.indexOffset(t, INDEX - 8);
        TrailerDescriptor.tableOffset(t, TABLE - 8);
        TrailerDescriptor.hintOffset(t, TestCheckpoint.HINT - 8);
        TrailerDescriptor.hintLength(t, 8);
        TestCheckpoint.resealTrailer(bytes);
        assertTrue(corrupt(bytes, "trailer").getMessage().contains("inconsistent layout"));
    }

    @Test
    void shouldRejectTableLongerThanBlockCount() throws Exception {
        byte[] bytes = TestCheckpoint.build(Codec.NONE, new int[8]);
        ByteBuffer t = TestCheckpoint.trailer(bytes);
        // 4 table entries for 3 blocks, taking the place of the 32-byte hint: otherwise consistent.
        TrailerDescriptor.tableLength(t, 4L * StorageTableDescriptor.LENGTH);
        TrailerDescriptor.hintOffset(t, TABLE + 4L * StorageTableDescriptor.LENGTH);
        TrailerDescriptor.hintLength(t, 0);
        TestCheckpoint.resealTrailer(bytes);
        assertTrue(corrupt(bytes, "trailer").getMessage().contains("inconsistent layout"));
    }

    // ---- index and table checksums ----

    @Test
    void shouldRejectIndexCrcMismatch() throws Exception {
        byte[] bytes = TestCheckpoint.build();
        bytes[INDEX + IndexEntryDescriptor.CRC_OFFSET] ^= 1;
        CorruptCheckpointException e = corrupt(bytes, "index");
        assertEquals(INDEX, e.fileOffset());
    }

    @Test
    void shouldRejectTableCrcMismatch() throws Exception {
        byte[] bytes = TestCheckpoint.build();
        bytes[TABLE + StorageTableDescriptor.ENTRY_COUNT_OFFSET] ^= 1;
        CorruptCheckpointException e = corrupt(bytes, "storage table");
        assertEquals(TABLE, e.fileOffset());
    }

    // ---- index entries ----

    @Test
    void shouldRejectEntryPointingOutsideItsStorageBlock() throws Exception {
        byte[] bytes = TestCheckpoint.build();
        // Payload [40, 40 + 4096) ends past the 4132 - 4 bytes before the map.
        LittleEndian.putInt(ByteBuffer.wrap(bytes), INDEX + IndexEntryDescriptor.PAYLOAD_OFFSET_OFFSET, 40);
        TestCheckpoint.reseal(bytes);
        CorruptCheckpointException e = corrupt(bytes, "index entry 0");
        assertEquals(INDEX, e.fileOffset());
    }

    @Test
    void shouldRejectPayloadInsideStorageBlockHeader() throws Exception {
        byte[] bytes = TestCheckpoint.build();
        LittleEndian.putInt(ByteBuffer.wrap(bytes), INDEX + IndexEntryDescriptor.PAYLOAD_OFFSET_OFFSET, 0);
        TestCheckpoint.reseal(bytes);
        corrupt(bytes, "index entry 0");
    }

    @Test
    void shouldRejectMisalignedPayload() throws Exception {
        byte[] bytes = TestCheckpoint.build(Codec.LZ4, new int[0]);
        setLz4(bytes, 2, 100);
        LittleEndian.putInt(ByteBuffer.wrap(bytes), INDEX + 2 * IndexEntryDescriptor.LENGTH
            + IndexEntryDescriptor.PAYLOAD_OFFSET_OFFSET, 36);
        TestCheckpoint.reseal(bytes);
        corrupt(bytes, "index entry 2");
    }

    @Test
    void shouldRejectStorageBlockNumberOutOfRange() throws Exception {
        byte[] bytes = TestCheckpoint.build();
        IndexEntryDescriptor.storageBlock(TestCheckpoint.index(bytes), 2, 2);
        TestCheckpoint.reseal(bytes);
        corrupt(bytes, "index entry 2");
    }

    @Test
    void shouldRejectUnknownEncoding() throws Exception {
        byte[] bytes = TestCheckpoint.build();
        bytes[INDEX + IndexEntryDescriptor.ENCODING_OFFSET] = 5;
        TestCheckpoint.reseal(bytes);
        assertTrue(corrupt(bytes, "index entry 0").getMessage().contains("unknown encoding 5"));
    }

    @Test
    void shouldRejectParentEntryInAFullCheckpoint() throws Exception {
        byte[] bytes = TestCheckpoint.build();
        IndexEntryDescriptor.zero(TestCheckpoint.index(bytes), 0);
        bytes[INDEX + IndexEntryDescriptor.ENCODING_OFFSET] = (byte) Encoding.PARENT.id();
        TestCheckpoint.reseal(bytes);
        assertTrue(corrupt(bytes, "index entry 0").getMessage().contains("without a parent"));
    }

    @Test
    void shouldIgnoreNonZeroReservedIndexBytes() throws Exception {
        byte[] bytes = TestCheckpoint.build();
        bytes[INDEX + IndexEntryDescriptor.RESERVED_OFFSET + 6] = 1;
        TestCheckpoint.reseal(bytes);
        Path file = dir.resolve("reserved.ckpt");
        java.nio.file.Files.write(file, bytes);
        assertEquals(Encoding.RAW, IndexEntryDescriptor.encoding(CheckpointMetadata.read(file).index(), 0),
            "reserved bytes are for later minor versions: readers ignore them");
    }

    @Test
    void shouldRejectRawEntryOfWrongLength() throws Exception {
        byte[] bytes = TestCheckpoint.build();
        LittleEndian.putInt(ByteBuffer.wrap(bytes), INDEX + IndexEntryDescriptor.STORED_LENGTH_OFFSET, 4088);
        TestCheckpoint.reseal(bytes);
        assertTrue(corrupt(bytes, "index entry 0").getMessage().contains("RAW"));
    }

    @Test
    void shouldRejectLz4EntryInCodecNoneFile() throws Exception {
        byte[] bytes = TestCheckpoint.build(Codec.NONE, new int[0]);
        setLz4(bytes, 2, 100);
        TestCheckpoint.reseal(bytes);
        assertTrue(corrupt(bytes, "index entry 2").getMessage().contains("NONE"));
    }

    @Test
    void shouldRejectZeroEntryWithPayload() throws Exception {
        byte[] bytes = TestCheckpoint.build();
        LittleEndian.putInt(ByteBuffer.wrap(bytes), INDEX + IndexEntryDescriptor.LENGTH
            + IndexEntryDescriptor.STORED_LENGTH_OFFSET, 8);
        TestCheckpoint.reseal(bytes);
        corrupt(bytes, "index entry 1");
    }

    @Test
    void shouldRejectZeroEntryWithStorageBlockNumber() throws Exception {
        byte[] bytes = TestCheckpoint.build();
        IndexEntryDescriptor.storageBlock(TestCheckpoint.index(bytes), 1, 0);
        TestCheckpoint.reseal(bytes);
        corrupt(bytes, "index entry 1");
    }

    // ---- storage table ----

    @Test
    void shouldRejectOverlappingTableEntries() throws Exception {
        byte[] bytes = TestCheckpoint.build();
        // Storage block 1 starts inside storage block 0 (which occupies [0x1000, 0x3000)).
        StorageTableDescriptor.entry(TestCheckpoint.table(bytes), 1, 0x2000, TestCheckpoint.SB_LENGTH, 1);
        TestCheckpoint.reseal(bytes);
        CorruptCheckpointException e = corrupt(bytes, "storage table entry 1");
        assertEquals(TABLE + StorageTableDescriptor.LENGTH, e.fileOffset());
    }

    @Test
    void shouldRejectStorageBlockInHeaderRegion() throws Exception {
        byte[] bytes = TestCheckpoint.build();
        StorageTableDescriptor.entry(TestCheckpoint.table(bytes), 0, 0, TestCheckpoint.SB_LENGTH, 1);
        TestCheckpoint.reseal(bytes);
        corrupt(bytes, "storage table entry 0");
    }

    @Test
    void shouldRejectMisalignedStorageBlock() throws Exception {
        byte[] bytes = TestCheckpoint.build();
        StorageTableDescriptor.entry(TestCheckpoint.table(bytes), 1, SB1 + 8, TestCheckpoint.SB_LENGTH, 1);
        TestCheckpoint.reseal(bytes);
        corrupt(bytes, "storage table entry 1");
    }

    @Test
    void shouldRejectStorageBlockReachingIntoIndex() throws Exception {
        byte[] bytes = TestCheckpoint.build();
        StorageTableDescriptor.entry(TestCheckpoint.table(bytes), 1, 0x4000, TestCheckpoint.SB_LENGTH, 1);
        TestCheckpoint.reseal(bytes);
        corrupt(bytes, "storage table entry 1");
    }

    @Test
    void shouldRejectStorageBlockLongerThanStorageBlockSize() throws Exception {
        byte[] bytes = TestCheckpoint.build();
        StorageTableDescriptor.entry(TestCheckpoint.table(bytes), 0, SB0, TestCheckpoint.STORAGE_BLOCK_SIZE + 8, 1);
        TestCheckpoint.reseal(bytes);
        corrupt(bytes, "storage table entry 0");
    }

    @Test
    void shouldRejectTableEntryCountNotMatchingIndex() throws Exception {
        byte[] bytes = TestCheckpoint.build();
        StorageTableDescriptor.entry(TestCheckpoint.table(bytes), 0, SB0, TestCheckpoint.SB_LENGTH, 2);
        TestCheckpoint.reseal(bytes);
        assertTrue(corrupt(bytes, "storage table entry 0").getMessage().contains("index names 1"));
    }

    @Test
    void shouldRejectTableEntryHoldingNothing() throws Exception {
        byte[] bytes = TestCheckpoint.build();
        StorageTableDescriptor.entry(TestCheckpoint.table(bytes), 1, SB1, TestCheckpoint.SB_LENGTH, 0);
        TestCheckpoint.reseal(bytes);
        corrupt(bytes, "storage table entry 1");
    }

    // ---- short and foreign files ----

    @Test
    void shouldRejectEmptyFileAsNotACheckpoint() throws Exception {
        Path file = write(new byte[0]);
        assertThrows(NotACheckpointException.class, () -> CheckpointMetadata.read(file));
    }

    @Test
    void shouldRejectSevenByteFileAsNotACheckpoint() throws Exception {
        Path file = write(Arrays.copyOf(TestCheckpoint.build(), 7));
        assertThrows(NotACheckpointException.class, () -> CheckpointMetadata.read(file));
    }

    @Test
    void shouldRejectForeignFileAsNotACheckpoint() throws Exception {
        byte[] bytes = TestCheckpoint.build();
        bytes[3] = 'X';
        Path file = write(bytes);
        NotACheckpointException e = assertThrows(NotACheckpointException.class, () -> CheckpointMetadata.read(file));
        assertEquals("header", e.structure());
    }

    @Test
    void shouldRejectFileShorterThanHeaderAsCorrupt() throws Exception {
        CorruptCheckpointException e = corrupt(Arrays.copyOf(TestCheckpoint.build(), 100), "header");
        assertTrue(e.getMessage().contains("truncated"));
        assertTrue(!(e instanceof NotACheckpointException));
    }

    @Test
    void shouldRejectFileShorterThanHeaderRegionAndTrailer() throws Exception {
        corrupt(Arrays.copyOf(TestCheckpoint.build(), HeaderDescriptor.REGION_LENGTH + 10), "trailer");
    }

    @Test
    void shouldRejectTruncatedFile() throws Exception {
        byte[] bytes = TestCheckpoint.build();
        CorruptCheckpointException e = corrupt(Arrays.copyOf(bytes, bytes.length - 1), "trailer");
        assertTrue(e.getMessage().contains("commit magic"));
    }

    @Test
    void shouldReportMissingFile() {
        assertThrows(NoSuchFileException.class, () -> CheckpointMetadata.read(dir.resolve("absent.ckpt")));
    }

    @Test
    void shouldRejectNewerMajorVersionInFile() throws Exception {
        byte[] bytes = TestCheckpoint.build();
        HeaderDescriptor.majorVersion(ByteBuffer.wrap(bytes), 2);
        TestCheckpoint.resealTrailer(bytes);
        Path file = write(bytes);
        assertThrows(CheckpointFormatTooNewException.class, () -> CheckpointMetadata.read(file));
    }

    @Test
    void shouldReadNewerMinorVersionWithReservedBytesSet() throws Exception {
        byte[] bytes = TestCheckpoint.build();
        ByteBuffer f = ByteBuffer.wrap(bytes);
        HeaderDescriptor.minorVersion(f, 7);
        HeaderDescriptor.flags(f, 0x80);
        bytes[62] = 1;
        bytes[63] = 2;
        Arrays.fill(bytes, HeaderDescriptor.RESERVED_OFFSET, HeaderDescriptor.HEADER_CRC_OFFSET, (byte) 0x33);
        Arrays.fill(bytes, HeaderDescriptor.LENGTH, HeaderDescriptor.REGION_LENGTH, (byte) 0x44);
        bytes[SB1 + StorageBlockDescriptor.RESERVED_OFFSET] = 9;
        TestCheckpoint.resealTrailer(bytes);
        CheckpointMetadata m = CheckpointMetadata.read(write(bytes));
        assertEquals(7, m.minorVersion());
        assertEquals(0x80, m.flags());
        StorageBlockDescriptor.check(ByteBuffer.wrap(bytes), SB1, TestCheckpoint.SB_LENGTH, 1, SB1);
    }

    /**
     * Corruption suite: flip each byte of the file in turn. Metadata validation must fail with a
     * {@link CheckpointException} exactly for the bytes it covers (header struct, index, table,
     * hint, trailer) and ignore the rest (header padding, storage blocks, whose payloads are
     * checked when decoded); it must never fail with any other exception.
     */
    @Test
    void shouldDetectEveryFlippedMetadataByteAndOnlyThose() throws Exception {
        byte[] valid = TestCheckpoint.build(Codec.LZ4, new int[] {0, 2});
        Path file = dir.resolve("flip.ckpt");
        // Every byte of the header region and from the index on; every 97th in the storage blocks.
        for (int at = 0; at < valid.length; at += at < 2 * HeaderDescriptor.LENGTH || at >= INDEX - 97 ? 1 : 97) {
            byte[] bytes = valid.clone();
            bytes[at] ^= (byte) 0x5A;
            Files.write(file, bytes);
            boolean covered = at < HeaderDescriptor.LENGTH || at >= INDEX;
            try {
                CheckpointMetadata.read(file);
                if (covered) {
                    fail("flipped byte at 0x" + Integer.toHexString(at) + " not detected");
                }
            } catch (CheckpointException e) {
                if (!covered) {
                    fail("flipped byte at 0x" + Integer.toHexString(at) + " outside the metadata rejected: " + e);
                }
            }
        }
    }

    /** Truncation suite: every shorter length ends in a {@link CheckpointException}. */
    @Test
    void shouldRejectEveryTruncation() throws Exception {
        byte[] valid = TestCheckpoint.build();
        Path file = dir.resolve("cut.ckpt");
        for (int length = 0; length < valid.length; length += length < 256 || length > valid.length - 256 ? 1 : 61) {
            Files.write(file, Arrays.copyOf(valid, length));
            int n = length;
            assertThrows(CheckpointException.class, () -> CheckpointMetadata.read(file), () -> "length " + n);
        }
    }

    private static void setLz4(byte[] bytes, int block, int storedLength) {
        int at = INDEX + block * IndexEntryDescriptor.LENGTH;
        LittleEndian.putInt(ByteBuffer.wrap(bytes), at + IndexEntryDescriptor.STORED_LENGTH_OFFSET, storedLength);
        bytes[at + IndexEntryDescriptor.ENCODING_OFFSET] = (byte) Encoding.LZ4.id();
    }
}
