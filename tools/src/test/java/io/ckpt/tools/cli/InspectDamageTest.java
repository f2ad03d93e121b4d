package io.ckpt.tools.cli;

import io.ckpt.tools.inspect.GoldenCheckpoints;


import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

import io.ckpt.format.CheckpointMetadata;
import io.ckpt.format.IndexEntryDescriptor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ckpt inspect} on damaged copies of {@code mixed-lz4.ckpt}: a byte flipped in each
 * structure. Every view shows what is still readable, names the damaged structure and its
 * file offset (in the output and as one error line), and exits 2; never a stack trace.
 */
class InspectDamageTest {
    /** mixed-lz4.ckpt: storage block 0 at 0x1000 holds blocks 1-4, storage block 1 at 0x13000 holds block 5. */
    private static final long INDEX = 0x19000;
    private static final long TABLE = 0x19090;
    private static final long TRAILER = 0x190c8;
    private static final long STORAGE_BLOCK_1 = 0x13000;

    @TempDir
    Path dir;
    Path ckpt;
    CheckpointMetadata meta;

    @BeforeEach
    void copy() throws Exception {
        ckpt = GoldenCheckpoints.copy("mixed-lz4.ckpt", dir, "vm.ckpt");
        meta = CheckpointMetadata.read(ckpt);
        assertEquals(INDEX, meta.indexOffset());
        assertEquals(TABLE, meta.tableOffset());
        assertEquals(TRAILER, meta.trailerOffset());
        assertEquals(STORAGE_BLOCK_1, meta.storageBlockOffset(1));
    }

    private Cli.Result inspect(String... view) {
        Cli.Result r = Cli.run(Cli.inspectArgs(view, ckpt));
        assertFalse(r.err().contains("\tat ") || r.err().contains("internal error"), r::toString);
        return r;
    }

    /** Exit 2, the first damage as the status line and as the single error line. */
    private static void assertDamaged(Cli.Result r, String firstDamage) {
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.out().contains("status            DAMAGED: " + firstDamage), r::toString);
        assertTrue(r.err().startsWith("ckpt: error: " + firstDamage), r::toString);
        assertEquals(1, r.err().lines().count(), r::toString);
    }

    @Test
    void shouldShowTheHeaderAndTrailerWhenTheIndexChecksumFails() throws Exception {
        GoldenCheckpoints.flip(ckpt, INDEX + 12);   // block 0's CRC field: the entry stays valid
        Cli.Result r = inspect();
        assertDamaged(r, "index at offset 0x19000: checksum mismatch: expected 0xa46eaa70, found 0x");
        assertTrue(r.out().contains("uuid              6d1e0c8a-3b52-4f0e-9a11-000000000001\n"), r::toString);
        assertTrue(r.out().contains("arena size        384.00 KiB (393,216 bytes)\n"), r::toString);
        assertTrue(r.out().matches("(?s).*\nheader region     0x0 .* ok \\(128-byte.*"), r::toString);
        assertTrue(r.out().matches("(?s).*\ntrailer           0x190c8 .* ok, committed\n.*"), r::toString);
        assertTrue(r.out().matches("(?s).*\nindex             0x19000 .* DAMAGED: checksum mismatch.*"), r::toString);
        assertTrue(r.out().contains("page blocks       6 of 64 KiB (UNVERIFIED"), r::toString);

        @SuppressWarnings("unchecked")
        Map<String, Object> doc = (Map<String, Object>) io.ckpt.tools.bench.Json.parse(inspect("--json").out());
        assertEquals("damaged", doc.get("status"));
        @SuppressWarnings("unchecked")
        Map<String, Object> first = (Map<String, Object>) ((List<Object>) doc.get("damage")).get(0);
        assertEquals("index", first.get("structure"));
        assertEquals(INDEX, first.get("file_offset"));
        assertEquals("6d1e0c8a-3b52-4f0e-9a11-000000000001", doc.get("uuid"));
        assertEquals(393216L, doc.get("arena_size"));
    }

    @Test
    void shouldShowTheUnverifiedHeaderAndTheRestWhenTheHeaderChecksumFails() throws Exception {
        GoldenCheckpoints.flip(ckpt, 0x42);   // arena size
        Cli.Result r = inspect();
        assertDamaged(r, "header at offset 0x0: checksum mismatch");
        assertTrue(r.out().contains("header fields     UNVERIFIED"), r::toString);
        assertTrue(r.out().contains("arena size        4.38 MiB"), "the damaged value is shown as found: " + r);
        assertTrue(r.out().contains("trailer at offset 0x190c8: checksum mismatch"), "the trailer CRC covers the header");
        assertTrue(r.out().matches("(?s).*\nindex             0x19000 .* ok\n.*"), r::toString);
        assertTrue(r.out().contains("  lz4             5 (83.3%)"), "blocks counted from the intact index: " + r);
    }

    @Test
    void shouldNameTheStorageTableWhenItsChecksumFails() throws Exception {
        GoldenCheckpoints.flip(ckpt, TABLE + 9);
        Cli.Result r = inspect();
        assertDamaged(r, "storage table at offset 0x19090: checksum mismatch");
        assertTrue(r.out().contains("uuid              6d1e0c8a"), r::toString);
        assertTrue(r.out().matches("(?s).*\nindex             0x19000 .* ok\n.*"), r::toString);
    }

    @Test
    void shouldPrintTheTrailerFieldsAsFoundWhenTheTrailerIsDamaged() throws Exception {
        GoldenCheckpoints.flip(ckpt, TRAILER + 3);   // index offset 0x19000 -> 0x40019000
        Cli.Result r = inspect();
        assertDamaged(r, "trailer at offset 0x190c8: checksum mismatch");
        assertTrue(r.out().contains("uuid              6d1e0c8a"), r::toString);
        assertTrue(r.out().contains("trailer fields    as found at 0x190c8 (UNVERIFIED)"), r::toString);
        assertTrue(r.out().contains("  index           offset 0x40019000, length 144"), r::toString);
        assertTrue(r.out().contains("  commit magic    \"DONE\""), r::toString);
        assertTrue(r.out().contains("page blocks       unknown: the index could not be located"), r::toString);
    }

    @Test
    void shouldShowTheHeaderOfATruncatedFile() throws Exception {
        try (FileChannel ch = FileChannel.open(ckpt, StandardOpenOption.WRITE)) {
            ch.truncate(50_000);
        }
        Cli.Result r = inspect();
        assertDamaged(r, "trailer at offset 0xc310: commit magic 0x");
        assertTrue(r.out().contains("incomplete or truncated"), r::toString);
        assertTrue(r.out().contains("codec             lz4\n"), r::toString);
        assertTrue(r.out().contains("trailer fields    not shown: without the commit magic"), r::toString);
        assertTrue(r.out().contains("\n  0x1000          71,336 bytes, sequence 0, TRUNCATED: the file ends at 0xc350\n"),
            r::toString);
    }

    @Test
    void shouldFindTheStorageBlocksOfATruncatedFileWithoutItsIndex() throws Exception {
        ckpt = GoldenCheckpoints.copy("ragged-tail.ckpt", dir, "cut.ckpt");
        try (FileChannel ch = FileChannel.open(ckpt, StandardOpenOption.WRITE)) {
            ch.truncate(110_000);   // inside storage block 2, at 0x19000
        }
        Cli.Result r = inspect();
        assertDamaged(r, "trailer at offset 0x1ad70: commit magic");
        assertTrue(r.out().contains("storage blocks    3 storage blocks found by walking from 0x1000 without the index;"),
            r::toString);
        assertTrue(r.out().contains("\n  0x1000          37,696 bytes, sequence 0, map ok: blocks 3-4\n"
            + "  0xb000          55,312 bytes, sequence 1, map ok: blocks 5-6\n"
            + "  0x19000         28,204 bytes, sequence 2, TRUNCATED: the file ends at 0x1adb0\n"), r::toString);
        @SuppressWarnings("unchecked")
        Map<String, Object> doc = (Map<String, Object>) io.ckpt.tools.bench.Json.parse(inspect("--json").out());
        List<?> salvage = (List<?>) doc.get("salvage");
        assertEquals(3, salvage.size());
        assertEquals(List.of(5L, 6L), ((Map<?, ?>) salvage.get(1)).get("blocks"));
        assertEquals(Boolean.TRUE, ((Map<?, ?>) salvage.get(2)).get("truncated"));
    }

    @Test
    void shouldFallBackToTheSummaryWhenAViewNeedsADamagedStructure() throws Exception {
        GoldenCheckpoints.flip(ckpt, TRAILER + 3);
        for (String[] view : new String[][] {{"--index"}, {"--storage-blocks"}, {"--block", "1", "--hexdump"}}) {
            Cli.Result r = inspect(view);
            assertEquals(2, r.code(), r::toString);
            assertTrue(r.out().startsWith("checkpoint        vm.ckpt\nstatus            DAMAGED: trailer"), r::toString);
            assertTrue(r.err().contains("the requested view needs the damaged structures"), r::toString);
        }
    }

    @Test
    void shouldNotReadBlockDataForTheSummary() throws Exception {
        for (long at = 0x1000; at < INDEX; at += 512) {
            GoldenCheckpoints.flip(ckpt, at);
        }
        Cli.Result r = inspect();
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("status            ok\n"), r::toString);
        assertEquals(2, inspect("--verify").code());
    }

    @Test
    void shouldListADamagedStorageBlockHeaderAndStillDecodeItsBlocks() throws Exception {
        GoldenCheckpoints.flip(ckpt, STORAGE_BLOCK_1);   // magic
        Cli.Result blocks = inspect("--storage-blocks");
        assertDamaged(blocks, "storage block 1 at offset 0x13000: bad magic");
        assertTrue(blocks.out().matches("(?s).*\n +0  0x1000 .* ok +1-4\n.*"), blocks::toString);
        assertTrue(blocks.out().matches("(?s).*\n +1  0x13000 .* BAD +5\n.*"), blocks::toString);

        Cli.Result verify = inspect("--verify");
        assertDamaged(verify, "storage block 1 at offset 0x13000: bad magic");
        assertTrue(verify.out().contains("storage blocks    2 checked, 1 damaged\n"), verify::toString);
        assertTrue(verify.out().contains("5 decoded and checked"), verify::toString);
        assertTrue(verify.out().contains("bad blocks        none\n"), "its payload is intact: " + verify);
    }

    @Test
    void shouldNameNonZeroPaddingThatNoChecksumCovers() throws Exception {
        long padding = meta.storageBlockOffset(0) + meta.storageBlockLength(0) + 5;
        GoldenCheckpoints.flip(ckpt, 0x200);
        GoldenCheckpoints.flip(ckpt, padding);
        assertEquals(0, inspect().code(), "the summary reads no padding");
        Cli.Result r = inspect("--verify");
        assertDamaged(r, "header region at offset 0x200: byte 0x40 where the format requires zero padding");
        assertTrue(r.out().contains("\n  storage block 0 padding at offset 0x" + Long.toHexString(padding)
            + ": byte 0x40 where the format requires zero padding\n"), r::toString);
        assertTrue(r.out().contains("bad blocks        none\n"), "every page block still checks out: " + r);
    }

    @Test
    void shouldListEveryBadBlockNotJustTheFirst() throws Exception {
        flipPayload(2);
        flipPayload(5);
        Cli.Result r = inspect("--verify");
        assertDamaged(r, "block 2 at offset 0x" + Long.toHexString(payloadAt(2)) + ": ");
        assertTrue(r.out().contains("bad blocks        2\n  block 2  guest 0x20000-0x2ffff\n  block 5  guest 0x50000-0x5ffff\n"),
            r::toString);
        assertTrue(r.out().contains("\n  block 5 at offset 0x" + Long.toHexString(payloadAt(5)) + ": "), r::toString);
        assertTrue(r.out().contains("page blocks       6: 5 decoded and checked, 1 zero"), r::toString);

        @SuppressWarnings("unchecked")
        Map<String, Object> doc = (Map<String, Object>) io.ckpt.tools.bench.Json.parse(inspect("--verify", "--json").out());
        assertEquals(List.of(2L, 5L), doc.get("bad_blocks"));
        assertEquals(2, ((List<?>) doc.get("damage")).size());

        Cli.Result verify = Cli.run("verify", ckpt.toString());
        assertEquals(2, verify.code(), verify::toString);
        assertEquals(1, verify.err().lines().count(), "ckpt verify still names only the first: " + verify);
        assertTrue(verify.err().startsWith("ckpt: error: block 2 at offset 0x"), verify::toString);
    }

    @Test
    void shouldDumpADamagedBlockAsFarAsItDecodes() throws Exception {
        flipPayload(5);
        Cli.Result r = inspect("--block", "5", "--hexdump");
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.err().startsWith("ckpt: error: block 5 at offset 0x" + Long.toHexString(payloadAt(5))), r::toString);
        assertTrue(r.out().contains("content           DECODED, BUT DAMAGED: checksum mismatch")
            || r.out().contains("content           NOT DECODED: block 5"), r::toString);
        assertTrue(r.out().contains("00050000  ")
            || r.out().contains("stored bytes of vm.ckpt (they do not decode), at their file offsets:\n0001"), r::toString);
        assertEquals(0, inspect("--block", "4").code(), "other blocks are fine");
    }

    @Test
    void shouldExitTwoWithOneLineOnAFileThatIsNotACheckpoint() throws Exception {
        Path foreign = Files.write(dir.resolve("foreign.ckpt"), new byte[8192]);
        for (String[] view : new String[][] {{}, {"--json"}, {"--verify"}, {"--index"}}) {
            Cli.Result r = Cli.run(Cli.inspectArgs(view, foreign));
            assertEquals(2, r.code(), r::toString);
            assertEquals("", r.out());
            assertTrue(r.err().startsWith("ckpt: error: header at offset 0x0: not a ckpt checkpoint file"), r::toString);
        }
    }

    /** Every single-byte flip of the metadata, every view: exit 0 or 2, never an internal error. */
    @Test
    void shouldNeverFailInternallyOnAnyFlippedMetadataByte() throws Exception {
        String[][] views = {{}, {"--json"}, {"--index"}, {"--storage-blocks"}, {"--verify"}, {"--block", "5", "--hexdump"}};
        for (long at = 0; at < meta.fileLength(); at = at == 127 ? INDEX : at + 1) {
            GoldenCheckpoints.flip(ckpt, at);
            for (String[] view : views) {
                Cli.Result r = inspect(view);
                long flipped = at;
                assertTrue(r.code() == 0 || r.code() == 2, () -> "byte 0x" + Long.toHexString(flipped) + ": " + r);
                if (r.code() == 2 && !r.out().isEmpty()) {
                    assertTrue(r.out().contains("DAMAGED") || r.out().contains("\"damaged\""), r::toString);
                }
            }
            GoldenCheckpoints.flip(ckpt, at);
        }
    }

    private long payloadAt(long block) {
        int sb = IndexEntryDescriptor.storageBlock(meta.index(), block);
        return meta.storageBlockOffset(sb) + IndexEntryDescriptor.payloadOffset(meta.index(), block);
    }

    private void flipPayload(long block) throws Exception {
        GoldenCheckpoints.flip(ckpt, payloadAt(block) + IndexEntryDescriptor.storedLength(meta.index(), block) / 2);
    }
}
