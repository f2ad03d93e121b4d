package io.ckpt.tools.cli;

import io.ckpt.tools.inspect.GoldenCheckpoints;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

import io.ckpt.memory.GuestMemory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiffCommandTest {
    @TempDir
    Path dir;
    GuestMemory arena;

    @BeforeEach
    void write() throws Exception {
        arena = Chains.write(dir);
    }

    @AfterEach
    void close() {
        arena.close();
    }

    private String path(String name) {
        return dir.resolve(name).toString();
    }

    @Test
    void shouldListTheChangedBlocksAsRangesThroughTheParentChains() {
        Cli.Result r = Cli.run("diff", path("base.ckpt"), path("inc2.ckpt"));
        assertEquals(0, r.code(), r::toString);
        assertEquals("", r.err());
        String out = r.out();
        assertTrue(out.startsWith("a                 base.ckpt  " + Chains.uuid(1) + "  (full)\n"
            + "b                 inc2.ckpt  " + Chains.uuid(3) + "  (incremental, chain of 3 files)\n"
            + "geometry          4.00 MiB arena in 64 KiB page blocks (64 page blocks)\n"
            + "differing         5 of 64 page blocks (7.8%), 320.00 KiB of 4.00 MiB (7.8%), in 4 ranges\n"), out);
        assertTrue(out.contains("\n  blocks 3-4             guest 0x30000-0x4ffff                128.00 KiB\n"), out);
        assertTrue(out.contains("\n  block 10               guest 0xa0000-0xaffff                64.00 KiB\n"), out);
        assertTrue(out.contains("\n  block 20 "), "a block that became ZERO differs: " + out);
        assertTrue(out.contains("\n  block 30 "), out);
        assertTrue(!out.contains(dir.toString()), "file names only");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldDescribeTheDifferenceInJson() {
        Cli.Result r = Cli.run("diff", "--json", path("inc1.ckpt"), path("inc2.ckpt"));
        assertEquals(0, r.code(), r::toString);
        Map<String, Object> doc = (Map<String, Object>) io.ckpt.tools.bench.Json.parse(r.out());
        assertEquals(1L, doc.get("schema_version"));
        assertEquals("diff", doc.get("view"));
        assertEquals(Boolean.TRUE, doc.get("comparable"));
        assertEquals(1L, doc.get("differing_blocks"));
        assertEquals(65536L, doc.get("differing_bytes"));
        List<Object> ranges = (List<Object>) doc.get("ranges");
        Map<String, Object> only = (Map<String, Object>) ranges.get(0);
        assertEquals(30L, only.get("first_block"));
        assertEquals(30L, only.get("last_block"));
        assertEquals("0x1e0000", only.get("guest_start"));
        assertEquals("0x1f0000", only.get("guest_end"));
        assertEquals("inc1.ckpt", ((Map<String, Object>) doc.get("a")).get("file"));
        assertEquals(2L, ((Map<String, Object>) doc.get("a")).get("chain_files"));
    }

    @Test
    void shouldFindNoDifferenceBetweenACheckpointAndACopy() throws Exception {
        Files.copy(dir.resolve("inc2.ckpt"), dir.resolve("copy.ckpt"));
        Cli.Result r = Cli.run("diff", path("inc2.ckpt"), path("copy.ckpt"));
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("differing         none: every page block's CRC32C matches\n"), r::toString);
    }

    @Test
    void shouldExitOneWhenTheGeometriesDiffer() {
        Cli.Result r = Cli.run("diff", GoldenCheckpoints.file("mixed-lz4.ckpt").toString(),
            GoldenCheckpoints.file("ragged-tail.ckpt").toString());
        assertEquals(1, r.code(), r::toString);
        assertTrue(r.out().contains("geometry          DIFFERS: a has 384.00 KiB arena in 64 KiB page blocks, b has "
            + "396.00 KiB arena in 32 KiB page blocks; cannot compare\n"), r::toString);
        assertTrue(r.err().startsWith("ckpt: error: cannot compare: "), r::toString);
        Cli.Result json = Cli.run("diff", "--json", GoldenCheckpoints.file("mixed-lz4.ckpt").toString(),
            GoldenCheckpoints.file("text-none.ckpt").toString());
        assertEquals(1, json.code(), json::toString);
        assertEquals(Boolean.FALSE, ((Map<?, ?>) io.ckpt.tools.bench.Json.parse(json.out())).get("comparable"));
    }

    @Test
    void shouldExitTwoOnADamagedFileOrAMissingAncestor() throws Exception {
        Path copy = GoldenCheckpoints.copy("mixed-lz4.ckpt", dir, "damaged.ckpt");
        GoldenCheckpoints.flip(copy, 0x19003);
        Cli.Result r = Cli.run("diff", GoldenCheckpoints.file("mixed-lz4.ckpt").toString(), copy.toString());
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.err().startsWith("ckpt: error: index at offset 0x19000: checksum mismatch"), r::toString);

        Files.delete(dir.resolve("base.ckpt"));
        Cli.Result missing = Cli.run("diff", path("inc1.ckpt"), path("inc2.ckpt"));
        assertEquals(2, missing.code(), missing::toString);
        assertTrue(missing.err().contains("not found"), missing::toString);
        assertEquals(1, missing.err().lines().count(), missing::toString);
    }

    @Test
    void shouldBeListedInTheHelp() {
        assertTrue(Cli.run("--help").out().contains("\n  diff "), "ckpt --help lists diff");
        Cli.Result r = Cli.run("diff", "--help");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().startsWith("Usage: ckpt diff"), r::toString);
        assertEquals(1, Cli.run("diff", path("base.ckpt")).code(), "two files are needed");
    }

    @Test
    void shouldTakeAZeroBlockAsTheChecksumOfItsZeroBytes() {
        for (int length : new int[] {4096, 65536, 12288, 1 << 20}) {
            CRC32C crc = new CRC32C();
            crc.update(new byte[length]);
            assertEquals((int) crc.getValue(), DiffCommand.zeroCrc(length), "length " + length);
        }
    }
}
