package io.ckpt.tools.cli;



import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.ckpt.Checkpoints;
import io.ckpt.format.CheckpointMetadata;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InspectCommandTest {
    private static final String UUID = "00112233-4455-6677-8899-aabbccddeeff";
    private static final String CREATED = "2025-01-02T03:04:05.678Z";
    private static final Pattern INDEX_ROW = Pattern.compile("^\\s+\\d+\\s+0x[0-9a-f]{16}\\s+(zero|lz4|raw)\\s.*$");

    @TempDir
    Path dir;
    Path ckpt;

    @BeforeEach
    void save() throws Exception {
        Path image = Images.write(dir.resolve("image.raw"), Images.RAGGED_LENGTH, 5);
        ckpt = dir.resolve("image.ckpt");
        Cli.Result r = Cli.run("save", "--from-raw", image.toString(), ckpt.toString(), "--uuid", UUID,
            "--created", CREATED, "--block-pages", "8", "--storage-block", "256k");
        assertEquals(0, r.code(), r::toString);
    }

    @Test
    void shouldPrintHeaderFieldsInHumanUnits() throws Exception {
        Cli.Result r = Cli.run("inspect", ckpt.toString());
        assertEquals(0, r.code(), r::toString);
        String out = r.out();
        assertTrue(out.contains("checkpoint        image.ckpt\n"), out);
        assertTrue(out.contains("uuid              " + UUID + "\n"), out);
        assertTrue(out.contains("format version    1.0\n"), out);
        assertTrue(out.contains("page size         4 KiB\n"), out);
        assertTrue(out.contains("pages per block   8 (32 KiB page blocks)\n"), out);
        assertTrue(out.contains("storage block     256 KiB\n"), out);
        assertTrue(out.contains("codec             lz4\n"), out);
        assertTrue(out.contains("arena size        3.00 MiB (3,149,824 bytes)\n"), out);
        assertTrue(out.contains("data length       3.00 MiB (3,146,962 bytes)\n"), out);
        assertTrue(out.contains("created           " + CREATED + "\n"), out);
        assertTrue(out.contains("parent            none (full checkpoint)\n"), out);
        assertTrue(out.contains("page blocks       97 of 32 KiB\n"), out);
        assertTrue(out.contains("  zero            24 (24.7%)\n"), out);
        assertTrue(out.contains("ratio             "), out);
        assertTrue(Pattern.compile("storage blocks    \\d+ of 256 KiB\n  fill            mean \\d+\\.\\d%, min \\d+\\.\\d%, max \\d+\\.\\d%")
            .matcher(out).find(), out);
        assertFalse(INDEX_ROW.matcher(out.lines().findFirst().orElseThrow()).matches());
        assertEquals("", r.err());
    }

    @Test
    void shouldPrintTheSameOutputEveryTime() {
        for (String[] args : List.of(new String[] {"inspect"}, new String[] {"inspect", "--index"},
            new String[] {"inspect", "--json", "--index"})) {
            String[] full = java.util.Arrays.copyOf(args, args.length + 1);
            full[args.length] = ckpt.toString();
            assertEquals(Cli.run(full).out(), Cli.run(full).out());
        }
    }

    @Test
    void shouldPrintOneIndexRowPerPageBlock() throws Exception {
        CheckpointMetadata meta = Checkpoints.inspect(ckpt);
        Cli.Result r = Cli.run("inspect", "--index", ckpt.toString());
        assertEquals(0, r.code(), r::toString);
        List<String> rows = r.out().lines().filter(l -> INDEX_ROW.matcher(l).matches()).toList();
        assertEquals(meta.blockCount(), rows.size(), r.out());
        assertTrue(rows.get(0).matches("^\\s+0\\s+0x0000000000000000\\s+zero\\s+-\\s+-\\s+-\\s+0\\s+-$"), rows.get(0));
        String last = rows.get(rows.size() - 1);
        assertTrue(last.matches("^\\s+96\\s+0x0000000000300000\\s+(lz4|raw)\\s+\\d+\\s+\\d+\\s+0x[0-9a-f]{16}\\s+\\d+\\s+0x[0-9a-f]{8}$"), last);
        assertTrue(r.out().contains("  block  guest address       encoding  storage block"), r.out());
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldPrintOneWellFormedJsonObject() throws Exception {
        CheckpointMetadata meta = Checkpoints.inspect(ckpt);
        Cli.Result r = Cli.run("inspect", "--json", ckpt.toString());
        assertEquals(0, r.code(), r::toString);
        Map<String, Object> doc = (Map<String, Object>) io.ckpt.tools.bench.Json.parse(r.out());
        assertEquals(1L, doc.get("schema_version"));
        assertEquals("image.ckpt", doc.get("file"));
        assertEquals(UUID, doc.get("uuid"));
        assertEquals("1.0", doc.get("format_version"));
        assertEquals(4096L, doc.get("page_size"));
        assertEquals(8L, doc.get("pages_per_block"));
        assertEquals(262144L, doc.get("storage_block_size"));
        assertEquals("lz4", doc.get("codec"));
        assertEquals(3149824L, doc.get("arena_size"));
        assertEquals((long) Images.RAGGED_LENGTH, doc.get("data_length"));
        assertEquals(CREATED, doc.get("created"));
        assertTrue(doc.containsKey("parent"));
        assertNull(doc.get("parent"));
        assertEquals(meta.fileLength(), doc.get("file_size"));
        Map<String, Object> summary = (Map<String, Object>) doc.get("summary");
        assertEquals(97L, summary.get("blocks"));
        Map<String, Object> byEncoding = (Map<String, Object>) summary.get("blocks_by_encoding");
        assertEquals(97L, (Long) byEncoding.get("zero") + (Long) byEncoding.get("lz4") + (Long) byEncoding.get("raw"));
        assertEquals((long) meta.storageBlockCount(), summary.get("storage_blocks"));
        assertFalse(doc.containsKey("index"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldListEveryBlockInJsonWithIndex() throws Exception {
        CheckpointMetadata meta = Checkpoints.inspect(ckpt);
        Cli.Result r = Cli.run("inspect", "--index", "--json", ckpt.toString());
        assertEquals(0, r.code(), r::toString);
        Map<String, Object> doc = (Map<String, Object>) io.ckpt.tools.bench.Json.parse(r.out());
        List<Object> index = (List<Object>) doc.get("index");
        assertEquals(meta.blockCount(), index.size());
        Map<String, Object> first = (Map<String, Object>) index.get(0);
        assertEquals("zero", first.get("encoding"));
        assertNull(first.get("storage_block"));
        Map<String, Object> last = (Map<String, Object>) index.get(index.size() - 1);
        assertEquals(96L, last.get("block"));
        assertEquals("0x300000", last.get("guest_address"));
        long sb = (Long) last.get("storage_block");
        assertEquals(meta.storageBlockOffset((int) sb) + (Long) last.get("offset"), last.get("file_offset"));
        assertTrue(((String) last.get("crc32c")).matches("0x[0-9a-f]{8}"));
    }

    @Test
    void shouldFailWithExitTwoOnANonCheckpointAndOneOnAMissingFile() throws Exception {
        Cli.Result foreign = Cli.run("inspect", dir.resolve("image.raw").toString());
        assertEquals(2, foreign.code(), foreign::toString);
        assertEquals(1, foreign.err().lines().count(), foreign::toString);
        Cli.Result missing = Cli.run("inspect", "--json", dir.resolve("nope.ckpt").toString());
        assertEquals(1, missing.code(), missing::toString);
        assertEquals("", missing.out());
    }

    @Test
    void shouldListOnlyTheRequestedRangeOfTheIndex() {
        Cli.Result r = Cli.run("inspect", "--index", "--from", "90", "--count", "5", ckpt.toString());
        assertEquals(0, r.code(), r::toString);
        List<String> rows = r.out().lines().filter(l -> INDEX_ROW.matcher(l).matches()).toList();
        assertEquals(5, rows.size(), r::toString);
        assertTrue(rows.get(0).startsWith("        90  0x00000000002d0000"), rows.get(0));
        assertTrue(r.out().contains("rows              90-94\n"), r::toString);
        Cli.Result tail = Cli.run("inspect", "--index", "--from", "95", "--count", "50", ckpt.toString());
        assertEquals(2, tail.out().lines().filter(l -> INDEX_ROW.matcher(l).matches()).count(), "clamped to the end");
    }

    @Test
    void shouldRejectBadOptionCombinationsAsUsageErrors() {
        String f = ckpt.toString();
        for (String[] args : new String[][] {
            {"inspect", "--index", "--verify", f},
            {"inspect", "--block", "1", "--page", "0", f},
            {"inspect", "--from", "3", f},
            {"inspect", "--hexdump", f},
            {"inspect", "--index", "--from", "97", f},
            {"inspect", "--block", "97", f},
            {"inspect", "--block", "-1", f},
            {"inspect", "--page", "0x301000", f},
            {"inspect", "--page", "0xzz", f},
        }) {
            Cli.Result r = Cli.run(args);
            assertEquals(1, r.code(), () -> String.join(" ", args) + ": " + r);
            assertEquals(1, r.err().lines().count(), r::toString);
            assertTrue(r.err().startsWith("ckpt: error: "), r::toString);
            assertEquals("", r.out(), r::toString);
        }
    }

    @Test
    void shouldAcceptAGuestAddressInHexOrDecimal() {
        Cli.Result hex = Cli.run("inspect", "--page", "0x300abc", "--hexdump", ckpt.toString());
        assertEquals(0, hex.code(), hex::toString);
        assertTrue(hex.out().contains("block             96 of 97, guest 0x300000-0x300fff (4 KiB)\n"), hex::toString);
        assertTrue(hex.out().contains("page              0x300000-0x300fff (page 768 of the arena, 0 of the block)\n"),
            hex::toString);
        assertTrue(hex.out().endsWith("\n00301000\n"), "only the page is dumped: " + hex);
        assertEquals(hex.out(), Cli.run("inspect", "--page", "3148476", "--hexdump", ckpt.toString()).out());
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldPrintOneWellFormedJsonDocumentForEveryView() {
        for (String[] view : new String[][] {{}, {"--index"}, {"--storage-blocks"}, {"--block", "50", "--hexdump"},
            {"--page", "0x1000"}, {"--verify"}}) {
            Cli.Result r = Cli.run(Cli.inspectArgs(concat(view, "--json"), ckpt));
            assertEquals(0, r.code(), r::toString);
            Map<String, Object> doc = (Map<String, Object>) io.ckpt.tools.bench.Json.parse(r.out());
            assertEquals(1L, doc.get("schema_version"), r::toString);
            assertEquals("image.ckpt", doc.get("file"));
            assertEquals("ok", doc.get("status"));
            assertEquals(List.of(), doc.get("damage"));
            assertTrue(doc.get("view") instanceof String, r::toString);
        }
    }

    @Test
    void shouldVerifyEveryBlockWithoutAProgressBarWhenNotOnATerminal() {
        Cli.Result r = Cli.run("inspect", "--verify", ckpt.toString());
        assertEquals(0, r.code(), r::toString);
        assertEquals("", r.err(), "no progress bar when stderr is not a terminal");
        assertTrue(r.out().contains("status            ok: every checksum matches\n"), r::toString);
        assertTrue(r.out().contains("page blocks       97: 73 decoded and checked, 24 zero, 0 parent"), r::toString);
    }

    private static String[] concat(String[] a, String b) {
        String[] c = java.util.Arrays.copyOf(a, a.length + 1);
        c[a.length] = b;
        return c;
    }
}
