package io.ckpt.format;

import java.nio.ByteBuffer;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link HeaderDescriptor#checkHeader}: one bad field at a time, header CRC recomputed so
 * that the field itself is what the validator rejects.
 */
class HeaderValidationTest {
    /** A file long enough for the header region and a trailer. */
    private static final long FILE_LENGTH = 1 << 20;

    private static ByteBuffer header(Consumer<ByteBuffer> change) {
        ByteBuffer h = TestCheckpoint.header(Codec.LZ4);
        change.accept(h);
        HeaderDescriptor.headerCrc(h, HeaderDescriptor.computeCrc(h));
        return h;
    }

    private static CorruptCheckpointException corrupt(Consumer<ByteBuffer> change, String expectedDetail) {
        ByteBuffer h = header(change);
        CorruptCheckpointException e = assertThrows(CorruptCheckpointException.class,
            () -> HeaderDescriptor.checkHeader(h, FILE_LENGTH));
        assertEquals("header", e.structure());
        assertEquals(0, e.fileOffset());
        assertTrue(e.getMessage().contains(expectedDetail), e.getMessage());
        return e;
    }

    @Test
    void shouldAcceptValidHeader() throws Exception {
        HeaderDescriptor.checkHeader(header(h -> { }), FILE_LENGTH);
    }

    @Test
    void shouldRejectBadMagicAsNotACheckpoint() {
        ByteBuffer h = header(b -> b.put(HeaderDescriptor.MAGIC_OFFSET + 7, (byte) '\r'));
        assertThrows(NotACheckpointException.class, () -> HeaderDescriptor.checkHeader(h, FILE_LENGTH));
    }

    @Test
    void shouldRejectMagicWithLineEndingsTranslated() {
        // A text-mode transfer turning CR LF into LF shifts everything after byte 4.
        ByteBuffer h = header(b -> {
            b.put(4, (byte) '\n');
            b.put(5, (byte) 0x1A);
            b.put(6, (byte) '\n');
            b.put(7, (byte) 0);
        });
        assertThrows(NotACheckpointException.class, () -> HeaderDescriptor.checkHeader(h, FILE_LENGTH));
    }

    @Test
    void shouldRejectMajorVersion2AsTooNew() {
        ByteBuffer h = header(b -> HeaderDescriptor.majorVersion(b, 2));
        CheckpointFormatTooNewException e = assertThrows(CheckpointFormatTooNewException.class,
            () -> HeaderDescriptor.checkHeader(h, FILE_LENGTH));
        assertTrue(e.getMessage().contains("version 2"), e.getMessage());
    }

    @Test
    void shouldRejectMajorVersion0AsTooOld() {
        ByteBuffer h = header(b -> HeaderDescriptor.majorVersion(b, 0));
        assertThrows(CheckpointFormatTooOldException.class, () -> HeaderDescriptor.checkHeader(h, FILE_LENGTH));
    }

    @Test
    void shouldAcceptAnyMinorVersion() throws Exception {
        HeaderDescriptor.checkHeader(header(b -> HeaderDescriptor.minorVersion(b, 0xFFFF)), FILE_LENGTH);
        assertEquals(0xFFFF, HeaderDescriptor.minorVersion(header(b -> HeaderDescriptor.minorVersion(b, 0xFFFF))));
    }

    @Test
    void shouldIgnoreReservedBytesAndFlags() throws Exception {
        HeaderDescriptor.checkHeader(header(b -> {
            b.put(62, (byte) 0xFF);
            b.put(63, (byte) 0xFF);
            for (int i = 0; i < HeaderDescriptor.RESERVED_LENGTH; i++) {
                b.put(HeaderDescriptor.RESERVED_OFFSET + i, (byte) 0xFF);
            }
            HeaderDescriptor.flags(b, 0xFF);
            HeaderDescriptor.parentUuid(b, TestCheckpoint.FILE_UUID);
        }), FILE_LENGTH);
    }

    @Test
    void shouldRejectHeaderCrcMismatch() {
        ByteBuffer h = header(b -> { });
        HeaderDescriptor.headerCrc(h, HeaderDescriptor.headerCrc(h) + 1);
        CorruptCheckpointException e = assertThrows(CorruptCheckpointException.class,
            () -> HeaderDescriptor.checkHeader(h, FILE_LENGTH));
        assertTrue(e.getMessage().contains("checksum mismatch"), e.getMessage());
    }

    @Test
    void shouldRejectFieldChangedWithoutCrc() {
        ByteBuffer h = header(b -> { });
        HeaderDescriptor.arenaSize(h, HeaderDescriptor.arenaSize(h) * 2);
        CorruptCheckpointException e = assertThrows(CorruptCheckpointException.class,
            () -> HeaderDescriptor.checkHeader(h, FILE_LENGTH));
        assertTrue(e.getMessage().contains("checksum mismatch"), e.getMessage());
    }

    @Test
    void shouldRejectHeaderLength() {
        corrupt(b -> HeaderDescriptor.headerLength(b, 256), "header length 256");
    }

    @Test
    void shouldRejectPageSize() {
        corrupt(b -> HeaderDescriptor.pageSize(b, 8192), "page size 8192");
    }

    @Test
    void shouldRejectPagesPerBlockNotPowerOfTwo() {
        corrupt(b -> HeaderDescriptor.pagesPerBlock(b, 3), "pages per block 3");
    }

    @Test
    void shouldRejectPagesPerBlockOutOfRange() {
        corrupt(b -> HeaderDescriptor.pagesPerBlock(b, 0), "pages per block 0");
        corrupt(b -> HeaderDescriptor.pagesPerBlock(b, 512), "pages per block 512");
    }

    @Test
    void shouldRejectStorageBlockTooSmallForBlockSize() {
        // 16 pages = 64 KiB blocks need 135168-byte storage blocks; 128 KiB is a valid size otherwise.
        corrupt(b -> {
            HeaderDescriptor.pagesPerBlock(b, 16);
            HeaderDescriptor.blockCount(b, 1);
            HeaderDescriptor.storageBlockSize(b, 128 << 10);
        }, "storage block size 131072 invalid for 65536-byte blocks");
    }

    @Test
    void shouldAcceptStorageBlockOfExactlyTheMinimum() throws Exception {
        HeaderDescriptor.checkHeader(header(b -> {
            HeaderDescriptor.pagesPerBlock(b, 16);
            HeaderDescriptor.blockCount(b, 1);
            HeaderDescriptor.storageBlockSize(b, StorageBlockDescriptor.minimumSize(16 * 4096));
        }), FILE_LENGTH);
    }

    @Test
    void shouldRejectStorageBlockSizeNotPageMultiple() {
        corrupt(b -> HeaderDescriptor.storageBlockSize(b, TestCheckpoint.STORAGE_BLOCK_SIZE + 512), "storage block size");
    }

    @Test
    void shouldRejectStorageBlockSizeOutOfRange() {
        corrupt(b -> HeaderDescriptor.storageBlockSize(b, 4096), "storage block size 4096");
        corrupt(b -> HeaderDescriptor.storageBlockSize(b, (64 << 20) + 4096), "storage block size");
    }

    @Test
    void shouldRejectUnknownCodec() {
        corrupt(b -> HeaderDescriptor.codec(b, 3), "unknown codec id 3");
    }

    @Test
    void shouldRejectArenaNotPageMultiple() {
        corrupt(b -> {
            HeaderDescriptor.arenaSize(b, 3 * 4096 + 100);
            HeaderDescriptor.dataLength(b, 3 * 4096 + 100);
        }, "arena size 12388");
    }

    @Test
    void shouldRejectEmptyArena() {
        corrupt(b -> {
            HeaderDescriptor.arenaSize(b, 0);
            HeaderDescriptor.dataLength(b, 0);
            HeaderDescriptor.blockCount(b, 0);
        }, "arena size 0");
    }

    @Test
    void shouldAcceptDataLengthWithinTheLastPage() throws Exception {
        HeaderDescriptor.checkHeader(header(b -> HeaderDescriptor.dataLength(b, TestCheckpoint.ARENA - 4095)), FILE_LENGTH);
        HeaderDescriptor.checkHeader(header(b -> HeaderDescriptor.dataLength(b, TestCheckpoint.ARENA - 1)), FILE_LENGTH);
    }

    @Test
    void shouldRejectDataLengthOutsideTheLastPage() {
        corrupt(b -> HeaderDescriptor.dataLength(b, TestCheckpoint.ARENA - 4096), "data length");
        corrupt(b -> HeaderDescriptor.dataLength(b, TestCheckpoint.ARENA + 1), "data length");
        corrupt(b -> HeaderDescriptor.dataLength(b, -1), "data length");
    }

    @Test
    void shouldRejectBlockCountMismatch() {
        corrupt(b -> HeaderDescriptor.blockCount(b, TestCheckpoint.BLOCKS + 1), "block count 4, expected 3");
    }

    @Test
    void shouldRequireBlockCountRoundedUpForShortLastBlock() throws Exception {
        // 5 pages in 2-page blocks: two full blocks and a one-page last block.
        ByteBuffer ok = header(b -> {
            HeaderDescriptor.pagesPerBlock(b, 2);
            HeaderDescriptor.storageBlockSize(b, StorageBlockDescriptor.minimumSize(8192));
            HeaderDescriptor.arenaSize(b, 5 * 4096);
            HeaderDescriptor.dataLength(b, 5 * 4096);
            HeaderDescriptor.blockCount(b, 3);
        });
        HeaderDescriptor.checkHeader(ok, FILE_LENGTH);
        corrupt(b -> {
            HeaderDescriptor.pagesPerBlock(b, 2);
            HeaderDescriptor.storageBlockSize(b, StorageBlockDescriptor.minimumSize(8192));
            HeaderDescriptor.arenaSize(b, 5 * 4096);
            HeaderDescriptor.dataLength(b, 5 * 4096);
            HeaderDescriptor.blockCount(b, 2);
        }, "block count 2, expected 3");
    }

    @Test
    void shouldRejectDataOffset() {
        corrupt(b -> HeaderDescriptor.dataOffset(b, 8192), "data offset 8192");
    }

    @Test
    void shouldRejectFileShorterThanHeaderRegionAndTrailer() {
        ByteBuffer h = header(b -> { });
        CorruptCheckpointException e = assertThrows(CorruptCheckpointException.class,
            () -> HeaderDescriptor.checkHeader(h, HeaderDescriptor.REGION_LENGTH + TrailerDescriptor.LENGTH - 1));
        assertEquals("trailer", e.structure());
    }

    @Test
    void shouldApplyVersionRule() throws Exception {
        FormatVersion.checkReadable(FormatVersion.MAJOR);
        assertThrows(CheckpointFormatTooNewException.class, () -> FormatVersion.checkReadable(FormatVersion.MAJOR + 1));
        assertThrows(CheckpointFormatTooOldException.class, () -> FormatVersion.checkReadable(FormatVersion.MIN_MAJOR - 1));
        assertEquals(1, FormatVersion.MAJOR);
        assertEquals(1, FormatVersion.MINOR);
        assertEquals(0, FormatVersion.minorFor(Codec.LZ4));
        assertEquals(0, FormatVersion.minorFor(Codec.NONE));
        assertEquals(1, FormatVersion.minorFor(Codec.ZSTD));
    }
}
