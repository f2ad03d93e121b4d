package io.ckpt.tools.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

import io.ckpt.format.CheckpointMetadata;
import io.ckpt.format.Encoding;
import io.ckpt.format.IndexEntryDescriptor;
import io.ckpt.memory.GuestMemory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ckpt inspect} on incremental checkpoints: the parent chain, PARENT blocks, blocks resolved through it. */
class InspectChainTest {
    @TempDir
    Path dir;
    GuestMemory arena;
    Path inc2;

    @BeforeEach
    void write() throws Exception {
        arena = Chains.write(dir);
        inc2 = dir.resolve("inc2.ckpt");
    }

    @AfterEach
    void close() {
        arena.close();
    }

    private static long parentEntries(Path file) throws Exception {
        CheckpointMetadata m = CheckpointMetadata.read(file);
        long n = 0;
        for (long b = 0; b < m.blockCount(); b++) {
            n += IndexEntryDescriptor.encodingId(m.index(), b) == Encoding.PARENT.id() ? 1 : 0;
        }
        return n;
    }

    @Test
    void shouldShowEachAncestorWithItsUuidAndWhetherItWasFound() throws Exception {
        Cli.Result r = Cli.run("inspect", inc2.toString());
        assertEquals(0, r.code(), r::toString);
        String out = r.out();
        long parents = parentEntries(inc2);
        assertTrue(parents >= 60, "only block 30 changed: " + parents);
        assertTrue(out.contains("parent            " + Chains.uuid(2) + " in inc1.ckpt\n"), out);
        assertTrue(out.contains("flags             0x01 (incremental)\n"), out);
        assertTrue(out.contains("parent chain      3 files, newest first\n"), out);
        assertTrue(out.contains("  #0 inc2.ckpt            " + Chains.uuid(3) + "  this file: " + parents + " PARENT"), out);
        assertTrue(out.contains("  #1 inc1.ckpt            " + Chains.uuid(2) + "  found, uuid matches: "), out);
        assertTrue(out.contains("  #2 base.ckpt            " + Chains.uuid(1) + "  found, uuid matches: 0 PARENT"), out);
        assertTrue(out.contains("  parent          " + parents + " ("), out);
        assertTrue(out.matches("(?s).*\nparent reference  0x80 .* ok \\(in the header region\\): inc1.ckpt\n.*"), out);

        @SuppressWarnings("unchecked")
        Map<String, Object> doc = (Map<String, Object>) io.ckpt.tools.bench.Json.parse(Cli.run("inspect", "--json", inc2.toString()).out());
        List<?> chain = (List<?>) doc.get("chain");
        assertEquals(2, chain.size());
        @SuppressWarnings("unchecked")
        Map<String, Object> base = (Map<String, Object>) chain.get(1);
        assertEquals("base.ckpt", base.get("file"));
        assertEquals(Chains.uuid(1).toString(), base.get("uuid"));
        assertEquals(Boolean.TRUE, base.get("found"));
        assertEquals(Boolean.TRUE, base.get("matches"));
        assertEquals("inc1.ckpt", doc.get("parent_name"));
    }

    @Test
    void shouldResolveParentRowsOfTheIndexToTheFileHoldingTheBlock() {
        Cli.Result r = Cli.run("inspect", "--index", "--from", "2", "--count", "3", inc2.toString());
        assertEquals(0, r.code(), r::toString);
        List<String> rows = r.out().lines().filter(l -> l.matches("^ +\\d+  0x.*")).toList();
        assertEquals(3, rows.size(), r::toString);
        assertTrue(rows.get(0).matches("^ +2  0x0000000000020000  parent .*-> #2 base.ckpt \\((zero|lz4|raw)\\)$"), rows.get(0));
        assertTrue(rows.get(1).matches("^ +3  0x0000000000030000  parent .*-> #1 inc1.ckpt \\((lz4|raw)\\)$"), rows.get(1));
        assertTrue(r.out().contains("rows              2-4\n"), r::toString);
    }

    @Test
    void shouldDecodeAParentBlockFromTheAncestorThatHoldsIt() {
        Cli.Result r = Cli.run("inspect", "--block", "3", "--hexdump", inc2.toString());
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("resolved          #1 inc1.ckpt: at 0x"), r::toString);
        assertTrue(r.out().contains("content           decoded, crc32c matches\n"), r::toString);

        for (long block : new long[] {3, 7, 20, 30}) {
            @SuppressWarnings("unchecked")
            Map<String, Object> doc = (Map<String, Object>) io.ckpt.tools.bench.Json.parse(
                Cli.run("inspect", "--block", Long.toString(block), "--hexdump", "--json", inc2.toString()).out());
            assertEquals(Chains.hex(arena, block * Chains.BLOCK, Chains.BLOCK), doc.get("data_hex"), "block " + block);
        }
        long page = Chains.CHANGED_IN_INC2 * Chains.BLOCK + 4096;
        @SuppressWarnings("unchecked")
        Map<String, Object> doc = (Map<String, Object>) io.ckpt.tools.bench.Json.parse(
            Cli.run("inspect", "--page", "0x" + Long.toHexString(page + 123), "--hexdump", "--json", inc2.toString()).out());
        assertEquals(Chains.hex(arena, page, 4096), doc.get("data_hex"));
        assertEquals("0x" + Long.toHexString(page), doc.get("page_address"));
        assertEquals("inc2.ckpt", doc.get("source_file"));
    }

    @Test
    void shouldExitTwoNamingAMissingAncestor() throws Exception {
        Files.delete(dir.resolve("base.ckpt"));
        Cli.Result r = Cli.run("inspect", inc2.toString());
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.out().contains("  #2 base.ckpt            " + Chains.uuid(1) + "  NOT FOUND\n"), r::toString);
        assertTrue(r.out().contains("  #1 inc1.ckpt            " + Chains.uuid(2) + "  found, uuid matches"), r::toString);
        assertTrue(r.err().startsWith("ckpt: error: parent chain: ancestor #2 base.ckpt not found (expected checkpoint "
            + Chains.uuid(1) + " next to inc1.ckpt)"), r::toString);
        assertFalse(r.out().contains(dir.toString()) || r.err().contains(dir.toString()), "no directories: " + r);

        Cli.Result block = Cli.run("inspect", "--block", "2", inc2.toString());
        assertEquals(2, block.code(), block::toString);
        assertTrue(block.out().contains("resolved          UNRESOLVED"), block::toString);
        assertEquals(0, Cli.run("inspect", "--block", "30", inc2.toString()).code(), "a block of inc2 itself is fine");
    }

    @Test
    void shouldExitTwoNamingAnAncestorThatIsAnotherCheckpoint() throws Exception {
        Files.copy(dir.resolve("inc2.ckpt"), dir.resolve("inc1.ckpt"), StandardCopyOption.REPLACE_EXISTING);
        Cli.Result r = Cli.run("inspect", inc2.toString());
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.out().contains("  #1 inc1.ckpt            " + Chains.uuid(2) + "  found, UUID MISMATCH: it is "
            + Chains.uuid(3)), r::toString);
        assertTrue(r.err().startsWith("ckpt: error: parent chain: ancestor #1 inc1.ckpt is checkpoint " + Chains.uuid(3)
            + ", expected " + Chains.uuid(2)), r::toString);
    }
}
