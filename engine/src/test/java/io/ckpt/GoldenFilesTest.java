package io.ckpt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.ckpt.codec.Lz4;
import io.ckpt.format.CheckpointMetadata;
import io.ckpt.format.Codec;
import io.ckpt.format.Encoding;
import io.ckpt.format.FormatVersion;
import io.ckpt.format.HeaderDescriptor;
import io.ckpt.format.IndexEntryDescriptor;
import io.ckpt.format.StorageBlockDescriptor;
import io.ckpt.format.StorageTableDescriptor;
import io.ckpt.format.TrailerDescriptor;
import io.ckpt.memory.GuestMemory;
import io.ckpt.restore.CheckpointVerifier;
import io.ckpt.restore.RestoreOptions;
import io.ckpt.restore.RestoreStats;
import io.ckpt.save.SaveOptions;
import io.ckpt.workload.ArenaFiller;
import io.ckpt.workload.ArenaFiller.Profile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The committed golden checkpoint files in {@code format-spec/golden/} pin format v1.0 (LZ4,
 * NONE) and v1.1 (ZSTD with a dictionary section):
 * the writer must reproduce them byte for byte from their recorded parameters, the reader
 * must restore exactly the arena their generator produces, and their metadata must read back
 * as recorded. See {@code format-spec/golden/README.md}.
 *
 * <p>Run with {@code -Dckpt.golden.regenerate=true} to rewrite the golden files and their
 * {@code SHA256SUMS} deliberately (after a format change, which must also bump the version in
 * FORMAT.md).
 */
class GoldenFilesTest {
    /** Set to rewrite the golden files instead of comparing against them. */
    static final boolean REGENERATE = Boolean.getBoolean("ckpt.golden.regenerate");
    static final String SUMS = "SHA256SUMS";
    /** zstd level and dictionary size of the ZSTD golden file. */
    static final int ZSTD_LEVEL = 3;
    static final int ZSTD_DICTIONARY = 4096;
    /** 2026-01-01T00:00:00Z, the creation time recorded in every golden file. */
    static final long CREATED_MILLIS = 1_767_225_600_000L;

    /**
     * One golden file: how to generate it, and what its metadata must say. The arena is filled
     * by {@link ArenaFiller} from {@code seed}; where {@code dataLength < arenaSize}, the bytes
     * from {@code dataLength} to the end are then zeroed, as for a raw image padded to a page.
     */
    record Golden(String file, long arenaSize, Profile profile, long seed, int pagesPerBlock,
                  int storageBlockSize, Codec codec, long dataLength, UUID uuid,
                  long blockCount, int storageBlocks, int zeroBlocks, int rawBlocks, int lz4Blocks,
                  String arenaSha256) {

        SaveOptions options() {
            SaveOptions o = SaveOptions.defaults()
                .withPagesPerBlock(pagesPerBlock)
                .withStorageBlockSize(storageBlockSize)
                .withCodec(codec)
                .withCompressors(1) // with two, storage block order depends on thread timing
                .withFileUuid(uuid)
                .withCreatedMillis(CREATED_MILLIS)
                .withDataLength(dataLength);
            // A small dictionary trained on every non-zero block: the file stays small, and the
            // trainer (single-threaded fastCover) and the compressor are deterministic.
            return codec == Codec.ZSTD
                ? o.withZstdLevel(ZSTD_LEVEL).withDictionarySize(ZSTD_DICTIONARY).withDictionarySample((int) arenaSize)
                : o;
        }

        /** @return a new arena holding exactly the content this golden file was saved from. */
        GuestMemory arena() {
            GuestMemory m = GuestMemory.allocate(arenaSize);
            ArenaFiller.fill(m, profile, seed);
            if (dataLength < arenaSize) {
                m.fill(dataLength, arenaSize - dataLength, (byte) 0);
            }
            return m;
        }

        boolean usesLz4() {
            return codec == Codec.LZ4 && lz4Blocks > 0;
        }

        /** @return expected index entries by encoding id; {@code lz4Blocks} counts the compressed ones. */
        int[] byEncoding() {
            int[] e = new int[Encoding.values().length];
            e[Encoding.ZERO.id()] = zeroBlocks;
            e[Encoding.RAW.id()] = rawBlocks;
            e[codec == Codec.ZSTD ? Encoding.ZSTD.id() : Encoding.LZ4.id()] = lz4Blocks;
            return e;
        }

        @Override
        public String toString() {
            return file;
        }
    }

    static final List<Golden> GOLDENS = List.of(
        // LZ4 file with ZERO and LZ4 blocks in two storage blocks of the minimum size for 64 KiB blocks.
        new Golden("mixed-lz4.ckpt", 384 << 10, Profile.MIXED, 4, 16,
            StorageBlockDescriptor.minimumSize(16 * 4096), Codec.LZ4, 384 << 10,
            UUID.fromString("6d1e0c8a-3b52-4f0e-9a11-000000000001"), 6, 2, 1, 0, 5,
            "bd54c934f96c224e2412e7c3bf8e69a62a2d6412da0ebdbe91e56196454feefc"),
        // Codec NONE: every block RAW, two 16 KiB blocks per storage block.
        new Golden("text-none.ckpt", 64 << 10, Profile.TEXT, 1, 4,
            StorageBlockDescriptor.minimumSize(4 * 4096), Codec.NONE, 64 << 10,
            UUID.fromString("6d1e0c8a-3b52-4f0e-9a11-000000000002"), 4, 2, 0, 4, 0,
            "e6657079abc9969fa5e44d68f2dad64e3efcf65a4554f269f70ecb262d821621"),
        // Arena not a multiple of the 32 KiB block (short 12 KiB last block, stored LZ4), data
        // length 1000 bytes short of the arena, and one incompressible block stored RAW in an LZ4 file.
        new Golden("ragged-tail.ckpt", (384 << 10) + (12 << 10), Profile.MIXED, 5, 8,
            StorageBlockDescriptor.minimumSize(8 * 4096), Codec.LZ4, (384 << 10) + (12 << 10) - 1000,
            UUID.fromString("6d1e0c8a-3b52-4f0e-9a11-000000000003"), 13, 3, 6, 1, 6,
            "ca4f4d82d2102d4e998814c651c8d3a17ddde5c6ee4782f2db116a166fa3e5aa"),
        // Format 1.1: codec ZSTD with a trained 4 KiB dictionary section, 16 KiB blocks, the same
        // arena as mixed-lz4.ckpt (same generator and seed).
        new Golden("mixed-zstd.ckpt", 384 << 10, Profile.MIXED, 4, 4,
            StorageBlockDescriptor.minimumSize(4 * 4096), Codec.ZSTD, 384 << 10,
            UUID.fromString("6d1e0c8a-3b52-4f0e-9a11-000000000004"), 24, 3, 13, 2, 9,
            "bd54c934f96c224e2412e7c3bf8e69a62a2d6412da0ebdbe91e56196454feefc"));

    @TempDir
    Path temp;

    static Stream<Golden> goldens() {
        return GOLDENS.stream();
    }

    /** {@code format-spec/golden}, found from the engine module's working directory. */
    static Path goldenDir() {
        for (Path candidate : List.of(Path.of("..", "format-spec", "golden"), Path.of("format-spec", "golden"))) {
            if (Files.isDirectory(candidate)) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("format-spec/golden not found from " + Path.of("").toAbsolutePath());
    }

    static Path save(Golden g, Path file) throws IOException {
        try (GuestMemory m = g.arena()) {
            Checkpoints.save(m, file, g.options());
        }
        return file;
    }

    /**
     * With {@code -Dckpt.golden.regenerate=true}: rewrites every golden file and SHA256SUMS
     * before the tests, which then check the new files like the committed ones.
     */
    @BeforeAll
    static void regenerateWhenAsked() throws Exception {
        if (!REGENERATE) {
            return;
        }
        StringBuilder sums = new StringBuilder();
        for (Golden g : GOLDENS) {
            Path file = save(g, goldenDir().resolve(g.file()));
            assertTrue(Files.size(file) < 200 << 10, g.file() + " grew to " + Files.size(file) + " bytes");
            sums.append(sha256(file)).append("  ").append(g.file()).append('\n');
        }
        Files.writeString(goldenDir().resolve(SUMS), sums.toString(), StandardCharsets.US_ASCII);
    }

    /** (a) The writer cannot drift silently: regenerating gives the committed bytes. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void shouldRegenerateByteIdenticalFile(Golden g) throws Exception {
        // LZ4 encoders may legally emit different bytes for the same input: lz4-java's JNI and
        // pure-Java compressors do. The golden LZ4 files were written with the JNI one (lz4-java
        // 1.14.0). Not Lz4.implementation(): it throws where the JNI library does not load.
        String compressor = Lz4.compressor().getClass().getSimpleName();
        assumeTrue(!g.usesLz4() || compressor.contains("JNI"),
            "byte-identical LZ4 output needs the JNI LZ4 compressor; this JVM uses " + compressor);
        Path committed = goldenDir().resolve(g.file());
        byte[] expected = Files.readAllBytes(committed);
        byte[] actual = Files.readAllBytes(save(g, temp.resolve(g.file())));
        assertSameBytes(committed, expected, actual);
    }

    /** The writer is deterministic on its own, whatever the committed files hold. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void shouldWriteIdenticalBytesOnEverySave(Golden g) throws Exception {
        byte[] first = Files.readAllBytes(save(g, temp.resolve("first-" + g.file())));
        byte[] second = Files.readAllBytes(save(g, temp.resolve("second-" + g.file())));
        assertSameBytes(temp.resolve("first-" + g.file()), first, second);
    }

    /** Every byte the format says is zero (padding, reserved) is zero in the committed files. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void shouldHoldZeroPaddingAndReservedBytes(Golden g) throws Exception {
        assertPaddingZero(goldenDir().resolve(g.file()));
    }

    /**
     * Staging slots are reused once a compressor's ring wraps (8 slots), so stale payload bytes
     * would reach the file through any padding the writer does not clear. The golden files are
     * too small to wrap; this save writes hundreds of storage blocks.
     */
    @Test
    void shouldZeroPaddingAfterStagingSlotsAreReused() throws Exception {
        Path file = temp.resolve("wrap.ckpt");
        try (GuestMemory m = GuestMemory.allocate(4 << 20)) {
            ArenaFiller.fill(m, Profile.MIXED, 7);
            Checkpoints.save(m, file, SaveOptions.defaults().withPagesPerBlock(1)
                .withStorageBlockSize(StorageBlockDescriptor.minimumSize(4096)).withCompressors(1));
        }
        assertTrue(CheckpointMetadata.read(file).storageBlockCount() > 100, "ring must wrap many times");
        assertPaddingZero(file);
    }

    /**
     * The generator itself has not drifted: otherwise (a) and (b) would fail for a reason that
     * has nothing to do with the format.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void shouldGenerateRecordedArena(Golden g) throws Exception {
        try (GuestMemory m = g.arena()) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] chunk = new byte[1 << 16];
            for (long at = 0; at < m.size(); at += chunk.length) {
                int n = (int) Math.min(chunk.length, m.size() - at);
                m.getBytes(at, chunk, 0, n);
                sha.update(chunk, 0, n);
            }
            assertEquals(g.arenaSha256(), HexFormat.of().formatHex(sha.digest()),
                "ArenaFiller output changed for " + g + ": golden files can no longer be regenerated from their seed");
        }
    }

    /** (b) The reader cannot drift silently: the committed file restores to the generator's arena. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void shouldRestoreExactlyTheGeneratedArena(Golden g) throws Exception {
        Path committed = goldenDir().resolve(g.file());
        try (GuestMemory expected = g.arena(); GuestMemory restored = GuestMemory.allocate(g.arenaSize())) {
            restored.fill(0, g.arenaSize(), (byte) 0x5A); // ZERO blocks must really be written
            RestoreStats stats = Checkpoints.restore(committed, restored,
                RestoreOptions.defaults().withVerifyChecksums(true).withThreads(1));
            assertEquals(g.zeroBlocks(), stats.zeroBlocks(), "ZERO blocks");
            assertEquals(g.rawBlocks(), stats.rawBlocks(), "RAW blocks");
            assertEquals(g.lz4Blocks(), stats.lz4Blocks(), "LZ4 blocks");
            assertArenasEqual(expected, restored, g.file());
        }
        CheckpointVerifier.Report report = CheckpointVerifier.verify(committed);
        assertEquals(g.blockCount(), report.blocks());
        assertEquals(g.storageBlocks(), report.storageBlocks());
    }

    /**
     * (b') Files of earlier writers stay readable: {@code older/} holds golden files replaced
     * when the writer changed (not the format); each restores to its golden's arena.
     */
    @Test
    void shouldRestoreFilesOfEarlierWriters() throws Exception {
        Golden g = GOLDENS.stream().filter(x -> x.file().equals("mixed-zstd.ckpt")).findFirst().orElseThrow();
        Path older = goldenDir().resolve("older").resolve("mixed-zstd-with-content-size.ckpt");
        try (GuestMemory expected = g.arena(); GuestMemory restored = GuestMemory.allocate(g.arenaSize())) {
            restored.fill(0, g.arenaSize(), (byte) 0x5A);
            RestoreStats stats = Checkpoints.restore(older, restored,
                RestoreOptions.defaults().withVerifyChecksums(true).withThreads(1));
            assertEquals(g.lz4Blocks(), stats.lz4Blocks(), "ZSTD blocks");
            assertArenasEqual(expected, restored, older.toString());
        }
        assertEquals(g.blockCount(), CheckpointVerifier.verify(older).blocks());
    }

    /** (c) The committed metadata says what the README records. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void shouldReadRecordedHeaderValues(Golden g) throws Exception {
        CheckpointMetadata m = CheckpointMetadata.read(goldenDir().resolve(g.file()));
        assertEquals(FormatVersion.MAJOR, m.majorVersion());
        assertEquals(FormatVersion.minorFor(g.codec()), m.minorVersion());
        assertEquals(g.uuid(), m.fileUuid());
        assertNull(m.parentUuid());
        assertEquals(HeaderDescriptor.PAGE_SIZE, m.pageSize());
        assertEquals(g.pagesPerBlock(), m.pagesPerBlock());
        assertEquals(g.storageBlockSize(), m.storageBlockSize());
        assertEquals(g.codec(), m.codec());
        assertEquals(0, m.flags());
        assertEquals(g.arenaSize(), m.arenaSize());
        assertEquals(g.dataLength(), m.dataLength());
        assertEquals(g.blockCount(), m.blockCount());
        assertEquals(CREATED_MILLIS, m.createdMillis());
        assertEquals(g.storageBlocks(), m.storageBlockCount());
        // The generator fills every page through the accessors, so every block is in the working-set hint.
        assertEquals(g.blockCount(), m.hintBlockCount(), "hint names every block the generator touched");
        for (int i = 0; i < m.hintBlockCount(); i++) {
            assertEquals(i, io.ckpt.format.LittleEndian.getInt(m.hint(), 4 * i), "hint entry " + i);
        }

        int[] byEncoding = new int[Encoding.values().length];
        for (long n = 0; n < m.blockCount(); n++) {
            byEncoding[IndexEntryDescriptor.encoding(m.index(), n).id()]++;
        }
        assertArrayEquals(g.byEncoding(), byEncoding, "blocks by encoding");
        assertEquals(g.codec() == Codec.ZSTD, m.dictionaryLength() > 0, "a dictionary exactly in the ZSTD file");
        assertTrue(m.dictionaryLength() <= ZSTD_DICTIONARY);
        assertEquals(io.ckpt.format.DictionaryDescriptor.dataOffsetFor(m.dictionaryLength()), m.dataOffset());

        // The writer's layout: storage blocks back to back from the data offset (4 KiB, or after
        // the dictionary), each 4 KiB aligned, then index, table, hint and trailer with no gaps.
        long next = m.dataOffset();
        for (int s = 0; s < m.storageBlockCount(); s++) {
            assertEquals(next, m.storageBlockOffset(s), "storage block " + s + " offset");
            next += StorageBlockDescriptor.align(m.storageBlockLength(s), StorageBlockDescriptor.FILE_ALIGNMENT);
        }
        assertEquals(next, m.indexOffset());
        assertEquals(m.indexOffset() + m.blockCount() * IndexEntryDescriptor.LENGTH, m.tableOffset());
        assertEquals(m.tableOffset() + (long) m.storageBlockCount() * StorageTableDescriptor.LENGTH
            + (long) m.hintBlockCount() * 4, m.trailerOffset());
        assertEquals(m.fileLength(), m.trailerOffset() + TrailerDescriptor.LENGTH);
    }

    /** The committed files are the ones whose sums README.md and SHA256SUMS record. */
    @Test
    void shouldMatchRecordedSha256() throws Exception {
        Map<String, String> recorded = readSums(goldenDir().resolve(SUMS));
        assertEquals(GOLDENS.stream().map(Golden::file).collect(Collectors.toSet()), recorded.keySet());
        for (Golden g : GOLDENS) {
            assertEquals(recorded.get(g.file()), sha256(goldenDir().resolve(g.file())), g.file());
        }
    }

    static Map<String, String> readSums(Path file) throws IOException {
        Map<String, String> sums = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
            if (!line.isBlank()) {
                String[] parts = line.trim().split("\\s+\\*?", 2);
                sums.put(parts[1], parts[0]);
            }
        }
        return sums;
    }

    static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** Fails naming the first differing byte and the structure that holds it. */
    static void assertSameBytes(Path reference, byte[] expected, byte[] actual) throws IOException {
        int at = java.util.Arrays.mismatch(expected, actual);
        if (at < 0) {
            return;
        }
        String where = describe(reference, at);
        fail(String.format("%s: regenerated file differs at offset 0x%x (%s): expected %s, found %s; lengths %d vs %d."
                + " If the format changed on purpose, bump the version in FORMAT.md and rerun with"
                + " -Dckpt.golden.regenerate=true", reference.getFileName(), at, where,
            at < expected.length ? String.format("0x%02x", expected[at]) : "end of file",
            at < actual.length ? String.format("0x%02x", actual[at]) : "end of file", expected.length, actual.length));
    }

    static String describe(Path file, long at) {
        try {
            CheckpointMetadata m = CheckpointMetadata.read(file);
            if (at < HeaderDescriptor.LENGTH) {
                return "header struct byte " + at;
            }
            if (at < HeaderDescriptor.REGION_LENGTH) {
                return "header region padding";
            }
            if (at < m.dataOffset()) {
                return at < HeaderDescriptor.REGION_LENGTH + m.dictionaryLength()
                    ? "dictionary byte " + (at - HeaderDescriptor.REGION_LENGTH) : "dictionary padding";
            }
            for (int s = 0; s < m.storageBlockCount(); s++) {
                long off = m.storageBlockOffset(s);
                if (at >= off && at < off + m.storageBlockLength(s)) {
                    return "storage block " + s + " byte " + (at - off);
                }
                if (at >= off && at < off + StorageBlockDescriptor.align(m.storageBlockLength(s), 4096)) {
                    return "padding after storage block " + s;
                }
            }
            if (at >= m.indexOffset() && at < m.tableOffset()) {
                return "index entry " + (at - m.indexOffset()) / IndexEntryDescriptor.LENGTH;
            }
            if (at >= m.trailerOffset()) {
                return "trailer byte " + (at - m.trailerOffset());
            }
            if (at >= m.tableOffset()) {
                return "storage table";
            }
            return "between structures";
        } catch (IOException e) {
            return "unreadable reference: " + e.getMessage();
        }
    }

    /**
     * Checks the zero bytes of FORMAT.md: header region after the struct, storage block
     * reserved bytes, alignment padding between payloads and before the map, file padding after
     * each storage block, and the crc field of ZERO index entries.
     */
    static void assertPaddingZero(Path file) throws IOException {
        CheckpointMetadata m = CheckpointMetadata.read(file);
        byte[] f = Files.readAllBytes(file);
        assertZero(f, HeaderDescriptor.LENGTH, HeaderDescriptor.REGION_LENGTH, "header region padding");
        assertZero(f, HeaderDescriptor.REGION_LENGTH + m.dictionaryLength(), m.dataOffset(), "dictionary padding");
        java.nio.ByteBuffer index = m.index();
        List<List<long[]>> payloads = new java.util.ArrayList<>();
        for (int s = 0; s < m.storageBlockCount(); s++) {
            payloads.add(new java.util.ArrayList<>());
        }
        for (long n = 0; n < m.blockCount(); n++) {
            if (IndexEntryDescriptor.encoding(index, n) == Encoding.ZERO) {
                assertEquals(0, IndexEntryDescriptor.crc(index, n), "crc of ZERO block " + n);
            } else {
                payloads.get(IndexEntryDescriptor.storageBlock(index, n)).add(new long[] {
                    IndexEntryDescriptor.payloadOffset(index, n), IndexEntryDescriptor.storedLength(index, n)});
            }
        }
        for (int s = 0; s < m.storageBlockCount(); s++) {
            int at = (int) m.storageBlockOffset(s);
            int length = m.storageBlockLength(s);
            java.nio.ByteBuffer sb = java.nio.ByteBuffer.wrap(f, at, length).slice();
            assertZero(f, at + StorageBlockDescriptor.RESERVED_OFFSET, at + StorageBlockDescriptor.HEADER_LENGTH,
                "storage block " + s + " reserved bytes");
            List<long[]> held = payloads.get(s);
            held.sort((a, b) -> Long.compare(a[0], b[0]));
            long cursor = StorageBlockDescriptor.HEADER_LENGTH;
            for (long[] p : held) {
                assertZero(f, at + cursor, at + p[0], "storage block " + s + " padding before payload at " + p[0]);
                cursor = p[0] + p[1];
            }
            assertZero(f, at + cursor, at + StorageBlockDescriptor.mapOffset(sb, 0), "storage block " + s + " padding before map");
            assertZero(f, at + length, at + StorageBlockDescriptor.align(length, StorageBlockDescriptor.FILE_ALIGNMENT),
                "file padding after storage block " + s);
        }
    }

    static void assertZero(byte[] f, long from, long to, String what) {
        for (long i = from; i < to; i++) {
            if (f[(int) i] != 0) {
                fail(String.format("%s: byte at offset 0x%x is 0x%02x, expected 0", what, i, f[(int) i]));
            }
        }
    }

    static void assertArenasEqual(GuestMemory expected, GuestMemory actual, String context) {
        assertEquals(expected.size(), actual.size());
        byte[] a = new byte[1 << 16];
        byte[] b = new byte[1 << 16];
        for (long at = 0; at < expected.size(); at += a.length) {
            int n = (int) Math.min(a.length, expected.size() - at);
            expected.getBytes(at, a, 0, n);
            actual.getBytes(at, b, 0, n);
            int mismatch = java.util.Arrays.mismatch(a, 0, n, b, 0, n);
            if (mismatch >= 0) {
                fail("arenas differ at 0x" + Long.toHexString(at + mismatch) + " (" + context + ")");
            }
        }
    }
}
