package io.ckpt.tools.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import io.ckpt.ArenaAssertSupport;
import io.ckpt.Checkpoints;
import io.ckpt.format.CheckpointMetadata;
import io.ckpt.memory.GuestMemory;
import io.ckpt.save.SaveOptions;
import io.ckpt.workload.ArenaFiller;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LazyAndCompactCommandTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"none", "sequential", "working-set"})
    void shouldRestoreLazilyByteForByte(String prefetch) throws Exception {
        Path image = Images.write(dir.resolve("image.raw"), Images.RAGGED_LENGTH, 5);
        Path ckpt = dir.resolve("image.ckpt");
        Path back = dir.resolve("back.raw");
        assertEquals(0, Cli.run("save", "--from-raw", image.toString(), ckpt.toString()).code());
        Cli.Result r = Cli.run("restore", ckpt.toString(), "--to-raw", back.toString(), "--lazy", "--prefetch", prefetch);
        assertEquals(0, r.code(), r::toString);
        assertEquals(-1L, Files.mismatch(image, back), "lazily restored image differs");
        assertTrue(r.out().contains("resumed in"), r::toString);
        assertTrue(r.out().contains("faults (p50"), r::toString);
    }

    @Test
    void shouldRestoreLazilyRunsOfDataAndZerosOfEveryLength() throws Exception {
        // Data and zero runs of 1 to 300 KiB, so that the writer's 1 MiB chunks start and end
        // inside them and its zero runs fall below, at and above SparseWriter.HOLE_BYTES; the
        // image ends inside a page.
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(11);
        byte[] b = new byte[(5 << 20) + 777];
        for (int at = 0; at < b.length; ) {
            int end = Math.min(b.length, at + 1024 * (1 + rnd.nextInt(300)));
            for (int i = at; i < end; i++) {
                b[i] = (byte) (1 + rnd.nextInt(255));
            }
            at = end + 1024 * (1 + rnd.nextInt(300));
        }
        Path image = Files.write(dir.resolve("runs.raw"), b);
        Path ckpt = dir.resolve("runs.ckpt");
        Path back = dir.resolve("runs-back.raw");
        assertEquals(0, Cli.run("save", "--from-raw", image.toString(), ckpt.toString()).code());
        Cli.Result r = Cli.run("restore", ckpt.toString(), "--to-raw", back.toString(), "--lazy");
        assertEquals(0, r.code(), r::toString);
        assertEquals(-1L, Files.mismatch(image, back), "lazily restored image differs");
    }

    @Test
    void shouldRejectAnUnknownPrefetchPolicy() throws Exception {
        Path image = Images.write(dir.resolve("image.raw"), 100_000, 5);
        Path ckpt = dir.resolve("image.ckpt");
        assertEquals(0, Cli.run("save", "--from-raw", image.toString(), ckpt.toString()).code());
        Cli.Result r = Cli.run("restore", ckpt.toString(), "--to-raw", dir.resolve("x").toString(), "--lazy",
            "--prefetch", "psychic");
        assertEquals(Exit.USAGE, r.code(), r::toString);
        assertTrue(r.err().contains("psychic"), r::toString);
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
    }

    @Test
    void shouldCompactAChainIntoOneFullCheckpoint() throws Exception {
        Path base = dir.resolve("base.ckpt");
        Path inc = dir.resolve("inc.ckpt");
        Path full = dir.resolve("full.ckpt");
        try (GuestMemory memory = GuestMemory.allocate(16L << 20, 4 << 20)) {
            ArenaFiller.fill(memory, ArenaFiller.Profile.MIXED, 3);
            Checkpoints.save(memory, base);
            for (long a = 0; a < memory.size(); a += 1 << 20) {
                memory.putLong(a + 64, a);
            }
            Checkpoints.save(memory, inc, SaveOptions.defaults().withParent(base));
            Cli.Result r = Cli.run("compact", inc.toString(), full.toString());
            assertEquals(0, r.code(), r::toString);
            assertTrue(r.out().contains("2 files in the chain"), r::toString);
            CheckpointMetadata m = CheckpointMetadata.read(full);
            assertNull(m.parentUuid(), "compacted checkpoint is full");
            assertEquals(CheckpointMetadata.read(inc).hintBlockCount(), m.hintBlockCount(), "hint carried over");
            Files.delete(base);
            Files.delete(inc);
            try (GuestMemory restored = Checkpoints.restore(full)) {
                ArenaAssertSupport.assertArenasEqual(memory, restored);
            }
        }
    }

    @Test
    void shouldFailWithExitTwoWhenTheParentIsMissing() throws Exception {
        Path base = dir.resolve("base.ckpt");
        Path inc = dir.resolve("inc.ckpt");
        try (GuestMemory memory = GuestMemory.allocate(8L << 20, 4 << 20)) {
            ArenaFiller.fill(memory, ArenaFiller.Profile.MIXED, 4);
            Checkpoints.save(memory, base);
            memory.putLong(0, 1);
            Checkpoints.save(memory, inc, SaveOptions.defaults().withParent(base));
        }
        Files.delete(base);
        Cli.Result r = Cli.run("compact", inc.toString(), dir.resolve("full.ckpt").toString());
        assertEquals(Exit.CORRUPT, r.code(), r::toString);
        assertTrue(r.err().contains("not found"), r::toString);
        Cli.Result lazy = Cli.run("restore", inc.toString(), "--to-raw", dir.resolve("x.raw").toString(), "--lazy");
        assertEquals(Exit.CORRUPT, lazy.code(), lazy::toString);
    }
}
