package io.ckpt.tools.inspect;

import io.ckpt.tools.cli.Cli;

import io.ckpt.tools.inspect.BlockVerifier;
import io.ckpt.tools.inspect.Inspection;
import io.ckpt.tools.inspect.TolerantReader;


import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

import io.ckpt.format.CheckpointException;
import io.ckpt.format.CheckpointMetadata;
import io.ckpt.format.HeaderDescriptor;
import io.ckpt.format.StorageTableDescriptor;
import io.ckpt.format.TrailerDescriptor;
import io.ckpt.restore.CheckpointVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link TolerantReader} must agree with the engine: on every damaged copy of a golden file its
 * first problem is exactly the error {@link CheckpointMetadata#read} throws (and {@link BlockVerifier}'s
 * first is the one {@link CheckpointVerifier} throws), and on a healthy file it finds nothing.
 */
class TolerantReaderTest {
    @TempDir
    Path dir;

    static List<String> files() {
        return GoldenCheckpoints.FILES;
    }

    /** @return what the engine says of {@code file}: "ok", or the exception's class and message. */
    static String engine(Path file) {
        try {
            CheckpointMetadata.read(file);
            return "ok";
        } catch (CheckpointException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** @return what the tolerant reader says: "ok", the first problem, or the exception's class and message. */
    static String tolerant(Path file) {
        try {
            Inspection f = TolerantReader.read(file);
            if (f.healthy()) {
                assertNotNull(f.meta, "a healthy inspection carries the engine's metadata");
                return "ok";
            }
            assertNull(f.meta);
            return "CorruptCheckpointException: " + f.problems.get(0).message();
        } catch (CheckpointException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void shouldFindNothingWrongWithAGoldenFile(String name) throws IOException {
        Inspection f = TolerantReader.read(GoldenCheckpoints.file(name));
        assertTrue(f.healthy(), () -> String.valueOf(f.problems));
        assertTrue(f.headerValid && f.trailerValid && f.layoutValid && f.indexCrcOk && f.tableCrcOk);
        assertEquals(f.meta.blockCount(), f.blockCount);
        assertEquals(f.meta.storageBlockCount(), f.storageBlockCount());
    }

    /** Every byte of the metadata (header struct, trailer, index, table, hint), flipped one at a time. */
    @ParameterizedTest
    @MethodSource("files")
    void shouldReportTheEnginesErrorFirstForEveryFlippedMetadataByte(String name) throws IOException {
        CheckpointMetadata m = CheckpointMetadata.read(GoldenCheckpoints.file(name));
        List<Long> offsets = new ArrayList<>();
        for (long at = 0; at < HeaderDescriptor.LENGTH; at++) {
            offsets.add(at);
        }
        offsets.add(200L);
        offsets.add(4095L);
        for (long at = m.indexOffset(); at < m.fileLength(); at++) {
            offsets.add(at);
        }
        Path copy = GoldenCheckpoints.copy(name, dir, "flip.ckpt");
        int damaged = 0;
        for (long at : offsets) {
            GoldenCheckpoints.flip(copy, at);
            String want = engine(copy);
            assertEquals(want, tolerant(copy), "byte " + at + " (0x" + Long.toHexString(at) + ") flipped");
            damaged += want.equals("ok") ? 0 : 1;
            GoldenCheckpoints.flip(copy, at);
        }
        assertTrue(damaged > offsets.size() / 2, "most flips are damage: " + damaged + " of " + offsets.size());
    }

    @ParameterizedTest
    @MethodSource("files")
    void shouldReportTheEnginesErrorFirstForEveryTruncation(String name) throws IOException {
        long length = Files.size(GoldenCheckpoints.file(name));
        for (long keep : new long[] {0, 1, 7, 8, 100, 127, 128, 129, 4095, 4096, 4159, 4160, 4161, length / 2,
            length - 65, length - 64, length - 63, length - 1}) {
            Path copy = GoldenCheckpoints.copy(name, dir, "cut.ckpt");
            try (FileChannel ch = FileChannel.open(copy, StandardOpenOption.WRITE)) {
                ch.truncate(keep);
            }
            assertEquals(engine(copy), tolerant(copy), "truncated to " + keep);
        }
    }

    /** Flips bytes across the storage blocks: the first problem is the one the engine's verifier throws. */
    @ParameterizedTest
    @MethodSource("files")
    void shouldReportTheEngineVerifiersErrorFirstForFlippedDataBytes(String name) throws IOException {
        CheckpointMetadata m = CheckpointMetadata.read(GoldenCheckpoints.file(name));
        Path copy = GoldenCheckpoints.copy(name, dir, "data.ckpt");
        int bad = 0;
        for (long at = HeaderDescriptor.REGION_LENGTH; at < m.indexOffset(); at += 61) {
            GoldenCheckpoints.flip(copy, at);
            String want;
            try {
                CheckpointVerifier.verify(copy);
                want = "ok";
            } catch (CheckpointException e) {
                want = e.getMessage();
                bad++;
            }
            BlockVerifier.Result first = BlockVerifier.verify(TolerantReader.read(copy), null, true);
            assertEquals(want, first.ok() ? "ok" : first.problems().get(0).message(), "byte 0x" + Long.toHexString(at));
            BlockVerifier.Result all = BlockVerifier.verify(TolerantReader.read(copy), null, false);
            assertEquals(first.ok(), all.ok());
            if (!all.ok()) {
                assertEquals(first.problems().get(0), all.problems().get(0));
            }
            GoldenCheckpoints.flip(copy, at);
        }
        assertTrue(bad > 0);
    }

    @Test
    void shouldNotAllocateOrReadAbsurdLengthsFromAFileWithValidChecksums() throws IOException {
        // A trailer claiming a 1 TiB index, with its CRC recomputed: rejected as a layout, nothing allocated.
        Path copy = GoldenCheckpoints.copy("mixed-lz4.ckpt", dir, "huge-index.ckpt");
        rewriteTrailer(copy, t -> TrailerDescriptor.indexLength(t, 1L << 40));
        assertEquals(engine(copy), tolerant(copy));
        assertTrue(tolerant(copy).contains("inconsistent layout"), tolerant(copy));

        // A storage table entry of length 2^31-1 and 2^31-1 entries, table CRC recomputed.
        copy = GoldenCheckpoints.copy("mixed-lz4.ckpt", dir, "huge-table.ckpt");
        rewriteTable(copy, 0, Integer.MAX_VALUE, Integer.MAX_VALUE);
        assertEquals(engine(copy), tolerant(copy));
        for (String[] view : new String[][] {{}, {"--index"}, {"--storage-blocks"}, {"--verify"}, {"--block", "1"}}) {
            Cli.Result r = Cli.run(Cli.inspectArgs(view, copy));
            assertEquals(2, r.code(), r::toString);
            assertFalse(r.err().contains("internal error") || r.err().contains("\tat "), r::toString);
        }

        // A header claiming 89,478,485 blocks (the maximum), header CRC recomputed: the layout no longer fits.
        copy = GoldenCheckpoints.copy("mixed-lz4.ckpt", dir, "huge-header.ckpt");
        rewriteHeader(copy, h -> HeaderDescriptor.arenaSize(h, 89_478_485L * 65536));
        assertEquals(engine(copy), tolerant(copy));
    }

    interface Edit {
        void apply(ByteBuffer b);
    }

    /** Edits the header struct and recomputes its CRC and the trailer CRC. */
    static void rewriteHeader(Path file, Edit edit) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer h = read(ch, 0, HeaderDescriptor.LENGTH);
            edit.apply(h);
            HeaderDescriptor.headerCrc(h, HeaderDescriptor.computeCrc(h));
            ch.write(h.clear(), 0);
        }
        rewriteTrailer(file, t -> { });
    }

    /** Edits the trailer and recomputes its CRC. */
    static void rewriteTrailer(Path file, Edit edit) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long at = ch.size() - TrailerDescriptor.LENGTH;
            ByteBuffer h = read(ch, 0, HeaderDescriptor.LENGTH);
            ByteBuffer t = read(ch, at, TrailerDescriptor.LENGTH);
            edit.apply(t);
            TrailerDescriptor.trailerCrc(t, TrailerDescriptor.computeTrailerCrc(h, t));
            ch.write(t.clear(), at);
        }
    }

    /** Sets storage table entry {@code sb}'s length and entry count, and recomputes the table CRC. */
    static void rewriteTable(Path file, int sb, int length, int entries) throws IOException {
        long tableOffset;
        long tableLength;
        long hintLength;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer t = read(ch, ch.size() - TrailerDescriptor.LENGTH, TrailerDescriptor.LENGTH);
            tableOffset = TrailerDescriptor.tableOffset(t);
            tableLength = TrailerDescriptor.tableLength(t);
            hintLength = TrailerDescriptor.hintLength(t);
            ByteBuffer table = read(ch, tableOffset, (int) (tableLength + hintLength));
            StorageTableDescriptor.entry(table, sb, StorageTableDescriptor.fileOffset(table, sb), length, entries);
            ch.write(table.duplicate().clear(), tableOffset);
            CRC32C crc = new CRC32C();
            crc.update(table.clear());
            int value = (int) crc.getValue();
            rewriteTrailerIn(ch, value);
        }
    }

    private static void rewriteTrailerIn(FileChannel ch, int tableCrc) throws IOException {
        long at = ch.size() - TrailerDescriptor.LENGTH;
        ByteBuffer h = read(ch, 0, HeaderDescriptor.LENGTH);
        ByteBuffer t = read(ch, at, TrailerDescriptor.LENGTH);
        TrailerDescriptor.tableCrc(t, tableCrc);
        TrailerDescriptor.trailerCrc(t, TrailerDescriptor.computeTrailerCrc(h, t));
        ch.write(t.clear(), at);
    }

    static ByteBuffer read(FileChannel ch, long at, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            if (ch.read(b, at + b.position()) < 0) {
                throw new IOException("short read");
            }
        }
        return b.clear();
    }
}
