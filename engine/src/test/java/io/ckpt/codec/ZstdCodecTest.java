package io.ckpt.codec;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

import io.ckpt.ArenaAssert;
import io.ckpt.Checkpoints;
import io.ckpt.format.CheckpointMetadata;
import io.ckpt.format.Codec;
import io.ckpt.format.DictionaryDescriptor;
import io.ckpt.format.Encoding;
import io.ckpt.format.FormatVersion;
import io.ckpt.format.IndexEntryDescriptor;
import io.ckpt.memory.GuestMemory;
import io.ckpt.restore.RestoreOptions;
import io.ckpt.restore.lazy.LazyRestore;
import io.ckpt.restore.lazy.LazyRestoreOptions;
import io.ckpt.restore.lazy.Prefetch;
import io.ckpt.save.PendingCheckpoint;
import io.ckpt.save.SaveOptions;
import io.ckpt.save.SaveStats;
import io.ckpt.workload.ArenaFiller;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The zstd codec end to end: every restore path compares every byte, with and without a dictionary. */
class ZstdCodecTest {
    private static final long SIZE = 32L << 20;
    private static final int SLAB = 8 << 20;

    @TempDir
    Path dir;

    private static SaveOptions zstd(int pages) {
        return SaveOptions.defaults().withCodec(Codec.ZSTD).withPagesPerBlock(pages);
    }

    @ParameterizedTest(name = "{0} pages per block")
    @ValueSource(ints = {4, 16})
    void shouldRestoreEveryByteEagerlyLazilyAndIntoAnImageWithATrainedDictionary(int pages) throws Exception {
        Path file = dir.resolve("z" + pages + ".ckpt");
        try (GuestMemory memory = GuestMemory.allocate(SIZE, SLAB)) {
            ArenaFiller.fill(memory, ArenaFiller.Profile.MIXED, 31);
            SaveStats s = Checkpoints.save(memory, file, zstd(pages));
            assertTrue(s.dictionaryBytes() > 0, "a dictionary was trained: " + s);
            assertTrue(s.dictionaryNanos() > 0);
            assertFalse(s.dictionaryReused());
            CheckpointMetadata m = CheckpointMetadata.read(file);
            assertEquals(Codec.ZSTD, m.codec());
            assertEquals(FormatVersion.MINOR, m.minorVersion());
            assertEquals(s.dictionaryBytes(), m.dictionaryLength());
            assertEquals(DictionaryDescriptor.dataOffsetFor(m.dictionaryLength()), m.dataOffset());
            assertTrue(count(m, Encoding.ZSTD) > 0, "ZSTD blocks");

            try (GuestMemory restored = Checkpoints.restore(file)) {
                ArenaAssert.assertArenasEqual(memory, restored, "eager zstd restore");
            }
            try (GuestMemory target = GuestMemory.allocate(SIZE, SLAB);
                 LazyRestore r = LazyRestore.start(file, target, LazyRestoreOptions.defaults()
                     .withPrefetch(Prefetch.NONE))) {
                // Faults first (each block brought in by its first touch), then the rest.
                for (long a = 0; a < SIZE; a += 7L * pages * 4096 + 4096) {
                    assertEquals(memory.getLong(a), target.getLong(a), "lazy fault at 0x" + Long.toHexString(a));
                }
                // Prefetch NONE never completes on its own: fault in every block, then compare all bytes.
                for (long a = 0; a < SIZE; a += 4096L * pages) {
                    target.getLong(a);
                }
                assertTrue(r.awaitCompletion(30, java.util.concurrent.TimeUnit.SECONDS), "every block faulted in");
                ArenaAssert.assertArenasEqual(memory, target, "lazy zstd restore by faults");
            }
            try (GuestMemory target = GuestMemory.allocate(SIZE, SLAB);
                 LazyRestore r = LazyRestore.start(file, target, LazyRestoreOptions.defaults()
                     .withPrefetch(Prefetch.SEQUENTIAL))) {
                r.awaitCompletion();
                ArenaAssert.assertArenasEqual(memory, target, "lazy zstd restore");
            }
            Path image = dir.resolve("z" + pages + ".raw");
            Checkpoints.restoreImage(file, image, RestoreOptions.defaults());
            assertImageEquals(memory, image);
            assertEquals(s.blocks(), Checkpoints.verify(file).blocks());

            // The image file path of the save (no arena) writes the same blocks.
            Path again = dir.resolve("z" + pages + "-image.ckpt");
            SaveStats fromImage = Checkpoints.saveImage(image, again, zstd(pages));
            assertTrue(fromImage.dictionaryBytes() > 0);
            try (GuestMemory restored = Checkpoints.restore(again)) {
                ArenaAssert.assertArenasEqual(memory, restored, "restore of a zstd save of an image file");
            }
        }
    }

    @Test
    void shouldBeSmallerThanLz4AtTheSameBlockSize() throws Exception {
        try (GuestMemory memory = GuestMemory.allocate(SIZE, SLAB)) {
            ArenaFiller.fill(memory, ArenaFiller.Profile.MIXED, 32);
            long lz4 = Checkpoints.save(memory, dir.resolve("l.ckpt"), SaveOptions.defaults()).fileBytes();
            long dict = Checkpoints.save(memory, dir.resolve("d.ckpt"), zstd(16)).fileBytes();
            assertTrue(dict < lz4, "zstd with dictionary " + dict + " < lz4 " + lz4);
        }
    }

    @Test
    void shouldRestoreWithoutADictionaryAndWithANegativeLevel() throws Exception {
        Path file = dir.resolve("nodict.ckpt");
        try (GuestMemory memory = GuestMemory.allocate(SIZE, SLAB)) {
            ArenaFiller.fill(memory, ArenaFiller.Profile.TEXT, 33);
            SaveStats s = Checkpoints.save(memory, file, zstd(16).withDictionarySize(0).withZstdLevel(-3));
            assertEquals(0, s.dictionaryBytes());
            CheckpointMetadata m = CheckpointMetadata.read(file);
            assertNull(m.dictionary());
            assertEquals(4096, m.dataOffset());
            try (GuestMemory restored = Checkpoints.restore(file)) {
                ArenaAssert.assertArenasEqual(memory, restored, "zstd without dictionary");
            }
        }
    }

    @Test
    void shouldStoreIncompressibleBlocksRawAndZeroBlocksNotAtAll() throws Exception {
        Path file = dir.resolve("random.ckpt");
        try (GuestMemory memory = GuestMemory.allocate(SIZE, SLAB)) {
            ArenaFiller.fill(memory, ArenaFiller.Profile.RANDOM, 34);
            memory.fill(0, 1 << 20, (byte) 0);
            Checkpoints.save(memory, file, zstd(4));
            CheckpointMetadata m = CheckpointMetadata.read(file);
            assertTrue(count(m, Encoding.RAW) > 0, "RAW blocks");
            assertTrue(count(m, Encoding.ZERO) >= (1 << 20) / (4 * 4096), "ZERO blocks");
            try (GuestMemory restored = Checkpoints.restore(file)) {
                ArenaAssert.assertArenasEqual(memory, restored, "random arena, zstd");
            }
        }
    }

    @Test
    void shouldReuseTheParentsDictionaryInIncrementalChildrenAndRestoreTheChain() throws Exception {
        Path base = dir.resolve("base.ckpt");
        Path inc1 = dir.resolve("inc1.ckpt");
        Path inc2 = dir.resolve("inc2.ckpt");
        try (GuestMemory memory = GuestMemory.allocate(SIZE, SLAB)) {
            ArenaFiller.fill(memory, ArenaFiller.Profile.MIXED, 35);
            SaveStats full = Checkpoints.save(memory, base, zstd(16));
            scribble(memory, 1);
            SaveStats s1 = Checkpoints.save(memory, inc1, zstd(16).withParent(base));
            scribble(memory, 2);
            SaveStats s2 = PendingCheckpoint.begin(memory, inc2, zstd(16).withParent(inc1)).await();
            assertTrue(s1.dictionaryReused() && s2.dictionaryReused(), s1 + " / " + s2);
            byte[] d0 = bytes(CheckpointMetadata.read(base).dictionary());
            assertArrayEquals(d0, bytes(CheckpointMetadata.read(inc1).dictionary()));
            assertArrayEquals(d0, bytes(CheckpointMetadata.read(inc2).dictionary()));
            assertTrue(s2.parentBlocks() > 0 && full.dictionaryBytes() == s2.dictionaryBytes());

            try (GuestMemory restored = Checkpoints.restore(inc2)) {
                ArenaAssert.assertArenasEqual(memory, restored, "eager zstd chain restore");
            }
            try (GuestMemory target = GuestMemory.allocate(SIZE, SLAB);
                 LazyRestore r = LazyRestore.start(inc2, target, LazyRestoreOptions.defaults()
                     .withPrefetch(Prefetch.SEQUENTIAL))) {
                r.awaitCompletion();
                ArenaAssert.assertArenasEqual(memory, target, "lazy zstd chain restore");
            }
            Path image = dir.resolve("chain.raw");
            Checkpoints.restoreImage(inc2, image, RestoreOptions.defaults());
            assertImageEquals(memory, image);
            Path compacted = dir.resolve("compact.ckpt");
            Checkpoints.compact(inc2, compacted);
            try (GuestMemory restored = Checkpoints.restore(compacted)) {
                ArenaAssert.assertArenasEqual(memory, restored, "compacted zstd chain");
            }
        }
    }

    @Test
    void shouldRejectBadZstdOptions() {
        assertThrows(IllegalArgumentException.class, () -> SaveOptions.defaults().withZstdLevel(0));
        assertThrows(IllegalArgumentException.class, () -> SaveOptions.defaults().withZstdLevel(23));
        assertThrows(IllegalArgumentException.class, () -> SaveOptions.defaults().withDictionarySize(100));
        assertThrows(IllegalArgumentException.class,
            () -> SaveOptions.defaults().withDictionarySize(DictionaryDescriptor.MAX_LENGTH + 1));
        assertThrows(IllegalArgumentException.class, () -> SaveOptions.defaults().withDictionarySample(10));
        assertEquals(Codec.ZSTD, Codec.parse("zstd"));
    }

    /**
     * Whole 64 KiB blocks as training samples once made zstd train a 135-byte dictionary from
     * this arena, shorter than the format's minimum, and the save wrote a file every reader
     * refused. Pages as samples give it the size asked for; the file must read back.
     */
    @Test
    void shouldTrainAFullDictionaryFromSixteenPageBlocksOfMixedMemory() throws Exception {
        Path file = dir.resolve("dict16.ckpt");
        try (GuestMemory memory = GuestMemory.allocate(8L << 20)) {
            ArenaFiller.fill(memory, ArenaFiller.Profile.MIXED, 42);
            SaveStats s = Checkpoints.save(memory, file, zstd(16));
            assertEquals(SaveOptions.DEFAULT_DICTIONARY_SIZE, s.dictionaryBytes(), s::toString);
            CheckpointMetadata m = CheckpointMetadata.read(file);
            assertEquals(SaveOptions.DEFAULT_DICTIONARY_SIZE, m.dictionaryLength());
            assertTrue(count(m, Encoding.ZSTD) > 0, "ZSTD blocks");
            try (GuestMemory restored = Checkpoints.restore(file)) {
                ArenaAssert.assertArenasEqual(memory, restored, "zstd restore with a 16-page dictionary");
            }
        }
    }

    private static void scribble(GuestMemory memory, int seed) {
        for (long a = seed * 4096L; a < SIZE; a += 37 * 65536L) {
            memory.putLong(a, a * 31 + seed);
        }
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    private static long count(CheckpointMetadata m, Encoding e) {
        ByteBuffer index = m.index();
        long n = 0;
        for (long b = 0; b < m.blockCount(); b++) {
            if (IndexEntryDescriptor.encoding(index, b) == e) {
                n++;
            }
        }
        return n;
    }

    private static void assertImageEquals(GuestMemory memory, Path image) throws Exception {
        assertEquals(SIZE, Files.size(image));
        byte[] expected = new byte[1 << 20];
        ByteBuffer actual = ByteBuffer.allocate(1 << 20);
        try (FileChannel ch = FileChannel.open(image, StandardOpenOption.READ)) {
            for (long at = 0; at < SIZE; at += expected.length) {
                memory.getBytes(at, expected, 0, expected.length);
                actual.clear();
                while (actual.hasRemaining() && ch.read(actual, at + actual.position()) > 0) {
                    // read fully
                }
                assertTrue(Arrays.equals(expected, actual.array()), "image differs in the MiB at 0x" + Long.toHexString(at));
            }
        }
    }
}
