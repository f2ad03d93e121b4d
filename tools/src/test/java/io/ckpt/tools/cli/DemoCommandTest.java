package io.ckpt.tools.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoCommandTest {
    @TempDir
    Path dir;

    @Test
    void shouldSaveRestoreAndMatchEveryByte() throws Exception {
        Cli.Result r = Cli.run("demo", "--size", "16m", "--dir", dir.toString());
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("OK: every byte matches"), r::toString);
        assertTrue(r.out().contains("ckpt demo: 16.00 MiB arena, profile mixed, seed 42"), r::toString);
        assertTrue(r.out().contains("page blocks: zero "), r::toString);
        assertTrue(r.out().contains("write calls for "), r::toString);
        assertTrue(r.out().contains("lz4 -1"), r::toString);
        assertTrue(r.err().contains("ckpt demo: saving to "), r::toString);
        try (var left = Files.list(dir)) {
            assertEquals(0, left.count(), "temporary files cleaned up");
        }
    }

    @Test
    void shouldKeepFilesWithKeep() throws Exception {
        Cli.Result r = Cli.run("demo", "--size", "4m", "--profile", "zero-heavy", "--seed", "3", "--block-pages", "4",
            "--codec", "none", "--no-lz4", "--keep", "--dir", dir.toString());
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("OK: every byte matches"), r::toString);
        assertTrue(r.out().contains("skipped (--no-lz4)"), r::toString);
        try (var left = Files.list(dir)) {
            Path work = left.findFirst().orElseThrow();
            assertTrue(r.out().contains("kept: " + work), r::toString);
            assertTrue(Files.size(work.resolve("demo.ckpt")) > 0);
        }
    }

    @Test
    void shouldRejectASizeThatIsNotWholePages() {
        Cli.Result r = Cli.run("demo", "--size", "1000", "--dir", dir.toString());
        assertEquals(1, r.code(), r::toString);
        assertTrue(r.err().contains("--size"), r::toString);
        Cli.Result r2 = Cli.run("demo", "--size", "lots");
        assertEquals(1, r2.code(), r2::toString);
        Cli.Result r3 = Cli.run("demo", "--profile", "weird");
        assertEquals(1, r3.code(), r3::toString);
        assertTrue(r3.err().contains("unknown profile"), r3::toString);
    }
}
