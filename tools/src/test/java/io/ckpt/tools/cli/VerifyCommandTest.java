package io.ckpt.tools.cli;

import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import io.ckpt.Checkpoints;
import io.ckpt.format.CheckpointMetadata;
import io.ckpt.format.Encoding;
import io.ckpt.format.IndexEntryDescriptor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerifyCommandTest {
    @TempDir
    Path dir;
    Path ckpt;

    @BeforeEach
    void save() throws Exception {
        Path image = Images.write(dir.resolve("image.raw"), Images.RAGGED_LENGTH, 7);
        ckpt = dir.resolve("image.ckpt");
        Cli.Result r = Cli.run("save", "--from-raw", image.toString(), ckpt.toString());
        assertEquals(0, r.code(), r::toString);
    }

    @Test
    void shouldPrintOkWithCountsOnAGoodFile() throws Exception {
        CheckpointMetadata meta = Checkpoints.inspect(ckpt);
        Cli.Result r = Cli.run("verify", ckpt.toString());
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().startsWith("OK: " + ckpt + ": every checksum matches"), r::toString);
        assertTrue(r.out().contains(meta.storageBlockCount() + " storage blocks, " + meta.blockCount() + " page blocks"),
            r::toString);
        assertEquals("", r.err());
    }

    @Test
    void shouldExitTwoNamingTheBlockWhenAStoredByteIsFlipped() throws Exception {
        CheckpointMetadata meta = Checkpoints.inspect(ckpt);
        long block = firstStoredBlock(meta);
        int sb = IndexEntryDescriptor.storageBlock(meta.index(), block);
        long at = meta.storageBlockOffset(sb) + IndexEntryDescriptor.payloadOffset(meta.index(), block)
            + IndexEntryDescriptor.storedLength(meta.index(), block) / 2;
        flip(ckpt, at);

        Cli.Result r = Cli.run("verify", ckpt.toString());
        assertEquals(2, r.code(), r::toString);
        assertEquals("", r.out());
        assertEquals(1, r.err().lines().count(), r::toString);
        assertTrue(r.err().startsWith("ckpt: error: "), r::toString);
        assertTrue(r.err().contains("at offset 0x"), r::toString);
        assertFalse(r.err().contains("\tat "), "no stack trace without --verbose");
    }

    @Test
    void shouldPrintTheStackTraceOnlyWithVerbose() throws Exception {
        Files.write(ckpt, new byte[] {1, 2, 3}, StandardOpenOption.TRUNCATE_EXISTING);
        Cli.Result r = Cli.run("--verbose", "verify", ckpt.toString());
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.err().startsWith("ckpt: error: "), r::toString);
        assertTrue(r.err().contains("\tat "), r::toString);
        Cli.Result r2 = Cli.run("verify", "--verbose", ckpt.toString());
        assertEquals(2, r2.code(), r2::toString);
        assertTrue(r2.err().contains("\tat "), r2::toString);
    }

    @Test
    void shouldExitTwoOnATruncatedFile() throws Exception {
        long length = Files.size(ckpt);
        for (long keep : new long[] {length - 1, length / 2, 4096, 100, 0}) {
            try (FileChannel ch = FileChannel.open(ckpt, StandardOpenOption.WRITE)) {
                ch.truncate(keep);
            }
            Cli.Result r = Cli.run("verify", ckpt.toString());
            assertEquals(2, r.code(), () -> "truncated to " + keep + ": " + r);
            assertEquals(1, r.err().lines().count(), r::toString);
            assertTrue(r.err().startsWith("ckpt: error: "), r::toString);
        }
    }

    @Test
    void shouldExitTwoOnAFileThatIsNotACheckpoint() throws Exception {
        Cli.Result r = Cli.run("verify", dir.resolve("image.raw").toString());
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.err().startsWith("ckpt: error: header at offset 0x0: not a ckpt checkpoint file"), r::toString);
    }

    @Test
    void shouldExitTwoWhenTheIndexIsDamaged() throws Exception {
        CheckpointMetadata meta = Checkpoints.inspect(ckpt);
        flip(ckpt, meta.indexOffset() + 3);
        Cli.Result r = Cli.run("verify", ckpt.toString());
        assertEquals(2, r.code(), r::toString);
        assertEquals(String.format("ckpt: error: index at offset 0x%x: checksum mismatch", meta.indexOffset()),
            r.err().substring(0, r.err().indexOf(':', r.err().indexOf("checksum")) ), r::toString);
    }

    @Test
    void shouldExitOneOnAMissingFile() {
        Cli.Result r = Cli.run("verify", dir.resolve("nope.ckpt").toString());
        assertEquals(1, r.code(), r::toString);
        assertEquals("ckpt: error: no such file: " + dir.resolve("nope.ckpt") + "\n", r.err());
    }

    private static long firstStoredBlock(CheckpointMetadata meta) {
        ByteBuffer index = meta.index();
        for (long n = 0; n < meta.blockCount(); n++) {
            if (IndexEntryDescriptor.encoding(index, n) != Encoding.ZERO) {
                return n;
            }
        }
        throw new AssertionError("no stored block");
    }

    private static void flip(Path file, long at) throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(at);
            int b = f.read();
            f.seek(at);
            f.write(b ^ 0x40);
        }
    }
}
