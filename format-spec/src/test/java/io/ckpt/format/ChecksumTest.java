package io.ckpt.format;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * CRC32C as the format uses it, and the exact byte ranges each checksum covers (FORMAT.md,
 * "Checksums").
 */
class ChecksumTest {
    @Test
    void shouldMatchCrc32cTestVector() {
        CRC32C crc = new CRC32C();
        crc.update("123456789".getBytes(StandardCharsets.US_ASCII));
        assertEquals(0xE3069283L, crc.getValue());
        assertEquals(0xE3069283, (int) crc.getValue(), "stored as the low 32 bits, little-endian");
    }

    @Test
    void shouldMatchBitwiseCastagnoliDefinition() {
        // Reflected polynomial 0x82F63B78, initial value 0xFFFFFFFF, final xor 0xFFFFFFFF.
        byte[] data = new byte[1000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 7 + 3);
        }
        int c = 0xFFFFFFFF;
        for (byte d : data) {
            c ^= d & 0xFF;
            for (int k = 0; k < 8; k++) {
                c = (c >>> 1) ^ (0x82F63B78 & -(c & 1));
            }
        }
        c ^= 0xFFFFFFFF;
        assertEquals(c, TestCheckpoint.crc(data));
        assertEquals(0, TestCheckpoint.crc(new byte[0]), "CRC32C of no bytes");
    }

    @Test
    void shouldCoverHeaderBytes0To124() {
        ByteBuffer h = TestCheckpoint.header(Codec.LZ4);
        byte[] raw = new byte[HeaderDescriptor.LENGTH];
        h.get(0, raw);
        assertEquals(TestCheckpoint.crc(raw, 0, 124), HeaderDescriptor.computeCrc(h));
        int before = HeaderDescriptor.computeCrc(h);
        h.put(HeaderDescriptor.HEADER_CRC_OFFSET + 3, (byte) 0x55);
        h.put(HeaderDescriptor.LENGTH, (byte) 0x55);
        assertEquals(before, HeaderDescriptor.computeCrc(h), "CRC field and region padding not covered");
        h.put(HeaderDescriptor.HEADER_CRC_OFFSET - 1, (byte) 0x55);
        assertNotEquals(before, HeaderDescriptor.computeCrc(h), "last reserved byte covered");
    }

    @Test
    void shouldCoverHeaderBytes0To124ThenTrailerBytes0To56() {
        byte[] file = TestCheckpoint.build();
        ByteBuffer header = ByteBuffer.wrap(file, 0, HeaderDescriptor.LENGTH).slice();
        ByteBuffer trailer = TestCheckpoint.trailer(file);
        CRC32C crc = new CRC32C();
        crc.update(file, 0, 124);
        crc.update(file, file.length - 64, 56);
        assertEquals((int) crc.getValue(), TrailerDescriptor.computeTrailerCrc(header, trailer));
        assertEquals((int) crc.getValue(), TrailerDescriptor.trailerCrc(trailer));
        TrailerDescriptor.commitMagic(trailer, 0);
        assertEquals((int) crc.getValue(), TrailerDescriptor.computeTrailerCrc(header, trailer), "commit magic not covered");
    }

    /**
     * The CRC32C of any data followed by its own CRC32C (little-endian) is the constant
     * residue 0x48674BC7. The header struct ends in the CRC of its first 124 bytes; this is why
     * the trailer CRC covers header bytes [0, 124) only (FORMAT.md, section 11).
     */
    @Test
    void shouldSeeResidueAfterAnyHeaderStructWithValidCrc() {
        for (Codec codec : Codec.values()) {
            for (long created : new long[] {0, 1, TestCheckpoint.CREATED}) {
                ByteBuffer h = TestCheckpoint.header(codec);
                HeaderDescriptor.createdMillis(h, created);
                HeaderDescriptor.headerCrc(h, HeaderDescriptor.computeCrc(h));
                byte[] raw = new byte[HeaderDescriptor.LENGTH];
                h.get(0, raw);
                assertEquals(0x48674BC7, TestCheckpoint.crc(raw), codec + " created=" + created);
            }
        }
    }

    @Test
    void shouldCoverIndexAndTableThenHint() {
        byte[] file = TestCheckpoint.build(Codec.NONE, new int[] {2});
        ByteBuffer trailer = TestCheckpoint.trailer(file);
        int trailerAt = file.length - TrailerDescriptor.LENGTH;
        assertEquals(TestCheckpoint.crc(file, TestCheckpoint.INDEX, 72), TrailerDescriptor.indexCrc(trailer));
        assertEquals(TestCheckpoint.crc(file, TestCheckpoint.TABLE, trailerAt - TestCheckpoint.TABLE),
            TrailerDescriptor.tableCrc(trailer), "table CRC runs over the table and then the hint section");
        assertEquals(32 + 4, trailerAt - TestCheckpoint.TABLE);
    }

    @Test
    void shouldCoverStorageBlockHeaderBytes0To20ThenMap() {
        byte[] file = TestCheckpoint.build();
        ByteBuffer f = ByteBuffer.wrap(file);
        int at = TestCheckpoint.SB1;
        int mapOffset = StorageBlockDescriptor.mapOffset(f, at);
        CRC32C crc = new CRC32C();
        crc.update(file, at, 20);
        crc.update(file, at + mapOffset, 4);
        assertEquals((int) crc.getValue(), StorageBlockDescriptor.computeMapCrc(f, at));
        assertEquals((int) crc.getValue(), StorageBlockDescriptor.mapCrc(f, at));
        // Payload bytes and reserved header bytes are not covered: page blocks carry their own CRC.
        file[at + StorageBlockDescriptor.HEADER_LENGTH] ^= 1;
        file[at + StorageBlockDescriptor.RESERVED_OFFSET] ^= 1;
        assertEquals((int) crc.getValue(), StorageBlockDescriptor.computeMapCrc(f, at));
    }

    @Test
    void shouldCoverUncompressedBlockInIndexEntry() {
        byte[] file = TestCheckpoint.build();
        ByteBuffer index = TestCheckpoint.index(file);
        assertEquals(TestCheckpoint.crc(TestCheckpoint.content(0)), IndexEntryDescriptor.crc(index, 0));
        assertEquals(TestCheckpoint.crc(TestCheckpoint.content(2)), IndexEntryDescriptor.crc(index, 2));
        assertEquals(0, IndexEntryDescriptor.crc(index, 1), "ZERO entries store 0");
    }
}
