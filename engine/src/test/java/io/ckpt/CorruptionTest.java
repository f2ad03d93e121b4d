package io.ckpt;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.ckpt.format.CheckpointException;
import io.ckpt.format.CheckpointFormatTooNewException;
import io.ckpt.format.CheckpointFormatTooOldException;
import io.ckpt.format.CheckpointMetadata;
import io.ckpt.format.Codec;
import io.ckpt.format.CorruptCheckpointException;
import io.ckpt.format.Encoding;
import io.ckpt.format.HeaderDescriptor;
import io.ckpt.format.IndexEntryDescriptor;
import io.ckpt.format.LittleEndian;
import io.ckpt.format.NotACheckpointException;
import io.ckpt.format.StorageBlockDescriptor;
import io.ckpt.format.StorageTableDescriptor;
import io.ckpt.format.TrailerDescriptor;
import io.ckpt.memory.GuestMemory;
import io.ckpt.save.SaveOptions;
import io.ckpt.workload.ArenaFiller;
import net.jpountz.lz4.LZ4Factory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The corruption suite: flips bytes in every structure the engine writes, truncates the file,
 * feeds foreign files, and rewrites fields with their checksums recomputed, and checks that
 * {@link CheckpointMetadata#read}, {@link Checkpoints#verify} and {@link Checkpoints#restore(Path, GuestMemory)}
 * each end in a typed {@link CheckpointException} naming an offset: never another exception
 * type, never a hang, and never a restore that reports success with wrong bytes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CorruptionTest {
    private static final long SEED = Long.getLong("ckpt.test.seed", 0x5EEDC0FFEEL);
    private static final long ARENA = 4L << 20;
    private static final int SLAB = 1 << 20;
    private static final int PAGES_PER_BLOCK = 16;
    private static final int BLOCK = PAGES_PER_BLOCK * GuestMemory.PAGE_SIZE;
    private static final int STORAGE_BLOCK = 256 << 10;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Guest address of a run of random (RAW-stored) blocks and of zero blocks, forced into the mix. */
    private static final long RANDOM_AT = 1L << 20;
    private static final long ZERO_AT = 2L << 20;

    @TempDir
    static Path dir;

    private GuestMemory original;
    private GuestMemory target;
    private CheckpointImage pristine;
    private Path damaged;

    /** How a byte of the file is protected, which decides what a flip of it must cause. */
    enum Kind {
        /** The header magic: every reader says "not a checkpoint". */
        MAGIC,
        /** The major version: a version exception, or (checked after the header checksum) a corrupt header. */
        VERSION,
        /** Header struct, index, table, trailer: checked when the metadata is read, so all three operations fail. */
        METADATA,
        /** Storage block headers and maps, RAW payloads: checked when blocks are decoded (verify, restore). */
        DATA,
        /** An LZ4 payload: the flip is detected, or it decodes to the very same bytes. */
        LZ4_PAYLOAD,
        /** Padding and reserved bytes nobody reads: harmless, a restore must still be exact. */
        UNCHECKED
    }

    record Outcome(Throwable read, Throwable verify, Throwable restore, long mismatch) {
        boolean restored() {
            return restore == null;
        }
    }

    @BeforeAll
    void saveOriginal() throws IOException {
        original = GuestMemory.allocate(ARENA, SLAB);
        target = GuestMemory.allocate(ARENA, SLAB);
        ArenaFiller.fill(original, ArenaFiller.Profile.MIXED, SEED);
        byte[] noise = new byte[2 * BLOCK];
        new SplittableRandom(SEED).nextBytes(noise);
        original.putBytes(RANDOM_AT, noise, 0, noise.length);
        original.fill(ZERO_AT, 2 * BLOCK, (byte) 0);
        Path file = dir.resolve("original.ckpt");
        Checkpoints.save(original, file, options());
        pristine = CheckpointImage.read(file);
        damaged = dir.resolve("damaged.ckpt");
        assertTrue(pristine.storageBlockCount() >= 3, "want several storage blocks, have "
            + pristine.storageBlockCount() + " (seed=" + SEED + ")");
        assertTrue(blocksOf(Encoding.RAW).size() >= 2, "want RAW blocks (seed=" + SEED + ")");
        assertTrue(blocksOf(Encoding.LZ4).size() >= 8, "want LZ4 blocks (seed=" + SEED + ")");
        assertTrue(blocksOf(Encoding.ZERO).size() >= 2, "want ZERO blocks (seed=" + SEED + ")");
        Outcome clean = run(pristine, "pristine");
        assertNull(clean.read);
        assertNull(clean.verify);
        assertNull(clean.restore);
        assertEquals(-1, clean.mismatch, "pristine restore differs (seed=" + SEED + ")");
    }

    @AfterAll
    void free() {
        original.close();
        target.close();
    }

    private static SaveOptions options() {
        return SaveOptions.defaults().withPagesPerBlock(PAGES_PER_BLOCK).withStorageBlockSize(STORAGE_BLOCK)
            .withCodec(Codec.LZ4).withCompressors(1).withFileUuid(new UUID(SEED, ~SEED)).withCreatedMillis(1_700_000_000_000L);
    }

    // ---------------------------------------------------------------- byte flips, structure by structure

    @Test
    void shouldRejectEveryHeaderFieldFlip() throws Exception {
        SplittableRandom rnd = new SplittableRandom(SEED ^ 1);
        int[][] fields = {
            {HeaderDescriptor.MAGIC_OFFSET, 8}, {HeaderDescriptor.MAJOR_VERSION_OFFSET, 2},
            {HeaderDescriptor.MINOR_VERSION_OFFSET, 2}, {HeaderDescriptor.HEADER_LENGTH_OFFSET, 4},
            {HeaderDescriptor.FILE_UUID_OFFSET, 16}, {HeaderDescriptor.PARENT_UUID_OFFSET, 16},
            {HeaderDescriptor.PAGE_SIZE_OFFSET, 4}, {HeaderDescriptor.PAGES_PER_BLOCK_OFFSET, 4},
            {HeaderDescriptor.STORAGE_BLOCK_SIZE_OFFSET, 4}, {HeaderDescriptor.CODEC_OFFSET, 1},
            {HeaderDescriptor.FLAGS_OFFSET, 1}, {HeaderDescriptor.FLAGS_OFFSET + 1, 2},
            {HeaderDescriptor.ARENA_SIZE_OFFSET, 8}, {HeaderDescriptor.DATA_LENGTH_OFFSET, 8},
            {HeaderDescriptor.BLOCK_COUNT_OFFSET, 8}, {HeaderDescriptor.CREATED_MILLIS_OFFSET, 8},
            {HeaderDescriptor.DATA_OFFSET_OFFSET, 8},
            {HeaderDescriptor.RESERVED_OFFSET, HeaderDescriptor.RESERVED_LENGTH},
            {HeaderDescriptor.HEADER_CRC_OFFSET, 4}};
        Tally tally = new Tally();
        for (int[] f : fields) {
            for (int at : offsetsIn(rnd, f[0], f[1], 2)) {
                flipAndCheck("header field @" + f[0], at, rnd, tally);
            }
        }
        assertEquals(0, tally.harmless, "header flips passed unnoticed: " + tally);
        assertTrue(tally.detected >= 30, tally.toString());
    }

    @Test
    void shouldRejectEveryStorageBlockHeaderAndMapFlip() throws Exception {
        SplittableRandom rnd = new SplittableRandom(SEED ^ 2);
        Tally tally = new Tally();
        ByteBuffer all = pristine.all();
        for (int sb = 0; sb < pristine.storageBlockCount(); sb++) {
            int at = pristine.storageBlockOffset(sb);
            for (int field = 0; field < StorageBlockDescriptor.RESERVED_OFFSET; field += 4) {
                flipAndCheck("storage block " + sb + " header @" + field, at + field + rnd.nextInt(4), rnd, tally);
            }
            int map = at + StorageBlockDescriptor.mapOffset(all, at);
            int mapLength = StorageBlockDescriptor.entryCount(all, at) * StorageBlockDescriptor.MAP_ENTRY_LENGTH;
            for (int o : offsetsIn(rnd, map, mapLength, 3)) {
                flipAndCheck("storage block " + sb + " reverse map", o, rnd, tally);
            }
        }
        assertEquals(0, tally.harmless, "storage block header/map flips passed unnoticed: " + tally);
    }

    @Test
    void shouldRejectRawPayloadFlipsAndNeverMisrestoreLz4PayloadFlips() throws Exception {
        SplittableRandom rnd = new SplittableRandom(SEED ^ 3);
        ByteBuffer index = pristine.index();
        Tally raw = new Tally();
        for (long b : blocksOf(Encoding.RAW)) {
            int at = pristine.payloadAt(b);
            for (int o : offsetsIn(rnd, at, IndexEntryDescriptor.storedLength(index, b), 2)) {
                flipAndCheck("RAW payload of block " + b, o, rnd, raw);
            }
        }
        System.out.println("RAW payload flips: " + raw);
        assertEquals(0, raw.harmless, "RAW payload flips passed unnoticed: " + raw);
        Tally lz4 = new Tally();
        List<Long> lz4Blocks = blocksOf(Encoding.LZ4);
        for (int i = 0; i < 12; i++) {
            long b = lz4Blocks.get(rnd.nextInt(lz4Blocks.size()));
            int at = pristine.payloadAt(b);
            flipAndCheck("LZ4 payload of block " + b, at + rnd.nextInt(IndexEntryDescriptor.storedLength(index, b)), rnd, lz4);
        }
        // A flip in LZ4 data may decode to the same bytes (e.g. a match offset into equal data); flipAndCheck
        // asserted those restores are exact. Most flips must be caught.
        System.out.println("LZ4 payload flips: " + lz4);
        assertTrue(lz4.detected >= 6, "LZ4 payload flips: " + lz4 + " (seed=" + SEED + ")");
    }

    @Test
    void shouldRejectEveryIndexEntryFieldFlip() throws Exception {
        SplittableRandom rnd = new SplittableRandom(SEED ^ 4);
        List<Long> entries = new ArrayList<>();
        entries.add(blocksOf(Encoding.ZERO).get(0));
        entries.add(blocksOf(Encoding.RAW).get(0));
        List<Long> lz4 = blocksOf(Encoding.LZ4);
        entries.add(lz4.get(0));
        entries.add(lz4.get(lz4.size() - 1));
        int[][] fields = {
            {IndexEntryDescriptor.STORAGE_BLOCK_OFFSET, 4}, {IndexEntryDescriptor.PAYLOAD_OFFSET_OFFSET, 4},
            {IndexEntryDescriptor.STORED_LENGTH_OFFSET, 4}, {IndexEntryDescriptor.CRC_OFFSET, 4},
            {IndexEntryDescriptor.ENCODING_OFFSET, 1}, {IndexEntryDescriptor.RESERVED_OFFSET, 7}};
        Tally tally = new Tally();
        for (long n : entries) {
            int entry = pristine.indexOffset() + IndexEntryDescriptor.at(n);
            for (int[] f : fields) {
                flipAndCheck("index entry " + n + " @" + f[0], entry + f[0] + rnd.nextInt(f[1]), rnd, tally);
            }
        }
        assertEquals(0, tally.harmless, "index flips passed unnoticed: " + tally);
    }

    @Test
    void shouldRejectEveryStorageTableFieldFlip() throws Exception {
        SplittableRandom rnd = new SplittableRandom(SEED ^ 5);
        Tally tally = new Tally();
        int count = pristine.storageBlockCount();
        for (int sb : new int[] {0, count / 2, count - 1}) {
            int entry = pristine.tableOffset() + sb * StorageTableDescriptor.LENGTH;
            for (int o : offsetsIn(rnd, entry + StorageTableDescriptor.FILE_OFFSET_OFFSET, 8, 2)) {
                flipAndCheck("table entry " + sb + " offset", o, rnd, tally);
            }
            for (int o : offsetsIn(rnd, entry + StorageTableDescriptor.LENGTH_OFFSET, 4, 2)) {
                flipAndCheck("table entry " + sb + " length", o, rnd, tally);
            }
            for (int o : offsetsIn(rnd, entry + StorageTableDescriptor.ENTRY_COUNT_OFFSET, 4, 2)) {
                flipAndCheck("table entry " + sb + " entry count", o, rnd, tally);
            }
        }
        assertEquals(0, tally.harmless, "table flips passed unnoticed: " + tally);
    }

    @Test
    void shouldRejectEveryTrailerFieldFlipAndABrokenCommitMagic() throws Exception {
        SplittableRandom rnd = new SplittableRandom(SEED ^ 6);
        int[][] fields = {
            {TrailerDescriptor.INDEX_OFFSET_OFFSET, 8}, {TrailerDescriptor.INDEX_LENGTH_OFFSET, 8},
            {TrailerDescriptor.TABLE_OFFSET_OFFSET, 8}, {TrailerDescriptor.TABLE_LENGTH_OFFSET, 8},
            {TrailerDescriptor.HINT_OFFSET_OFFSET, 8}, {TrailerDescriptor.HINT_LENGTH_OFFSET, 4},
            {TrailerDescriptor.CHECKSUM_ALGORITHM_OFFSET, 4}, {TrailerDescriptor.INDEX_CRC_OFFSET, 4},
            {TrailerDescriptor.TABLE_CRC_OFFSET, 4}, {TrailerDescriptor.TRAILER_CRC_OFFSET, 4},
            {TrailerDescriptor.COMMIT_MAGIC_OFFSET, 4}};
        Tally tally = new Tally();
        for (int[] f : fields) {
            for (int o : offsetsIn(rnd, pristine.trailerAt() + f[0], f[1], 3)) {
                flipAndCheck("trailer field @" + f[0], o, rnd, tally);
            }
        }
        assertEquals(0, tally.harmless, "trailer flips passed unnoticed: " + tally);
        CheckpointImage img = pristine.copy();
        TrailerDescriptor.commitMagic(img.trailer(), 0);
        Outcome o = run(img, "commit magic zeroed");
        assertAllCorrupt(o, CorruptCheckpointException.class, "commit magic zeroed");
        assertTrue(o.read.getMessage().contains("commit magic"), o.read.getMessage());
    }

    @Test
    void shouldRestoreExactlyAfterFlipsInPaddingAndReservedBytes() throws Exception {
        SplittableRandom rnd = new SplittableRandom(SEED ^ 7);
        Tally tally = new Tally();
        for (int o : offsetsIn(rnd, HeaderDescriptor.LENGTH, HeaderDescriptor.REGION_LENGTH - HeaderDescriptor.LENGTH, 6)) {
            flipAndCheck("header region padding", o, rnd, tally);
        }
        ByteBuffer all = pristine.all();
        for (int sb = 0; sb < pristine.storageBlockCount(); sb++) {
            int at = pristine.storageBlockOffset(sb);
            flipAndCheck("storage block " + sb + " reserved", at + StorageBlockDescriptor.RESERVED_OFFSET + rnd.nextInt(8),
                rnd, tally);
            int end = at + StorageBlockDescriptor.length(all, at);
            int next = (int) StorageBlockDescriptor.align(end, StorageBlockDescriptor.FILE_ALIGNMENT);
            if (next > end) {
                flipAndCheck("storage block " + sb + " tail padding", end + rnd.nextInt(next - end), rnd, tally);
            }
        }
        int gaps = 0;
        for (Map.Entry<Integer, int[]> gap : payloadGaps().entrySet()) {
            if (gaps++ < 6) {
                flipAndCheck("payload alignment padding", gap.getKey() + rnd.nextInt(gap.getValue()[0]), rnd, tally);
            }
        }
        assertTrue(gaps > 0, "no alignment padding between payloads found (seed=" + SEED + ")");
        // Nothing reads these bytes: every flip is harmless, and flipAndCheck asserted each restore exact.
        System.out.println("padding and reserved flips: " + tally);
        assertEquals(0, tally.detected, tally.toString());
        assertTrue(tally.harmless >= 6 + pristine.storageBlockCount(), tally.toString());
    }

    /** Seeded flips anywhere in the file: each is caught by the check that covers its byte, or harmless. */
    @Test
    void shouldDetectOrSurviveFlipsAtRandomOffsets() throws Exception {
        SplittableRandom rnd = new SplittableRandom(SEED ^ 8);
        Tally tally = new Tally();
        for (int i = 0; i < 150; i++) {
            flipAndCheck("random offset", rnd.nextInt(pristine.length()), rnd, tally);
        }
        System.out.println("random-offset flips: " + tally);
        assertTrue(tally.detected > 0, tally.toString());
    }

    // ---------------------------------------------------------------- truncation and foreign files

    @Test
    void shouldRejectTruncatedFilesAtEveryInterestingLength() throws Exception {
        int data = pristine.storageBlockOffset(0);
        int length = pristine.length();
        int[] cuts = {0, 1, 7, 8, 100, 127, 128, 4095, 4096, 4097, 4096 + 63, 4096 + 64,
            data + pristine.storageBlockLength(0) / 2, pristine.storageBlockOffset(1),
            pristine.indexOffset() - 1, pristine.indexOffset(), pristine.indexOffset() + pristine.indexLength() / 2,
            pristine.tableOffset(), pristine.tableOffset() + pristine.tableLength() / 2, pristine.trailerAt(),
            length - 64, length - 63, length - 4, length - 1};
        for (int cut : cuts) {
            CheckpointImage img = new CheckpointImage(java.util.Arrays.copyOf(pristine.bytes, cut));
            String ctx = "truncated to " + cut + " of " + length + " bytes";
            Outcome o = run(img, ctx);
            Class<? extends CheckpointException> expected = cut < 8 ? NotACheckpointException.class
                : CorruptCheckpointException.class;
            assertAllCorrupt(o, expected, ctx);
        }
    }

    @Test
    void shouldRejectFilesWithBytesAppendedOrCutFromTheMiddle() throws Exception {
        byte[] longer = java.util.Arrays.copyOf(pristine.bytes, pristine.length() + 4096);
        assertAllCorrupt(run(new CheckpointImage(longer), "4096 zero bytes appended"), CorruptCheckpointException.class,
            "appended");
        // Cut out the last storage block but keep the trailer at the end.
        int sb = pristine.storageBlockCount() - 1;
        int from = pristine.storageBlockOffset(sb);
        int to = pristine.indexOffset();
        byte[] holed = new byte[pristine.length() - (to - from)];
        System.arraycopy(pristine.bytes, 0, holed, 0, from);
        System.arraycopy(pristine.bytes, to, holed, from, pristine.length() - to);
        assertAllCorrupt(run(new CheckpointImage(holed), "last storage block cut out"), CorruptCheckpointException.class,
            "hole");
    }

    static Stream<Arguments> foreignFiles() {
        byte[] random = new byte[64 << 10];
        new SplittableRandom(SEED ^ 9).nextBytes(random);
        StringBuilder text = new StringBuilder();
        while (text.length() < 20_000) {
            text.append("The quick brown fox checkpoints the lazy dog.\r\n");
        }
        return Stream.of(
            Arguments.of("empty file", new byte[0]),
            Arguments.of("all-zero file of 8 KiB", new byte[8192]),
            Arguments.of("all-zero file of 1 MiB", new byte[1 << 20]),
            Arguments.of("random bytes", random),
            Arguments.of("text file", text.toString().getBytes(StandardCharsets.US_ASCII)),
            Arguments.of("the magic alone", java.util.Arrays.copyOf("CKPT\r\n\u001a\n".getBytes(StandardCharsets.ISO_8859_1), 8)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("foreignFiles")
    void shouldRejectFilesThatAreNotCheckpoints(String what, byte[] content) throws Exception {
        Outcome o = run(new CheckpointImage(content), what);
        Class<? extends CheckpointException> expected = what.equals("the magic alone") ? CorruptCheckpointException.class
            : NotACheckpointException.class;
        assertAllCorrupt(o, expected, what);
    }

    @Test
    void shouldRejectACheckpointMangledByTextModeLineEndings() throws Exception {
        byte[] b = pristine.bytes;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(b.length);
        for (int i = 0; i < b.length; i++) {
            if (!(b[i] == '\r' && i + 1 < b.length && b[i + 1] == '\n')) {
                out.write(b[i]);
            }
        }
        assertAllCorrupt(run(new CheckpointImage(out.toByteArray()), "CRLF -> LF"), NotACheckpointException.class, "CRLF");
    }

    @Test
    void shouldFailWithNoSuchFileForAMissingFile() {
        Path missing = dir.resolve("no-such.ckpt");
        for (Op op : ops()) {
            NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> op.run(missing), op.name);
            assertTrue(e.getMessage().contains("no-such.ckpt"), op.name + ": " + e.getMessage());
        }
    }

    @Test
    void shouldFailWithACheckedIOExceptionForADirectory() throws Exception {
        Path sub = Files.createDirectories(dir.resolve("a-directory.ckpt"));
        for (Op op : ops()) {
            Throwable t = capture(() -> op.run(sub));
            // Not a checkpoint: any checked IOException will do, an unchecked one or success will not.
            if (!(t instanceof IOException)) {
                fail(op.name + " on a directory: expected an IOException, got " + t, t);
            }
        }
    }

    // ---------------------------------------------------------------- CRC-valid but structurally bad files

    @Test
    void shouldRejectIndexEntryWhosePayloadRunsPastItsStorageBlock() throws Exception {
        long n = largestLz4Block();
        expectMetadataRejected(img -> {
            ByteBuffer index = img.index();
            int sb = IndexEntryDescriptor.storageBlock(index, n);
            int off = (img.storageBlockLength(sb) - 8) & ~7;
            LittleEndian.putInt(index, IndexEntryDescriptor.at(n) + IndexEntryDescriptor.PAYLOAD_OFFSET_OFFSET, off);
            img.fixIndexCrc();
            img.fixTrailerCrc();
        }, "payload offset at the storage block's end", "index entry " + n);
    }

    @Test
    void shouldRejectStoredLengthsLargerThanTheStorageBlockOrWrongForTheEncoding() throws Exception {
        long lz4 = largestLz4Block();
        long raw = blocksOf(Encoding.RAW).get(0);
        int[] lengths = {STORAGE_BLOCK + 8, Integer.MAX_VALUE, -1, 0};
        for (int len : lengths) {
            expectMetadataRejected(img -> setStoredLength(img, lz4, len), "LZ4 stored length " + len, "index entry " + lz4);
        }
        for (int len : new int[] {BLOCK - 8, BLOCK + 8}) {
            expectMetadataRejected(img -> setStoredLength(img, raw, len), "RAW stored length " + len, "index entry " + raw);
        }
    }

    @Test
    void shouldRejectStorageBlockNumbersOutOfRange() throws Exception {
        long n = blocksOf(Encoding.LZ4).get(1);
        for (int sb : new int[] {pristine.storageBlockCount(), Integer.MAX_VALUE, -2, Integer.MIN_VALUE}) {
            expectMetadataRejected(img -> {
                IndexEntryDescriptor.storageBlock(img.index(), n, sb);
                img.fixIndexCrc();
                img.fixTrailerCrc();
            }, "storage block number " + sb, "index entry " + n);
        }
    }

    @Test
    void shouldRejectUnknownEncodingsParentInAFullFileAndZeroBlocksWithPayloads() throws Exception {
        long lz4 = blocksOf(Encoding.LZ4).get(2);
        long zero = blocksOf(Encoding.ZERO).get(0);
        expectMetadataRejected(img -> {
            img.index().put(IndexEntryDescriptor.at(lz4) + IndexEntryDescriptor.ENCODING_OFFSET, (byte) 3);
            img.fixIndexCrc();
            img.fixTrailerCrc();
        }, "encoding 3", "index entry " + lz4);
        expectMetadataRejected(img -> {
            img.index().put(IndexEntryDescriptor.at(lz4) + IndexEntryDescriptor.ENCODING_OFFSET, (byte) 4);
            img.fixIndexCrc();
            img.fixTrailerCrc();
        }, "encoding 4", "index entry " + lz4);
        // Reserved index bytes are for later minor versions: readers ignore them (FORMAT.md).
        expectMetadataRejected(img -> {
            IndexEntryDescriptor.storageBlock(img.index(), zero, 0);
            img.fixIndexCrc();
            img.fixTrailerCrc();
        }, "ZERO block in storage block 0", "index entry " + zero);
        // An LZ4 entry in a checkpoint whose header says codec NONE.
        expectMetadataRejected(img -> {
            HeaderDescriptor.codec(img.header(), Codec.NONE.id());
            img.fixHeaderCrc();
            img.fixTrailerCrc();
        }, "codec NONE with LZ4 blocks", "index entry");
    }

    @Test
    void shouldRejectTableEntriesThatOverlapOrDisagreeWithTheIndex() throws Exception {
        expectMetadataRejected(img -> {
            StorageTableDescriptor.entry(img.table(), 1, img.storageBlockOffset(0), img.storageBlockLength(1),
                StorageTableDescriptor.entryCount(img.table(), 1));
            img.fixTableCrc();
            img.fixTrailerCrc();
        }, "storage block 1 at storage block 0's offset", "storage table entry 1");
        assertTrue(pristine.storageBlockLength(0) > StorageBlockDescriptor.FILE_ALIGNMENT);
        expectMetadataRejected(img -> {
            StorageTableDescriptor.entry(img.table(), 1, img.storageBlockOffset(0) + StorageBlockDescriptor.FILE_ALIGNMENT,
                img.storageBlockLength(1), StorageTableDescriptor.entryCount(img.table(), 1));
            img.fixTableCrc();
            img.fixTrailerCrc();
        }, "storage block 1 starting inside storage block 0", "storage table entry 1");
        expectMetadataRejected(img -> {
            ByteBuffer t = img.table();
            StorageTableDescriptor.entry(t, 0, img.storageBlockOffset(0), img.storageBlockLength(0),
                StorageTableDescriptor.entryCount(t, 0) + 1);
            img.fixTableCrc();
            img.fixTrailerCrc();
        }, "entry count one more than the index names", "storage table entry 0");
        expectMetadataRejected(img -> {
            ByteBuffer t = img.table();
            StorageTableDescriptor.entry(t, 0, img.storageBlockOffset(0), STORAGE_BLOCK + 4096,
                StorageTableDescriptor.entryCount(t, 0));
            img.fixTableCrc();
            img.fixTrailerCrc();
        }, "length above the storage block size", "storage table entry 0");
        expectMetadataRejected(img -> {
            ByteBuffer t = img.table();
            StorageTableDescriptor.entry(t, 0, img.storageBlockOffset(0) + 8, img.storageBlockLength(0),
                StorageTableDescriptor.entryCount(t, 0));
            img.fixTableCrc();
            img.fixTrailerCrc();
        }, "misaligned offset", "storage table entry 0");
    }

    @Test
    void shouldRejectTableOffsetsBeyondTheFile() throws Exception {
        int last = pristine.storageBlockCount() - 1;
        long beyond = StorageBlockDescriptor.align(pristine.length() + 4096L, StorageBlockDescriptor.FILE_ALIGNMENT);
        expectMetadataRejected(img -> setTableOffset(img, last, beyond), "offset " + beyond, "storage table entry " + last);
        expectMetadataRejected(img -> setTableOffset(img, last, -4096), "offset -4096", "storage table entry " + last);
    }

    @Test
    void shouldRejectTableOffsetsWhoseEndOverflows() throws Exception {
        // offset + length wraps around Long.MAX_VALUE: the bound check must not be fooled by the overflow.
        int last = pristine.storageBlockCount() - 1;
        long huge = Long.MAX_VALUE & -(long) StorageBlockDescriptor.FILE_ALIGNMENT;
        expectMetadataRejected(img -> setTableOffset(img, last, huge), "offset " + huge, "storage table entry " + last);
    }

    @Test
    void shouldRejectAbsurdBlockCountsAndArenaSizesWithValidHeaderChecksum() throws Exception {
        long[][] cases = {
            {ARENA, 1L << 40}, {ARENA, -1}, {ARENA, 0}, {ARENA, Long.MAX_VALUE},
            {1L << 50, (1L << 50) / BLOCK},             // consistent, but beyond the index's limit
            {1L << 36, (1L << 36) / BLOCK},             // consistent and allowed: the trailer's index length disagrees
            {0, 0}, {-BLOCK, -1}, {Long.MIN_VALUE, 0}};
        for (long[] c : cases) {
            expectMetadataRejected(img -> {
                HeaderDescriptor.arenaSize(img.header(), c[0]);
                HeaderDescriptor.dataLength(img.header(), c[0]);
                HeaderDescriptor.blockCount(img.header(), c[1]);
                img.fixHeaderCrc();
                img.fixTrailerCrc();
            }, "arena size " + c[0] + ", block count " + c[1], "");
        }
    }

    static Stream<Arguments> impossibleHeaderFields() {
        return Stream.of(
            Arguments.of("header length 64", (Consumer<ByteBuffer>) h -> HeaderDescriptor.headerLength(h, 64)),
            Arguments.of("page size 8192", (Consumer<ByteBuffer>) h -> HeaderDescriptor.pageSize(h, 8192)),
            Arguments.of("pages per block 3", (Consumer<ByteBuffer>) h -> HeaderDescriptor.pagesPerBlock(h, 3)),
            Arguments.of("pages per block 0", (Consumer<ByteBuffer>) h -> HeaderDescriptor.pagesPerBlock(h, 0)),
            Arguments.of("pages per block 32", (Consumer<ByteBuffer>) h -> HeaderDescriptor.pagesPerBlock(h, 32)),
            Arguments.of("pages per block 512", (Consumer<ByteBuffer>) h -> HeaderDescriptor.pagesPerBlock(h, 512)),
            Arguments.of("storage block size 4096", (Consumer<ByteBuffer>) h -> HeaderDescriptor.storageBlockSize(h, 4096)),
            Arguments.of("storage block size below two blocks",
                (Consumer<ByteBuffer>) h -> HeaderDescriptor.storageBlockSize(h, 2 * BLOCK)),
            Arguments.of("storage block size below a stored length",
                (Consumer<ByteBuffer>) h -> HeaderDescriptor.storageBlockSize(h, StorageBlockDescriptor.minimumSize(BLOCK))),
            Arguments.of("storage block size 1 GiB", (Consumer<ByteBuffer>) h -> HeaderDescriptor.storageBlockSize(h, 1 << 30)),
            Arguments.of("storage block size -4096", (Consumer<ByteBuffer>) h -> HeaderDescriptor.storageBlockSize(h, -4096)),
            Arguments.of("codec 7", (Consumer<ByteBuffer>) h -> HeaderDescriptor.codec(h, 7)),
            Arguments.of("data length 0", (Consumer<ByteBuffer>) h -> HeaderDescriptor.dataLength(h, 0)),
            Arguments.of("data length above arena", (Consumer<ByteBuffer>) h -> HeaderDescriptor.dataLength(h, ARENA + 1)),
            Arguments.of("data length -1", (Consumer<ByteBuffer>) h -> HeaderDescriptor.dataLength(h, -1)),
            Arguments.of("arena size not page aligned", (Consumer<ByteBuffer>) h -> {
                HeaderDescriptor.arenaSize(h, ARENA - 100);
                HeaderDescriptor.dataLength(h, ARENA - 100);
            }),
            Arguments.of("data offset 0", (Consumer<ByteBuffer>) h -> HeaderDescriptor.dataOffset(h, 0)),
            Arguments.of("data offset 8192", (Consumer<ByteBuffer>) h -> HeaderDescriptor.dataOffset(h, 8192)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("impossibleHeaderFields")
    void shouldRejectImpossibleHeaderFieldsEvenWithValidChecksums(String what, Consumer<ByteBuffer> rewrite) throws Exception {
        expectMetadataRejected(img -> {
            rewrite.accept(img.header());
            img.fixHeaderCrc();
            img.fixTrailerCrc();
        }, what, "");
    }

    @Test
    void shouldRejectInconsistentTrailerLayoutsWithValidChecksum() throws Exception {
        expectMetadataRejected(img -> {
            TrailerDescriptor.checksumAlgorithm(img.trailer(), 2);
            img.fixTrailerCrc();
        }, "checksum algorithm 2", "trailer");
        expectMetadataRejected(img -> {
            ByteBuffer t = img.trailer();
            TrailerDescriptor.indexOffset(t, TrailerDescriptor.indexOffset(t) + 8);
            img.fixTrailerCrc();
        }, "index offset misaligned", "trailer");
        expectMetadataRejected(img -> {
            ByteBuffer t = img.trailer();
            TrailerDescriptor.indexLength(t, TrailerDescriptor.indexLength(t) - IndexEntryDescriptor.LENGTH);
            TrailerDescriptor.tableOffset(t, TrailerDescriptor.tableOffset(t) - IndexEntryDescriptor.LENGTH);
            img.fixTrailerCrc();
        }, "index one entry short", "trailer");
        expectMetadataRejected(img -> {
            ByteBuffer t = img.trailer();
            TrailerDescriptor.hintLength(t, 4);
            img.fixTrailerCrc();
        }, "hint running into the trailer", "trailer");
        expectMetadataRejected(img -> {
            ByteBuffer t = img.trailer();
            TrailerDescriptor.tableLength(t, -16);
            img.fixTrailerCrc();
        }, "negative table length", "trailer");
        expectMetadataRejected(img -> {
            ByteBuffer t = img.trailer();
            TrailerDescriptor.indexOffset(t, Long.MIN_VALUE);
            img.fixTrailerCrc();
        }, "index offset Long.MIN_VALUE", "trailer");
    }

    /**
     * A hint section claimed to be 2 GiB or more (u32 length) in a sparse file: the reader must not
     * try to allocate a buffer of a negative or absurd size before validating it.
     */
    @Test
    void shouldRejectAHintSectionOfAbsurdLength() throws Exception {
        long hint = (1L << 31) + 4096;
        Path file = dir.resolve("huge-hint.ckpt");
        CheckpointImage img = pristine.copy();
        ByteBuffer t = img.trailer();
        TrailerDescriptor.hintLength(t, (int) hint);
        img.fixTrailerCrc();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(ByteBuffer.wrap(img.bytes, 0, img.trailerAt()), 0);
            ch.write(ByteBuffer.wrap(img.bytes, img.trailerAt(), TrailerDescriptor.LENGTH), img.trailerAt() + hint);
        }
        try {
            String ctx = "hint length " + hint + " in a sparse file";
            Outcome o = assertTimeoutPreemptively(TIMEOUT, () -> runOps(file), ctx);
            assertAllCorrupt(o, CorruptCheckpointException.class, ctx);
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void shouldRejectLz4PayloadsThatDecodeToTheWrongSize() throws Exception {
        long n = largestLz4Block();
        byte[] block = new byte[BLOCK];
        original.getBytes(n * BLOCK, block, 0, BLOCK);
        // Shorter: a valid LZ4 block of the first half of the original content.
        byte[] shorter = LZ4Factory.fastestJavaInstance().fastCompressor().compress(block, 0, BLOCK / 2);
        expectDataRejected(img -> replacePayload(img, n, shorter), "LZ4 payload of half a block", "block " + n);
        // Longer: a valid LZ4 block of two blocks' worth of zeros (compresses to a few hundred bytes).
        byte[] longer = LZ4Factory.fastestJavaInstance().fastCompressor().compress(new byte[2 * BLOCK]);
        expectDataRejected(img -> replacePayload(img, n, longer), "LZ4 payload of two blocks", "block " + n);
        // Truncated: the original LZ4 data cut short.
        expectDataRejected(img -> setStoredLength(img, n,
            IndexEntryDescriptor.storedLength(pristine.index(), n) / 2 & ~7), "LZ4 payload cut in half", "block " + n);
    }

    @Test
    void shouldRejectStorageBlockHeadersAndMapsThatLieWithAValidMapChecksum() throws Exception {
        int sb = 1;
        int at = pristine.storageBlockOffset(sb);
        ByteBuffer all = pristine.all();
        int mapAt = at + StorageBlockDescriptor.mapOffset(all, at);
        long otherBlock = blocksOf(Encoding.LZ4).stream()
            .filter(b -> IndexEntryDescriptor.storageBlock(pristine.index(), b) != sb).findFirst().orElseThrow();
        expectDataRejected(img -> {
            LittleEndian.putInt(img.all(), mapAt, (int) otherBlock);
            img.fixMapCrc(sb);
        }, "reverse map naming block " + otherBlock, "storage block " + sb);
        expectDataRejected(img -> {
            LittleEndian.putInt(img.all(), mapAt, (int) pristine.blockCount());
            img.fixMapCrc(sb);
        }, "reverse map naming a block beyond the arena", "storage block " + sb);
        expectDataRejected(img -> {
            LittleEndian.putInt(img.all(), mapAt, -1);
            img.fixMapCrc(sb);
        }, "reverse map naming block 0xffffffff", "storage block " + sb);
        expectDataRejected(img -> {
            StorageBlockDescriptor.entryCount(img.all(), at, StorageBlockDescriptor.entryCount(img.all(), at) - 1);
            img.fixMapCrc(sb);
        }, "entry count one less", "storage block " + sb);
        expectDataRejected(img -> {
            StorageBlockDescriptor.sequence(img.all(), at, sb + 1);
            img.fixMapCrc(sb);
        }, "sequence of the next storage block", "storage block " + sb);
        expectDataRejected(img -> {
            StorageBlockDescriptor.magic(img.all(), at, 0x4B4C4254);
            img.fixMapCrc(sb);
        }, "wrong magic", "storage block " + sb);
        expectDataRejected(img -> {
            StorageBlockDescriptor.mapOffset(img.all(), at, 8);
            img.fixMapCrc(sb);
        }, "map offset inside the header", "storage block " + sb);
    }

    /**
     * A reverse map that names only blocks of its storage block but not all of them, or one twice,
     * contradicts FORMAT.md section 5 (entryCount equals the table's; the map lists the blocks in
     * payload order), yet the reference reader (section 12, step 8) does not check that: restore is
     * driven by the index. Whatever a reader does with it, it must not restore wrong bytes.
     */
    @Test
    void shouldNeverMisrestoreWhenAReverseMapOmitsOrRepeatsBlocksOfItsStorageBlock() throws Exception {
        int sb = 0;
        int at = pristine.storageBlockOffset(sb);
        ByteBuffer all = pristine.all();
        int count = StorageBlockDescriptor.entryCount(all, at);
        int mapAt = at + StorageBlockDescriptor.mapOffset(all, at);
        assertTrue(count >= 2, "storage block 0 holds " + count + " blocks (seed=" + SEED + ")");
        List<Rewrite> lies = List.of(
            img -> { // the first block omitted: one entry fewer, map starting 4 bytes later
                StorageBlockDescriptor.entryCount(img.all(), at, count - 1);
                StorageBlockDescriptor.mapOffset(img.all(), at, mapAt - at + StorageBlockDescriptor.MAP_ENTRY_LENGTH);
                img.fixMapCrc(sb);
            },
            img -> { // the second entry repeats the first
                LittleEndian.putInt(img.all(), mapAt + 4, LittleEndian.getInt(img.all(), mapAt));
                img.fixMapCrc(sb);
            },
            img -> { // the first two entries swapped: not in payload order
                int a = LittleEndian.getInt(img.all(), mapAt);
                LittleEndian.putInt(img.all(), mapAt, LittleEndian.getInt(img.all(), mapAt + 4));
                LittleEndian.putInt(img.all(), mapAt + 4, a);
                img.fixMapCrc(sb);
            });
        int detected = 0;
        for (int i = 0; i < lies.size(); i++) {
            CheckpointImage img = pristine.copy();
            lies.get(i).apply(img);
            String ctx = "reverse map lie " + i + " (seed=" + SEED + ")";
            Outcome o = run(img, ctx);
            assertDetectedOrExact(o, ctx);
            detected += o.restored() ? 0 : 1;
        }
        System.out.println("reverse map lies detected: " + detected + " of " + lies.size());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 2, 0xFFFF})
    void shouldRejectUnsupportedMajorVersionsWithTypedExceptions(int major) throws Exception {
        CheckpointImage img = pristine.copy();
        HeaderDescriptor.majorVersion(img.header(), major);
        img.fixHeaderCrc();
        img.fixTrailerCrc();
        String ctx = "major version " + major;
        Outcome o = run(img, ctx);
        Class<? extends CheckpointException> expected = major == 0 ? CheckpointFormatTooOldException.class
            : CheckpointFormatTooNewException.class;
        for (Throwable t : new Throwable[] {o.read, o.verify, o.restore}) {
            assertTyped(t, expected, ctx, false);
            assertTrue(t.getMessage().contains("version " + major), ctx + ": " + t.getMessage());
        }
    }

    /**
     * A reader must recognise another major version before it checks anything the new version
     * may have moved, such as the header checksum: a v2 file has to say "too new, upgrade", not
     * "checksum mismatch".
     */
    @Test
    void shouldReportTheMajorVersionBeforeCheckingTheHeaderChecksum() throws Exception {
        for (int major : new int[] {0, 2, 3, 0x101, 0xFFFF}) {
            CheckpointImage img = pristine.copy();
            HeaderDescriptor.majorVersion(img.header(), major);
            String ctx = "major version " + major + " without a v1 header checksum";
            Outcome o = run(img, ctx);
            Class<? extends CheckpointException> expected = major == 0 ? CheckpointFormatTooOldException.class
                : CheckpointFormatTooNewException.class;
            assertAll(ctx,
                () -> assertTyped(o.read, expected, ctx + " [read]", false),
                () -> assertTyped(o.verify, expected, ctx + " [verify]", false),
                () -> assertTyped(o.restore, expected, ctx + " [restore]", false));
        }
    }

    @Test
    void shouldRestoreAFileOfANewerMinorVersion() throws Exception {
        CheckpointImage img = pristine.copy();
        HeaderDescriptor.minorVersion(img.header(), 9);
        img.fixHeaderCrc();
        img.fixTrailerCrc();
        Outcome o = run(img, "minor version 9");
        assertNull(o.read, "minor version 9");
        assertNull(o.verify, "minor version 9");
        assertNull(o.restore, "minor version 9");
        assertEquals(-1, o.mismatch, "minor version 9 restored different bytes");
    }

    // ---------------------------------------------------------------- machinery

    private record Op(String name, ThrowingPath body) {
        void run(Path p) throws Exception {
            body.run(p);
        }
    }

    @FunctionalInterface
    interface ThrowingPath {
        void run(Path p) throws Exception;
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @FunctionalInterface
    interface Rewrite {
        void apply(CheckpointImage img) throws Exception;
    }

    private List<Op> ops() {
        return List.of(
            new Op("CheckpointMetadata.read", CheckpointMetadata::read),
            new Op("Checkpoints.verify", Checkpoints::verify),
            new Op("Checkpoints.restore", p -> Checkpoints.restore(p, target)));
    }

    private static final class Tally {
        int detected;
        int harmless;

        @Override
        public String toString() {
            return "detected=" + detected + " harmless=" + harmless + " (seed=" + SEED + ")";
        }
    }

    private static Throwable capture(ThrowingRunnable r) {
        try {
            r.run();
            return null;
        } catch (Throwable t) {
            return t;
        }
    }

    private Outcome run(CheckpointImage img, String ctx) throws IOException {
        img.write(damaged);
        return assertTimeoutPreemptively(TIMEOUT, () -> runOps(damaged), ctx + " (seed=" + SEED + ")");
    }

    private Outcome runOps(Path file) {
        Throwable read = capture(() -> CheckpointMetadata.read(file));
        Throwable verify = capture(() -> Checkpoints.verify(file));
        target.fill(0, ARENA, (byte) 0x5A);
        Throwable restore = capture(() -> Checkpoints.restore(file, target));
        long mismatch = restore == null ? Arenas.mismatch(original, target) : -2;
        return new Outcome(read, verify, restore, mismatch);
    }

    /** Flips the byte at {@code at} with a seeded mask and checks the outcome against what protects that byte. */
    private void flipAndCheck(String structure, int at, SplittableRandom rnd, Tally tally) throws IOException {
        int mask = 1 + rnd.nextInt(255);
        Kind kind = classify(at);
        String ctx = structure + ": flip 0x" + Integer.toHexString(mask) + " at file offset 0x" + Integer.toHexString(at)
            + " (" + kind + ", seed=" + SEED + ")";
        CheckpointImage img = pristine.copy();
        img.flip(at, mask);
        Outcome o = run(img, ctx);
        switch (kind) {
            case MAGIC -> assertAllCorrupt(o, NotACheckpointException.class, ctx);
            case VERSION -> assertVersionOrCorrupt(o, ctx);
            case METADATA -> assertAllCorrupt(o, CorruptCheckpointException.class, ctx);
            case DATA -> assertDataCorrupt(o, ctx);
            case LZ4_PAYLOAD, UNCHECKED -> assertDetectedOrExact(o, ctx);
        }
        if (o.restored()) {
            tally.harmless++;
        } else {
            tally.detected++;
        }
    }

    private void assertAllCorrupt(Outcome o, Class<? extends CheckpointException> expected, String ctx) {
        assertAll(ctx,
            () -> assertTyped(o.read, expected, ctx + " [read]", true),
            () -> assertTyped(o.verify, expected, ctx + " [verify]", true),
            () -> assertTyped(o.restore, expected, ctx + " [restore]", true));
    }

    private void assertVersionOrCorrupt(Outcome o, String ctx) {
        for (Throwable t : new Throwable[] {o.read, o.verify, o.restore}) {
            if (t instanceof CheckpointFormatTooNewException || t instanceof CheckpointFormatTooOldException) {
                assertTrue(t.getMessage().contains("version"), ctx + ": " + t.getMessage());
            } else {
                assertTyped(t, CorruptCheckpointException.class, ctx, true);
            }
        }
    }

    private void assertDataCorrupt(Outcome o, String ctx) {
        if (o.read != null) {
            assertTyped(o.read, CorruptCheckpointException.class, ctx + " [read]", true);
        }
        assertTyped(o.verify, CorruptCheckpointException.class, ctx + " [verify]", true);
        assertTyped(o.restore, CorruptCheckpointException.class, ctx + " [restore]", true);
    }

    private void assertDetectedOrExact(Outcome o, String ctx) {
        for (Throwable t : new Throwable[] {o.read, o.verify, o.restore}) {
            if (t != null) {
                assertTyped(t, CorruptCheckpointException.class, ctx, true);
            }
        }
        // verify is stricter than restore in one way only: it also requires the uncovered padding to be zero.
        boolean paddingOnly = o.verify instanceof CorruptCheckpointException && o.restore == null
            && io.ckpt.restore.CheckpointVerifier.isPadding((CorruptCheckpointException) o.verify);
        assertEquals(o.verify == null || paddingOnly, o.restore == null, ctx + ": verify and restore disagree: verify="
            + o.verify + " restore=" + o.restore);
        if (o.restored()) {
            assertEquals(-1, o.mismatch, ctx + ": restore reported success but the arena differs at 0x"
                + Long.toHexString(o.mismatch));
        }
    }

    private static void assertTyped(Throwable t, Class<? extends CheckpointException> expected, String ctx,
                                    boolean offsetInMessage) {
        if (t == null) {
            fail(ctx + ": expected " + expected.getSimpleName() + ", but the operation succeeded");
        }
        if (!expected.isInstance(t)) {
            fail(ctx + ": expected " + expected.getSimpleName() + ", got " + t, t);
        }
        if (expected == CorruptCheckpointException.class && t instanceof NotACheckpointException) {
            fail(ctx + ": a damaged checkpoint reported as not a checkpoint: " + t, t);
        }
        if (offsetInMessage && (t.getMessage() == null || !t.getMessage().contains("0x"))) {
            fail(ctx + ": message names no offset: " + t.getMessage(), t);
        }
    }

    /** Applies {@code rewrite} to a copy; all three operations must reject the result. */
    private void expectMetadataRejected(Rewrite rewrite, String what, String structure) throws Exception {
        CheckpointImage img = pristine.copy();
        rewrite.apply(img);
        String ctx = what + " (seed=" + SEED + ")";
        Outcome o = run(img, ctx);
        assertAllCorrupt(o, CorruptCheckpointException.class, ctx);
        assertTrue(o.read.getMessage().contains(structure), ctx + ": message does not name '" + structure + "': "
            + o.read.getMessage());
    }

    /** Applies {@code rewrite} to a copy; the metadata reads fine, decoding must reject it. */
    private void expectDataRejected(Rewrite rewrite, String what, String structure) throws Exception {
        CheckpointImage img = pristine.copy();
        rewrite.apply(img);
        String ctx = what + " (seed=" + SEED + ")";
        Outcome o = run(img, ctx);
        assertNull(o.read, ctx + ": the metadata is intact, read should pass");
        assertDataCorrupt(o, ctx);
        assertTrue(o.restore.getMessage().contains(structure), ctx + ": message does not name '" + structure + "': "
            + o.restore.getMessage());
    }

    private static void setStoredLength(CheckpointImage img, long block, int length) {
        LittleEndian.putInt(img.index(), IndexEntryDescriptor.at(block) + IndexEntryDescriptor.STORED_LENGTH_OFFSET, length);
        img.fixIndexCrc();
        img.fixTrailerCrc();
    }

    private static void setTableOffset(CheckpointImage img, int sb, long offset) {
        ByteBuffer t = img.table();
        StorageTableDescriptor.entry(t, sb, offset, StorageTableDescriptor.length(t, sb), StorageTableDescriptor.entryCount(t, sb));
        img.fixTableCrc();
        img.fixTrailerCrc();
    }

    /** Writes {@code payload} over block {@code n}'s payload and fixes its stored length and the checksums. */
    private static void replacePayload(CheckpointImage img, long n, byte[] payload) {
        int old = IndexEntryDescriptor.storedLength(img.index(), n);
        assertTrue(payload.length <= old, "replacement payload " + payload.length + " > slot " + old);
        System.arraycopy(payload, 0, img.bytes, img.payloadAt(n), payload.length);
        setStoredLength(img, n, payload.length);
    }

    private List<Long> blocksOf(Encoding e) {
        ByteBuffer index = pristine.index();
        List<Long> out = new ArrayList<>();
        for (long n = 0; n < pristine.blockCount(); n++) {
            if (IndexEntryDescriptor.encoding(index, n) == e) {
                out.add(n);
            }
        }
        return out;
    }

    private long largestLz4Block() {
        ByteBuffer index = pristine.index();
        long best = -1;
        for (long n : blocksOf(Encoding.LZ4)) {
            if (best < 0 || IndexEntryDescriptor.storedLength(index, n) > IndexEntryDescriptor.storedLength(index, best)) {
                best = n;
            }
        }
        return best;
    }

    /** @return distinct seeded offsets in {@code [from, from + length)}, at most {@code count}. */
    private static int[] offsetsIn(SplittableRandom rnd, int from, int length, int count) {
        if (length <= count) {
            return java.util.stream.IntStream.range(from, from + length).toArray();
        }
        return rnd.ints(from, from + length).distinct().limit(count).toArray();
    }

    /** @return file offset of each gap between payloads inside storage blocks, mapped to {gap length}. */
    private Map<Integer, int[]> payloadGaps() {
        TreeMap<Integer, int[]> gaps = new TreeMap<>();
        TreeMap<Integer, Integer> payloads = payloads();
        ByteBuffer all = pristine.all();
        for (int sb = 0; sb < pristine.storageBlockCount(); sb++) {
            int at = pristine.storageBlockOffset(sb);
            int cursor = at + StorageBlockDescriptor.HEADER_LENGTH;
            int map = at + StorageBlockDescriptor.mapOffset(all, at);
            for (Map.Entry<Integer, Integer> p : payloads.subMap(at, map).entrySet()) {
                if (p.getKey() > cursor) {
                    gaps.put(cursor, new int[] {p.getKey() - cursor});
                }
                cursor = p.getKey() + p.getValue();
            }
            if (map > cursor) {
                gaps.put(cursor, new int[] {map - cursor});
            }
        }
        return gaps;
    }

    /** @return payload file offset to stored length, for every stored block. */
    private TreeMap<Integer, Integer> payloads() {
        TreeMap<Integer, Integer> out = new TreeMap<>();
        ByteBuffer index = pristine.index();
        for (long n = 0; n < pristine.blockCount(); n++) {
            if (IndexEntryDescriptor.encoding(index, n) != Encoding.ZERO) {
                out.put(pristine.payloadAt(n), IndexEntryDescriptor.storedLength(index, n));
            }
        }
        return out;
    }

    /** What protects the byte at file offset {@code at} of the pristine file. */
    private Kind classify(int at) {
        if (at < HeaderDescriptor.MAGIC_OFFSET + 8) {
            return Kind.MAGIC;
        }
        if (at < HeaderDescriptor.MAJOR_VERSION_OFFSET + 2) {
            return Kind.VERSION;
        }
        if (at < HeaderDescriptor.LENGTH) {
            return Kind.METADATA;
        }
        if (at < HeaderDescriptor.REGION_LENGTH) {
            return Kind.UNCHECKED;
        }
        if (at >= pristine.indexOffset()) {
            return Kind.METADATA;
        }
        ByteBuffer all = pristine.all();
        for (int sb = 0; sb < pristine.storageBlockCount(); sb++) {
            int start = pristine.storageBlockOffset(sb);
            int rel = at - start;
            if (rel < 0 || rel >= pristine.storageBlockLength(sb)) {
                continue;
            }
            if (rel < StorageBlockDescriptor.RESERVED_OFFSET) {
                return Kind.DATA;
            }
            if (rel < StorageBlockDescriptor.HEADER_LENGTH) {
                return Kind.UNCHECKED;
            }
            if (rel >= StorageBlockDescriptor.mapOffset(all, start)) {
                return Kind.DATA;
            }
            Map.Entry<Integer, Integer> p = payloads().floorEntry(at);
            if (p != null && at < p.getKey() + p.getValue()) {
                return p.getValue() == BLOCK ? Kind.DATA : Kind.LZ4_PAYLOAD;
            }
            return Kind.UNCHECKED;
        }
        return Kind.UNCHECKED;
    }
}
