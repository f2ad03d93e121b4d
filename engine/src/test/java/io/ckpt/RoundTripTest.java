package io.ckpt;

import java.nio.file.Path;
import java.util.stream.Stream;

import io.ckpt.format.CheckpointMetadata;
import io.ckpt.format.Codec;
import io.ckpt.memory.GuestMemory;
import io.ckpt.restore.RestoreStats;
import io.ckpt.save.SaveOptions;
import io.ckpt.save.SaveStats;
import io.ckpt.workload.ArenaFiller;
import io.ckpt.workload.ArenaFiller.Profile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoundTripTest {
    @TempDir
    Path dir;

    static Stream<Arguments> configurations() {
        return Stream.of(
            Arguments.of(Profile.MIXED, 16, 1 << 20, Codec.LZ4, 2, 64L << 20, 1 << 20),
            Arguments.of(Profile.MIXED, 1, 12288, Codec.LZ4, 1, 8L << 20, 1 << 20),
            Arguments.of(Profile.MIXED, 256, 4 << 20, Codec.LZ4, 2, 24L << 20, 2 << 20),
            Arguments.of(Profile.MIXED, 16, 1 << 20, Codec.NONE, 2, 16L << 20, 1 << 20),
            Arguments.of(Profile.RANDOM, 16, 256 << 10, Codec.LZ4, 2, 16L << 20, 1 << 20),
            Arguments.of(Profile.ZERO, 16, 1 << 20, Codec.LZ4, 2, 16L << 20, 1 << 20),
            Arguments.of(Profile.TEXT, 4, 64 << 10, Codec.LZ4, 3, 12L << 20 + 4096 * 3, 1 << 20),
            Arguments.of(Profile.HEAP, 32, 1 << 20, Codec.LZ4, 2, 40L << 20, 4 << 20));
    }

    @ParameterizedTest
    @MethodSource("configurations")
    void shouldRestoreEveryByte(Profile profile, int pagesPerBlock, int storageBlock, Codec codec, int compressors,
                                long size, int slab) throws Exception {
        long seed = 42 + size + pagesPerBlock;
        Path file = dir.resolve("rt.ckpt");
        try (GuestMemory source = GuestMemory.allocate(size, slab);
             GuestMemory target = GuestMemory.allocate(size, slab)) {
            ArenaFiller.fill(source, profile, seed);
            target.fill(0, size, (byte) 0x5A);
            SaveOptions options = SaveOptions.defaults().withPagesPerBlock(pagesPerBlock)
                .withStorageBlockSize(storageBlock).withCodec(codec).withCompressors(compressors);
            SaveStats saved = Checkpoints.save(source, file, options);
            assertEquals(saved.blocks(), CheckpointMetadata.read(file).blockCount());
            RestoreStats restored = Checkpoints.restore(file, target);
            assertEquals(saved.zeroBlocks(), restored.zeroBlocks());
            assertArenasEqual(source, target, "seed=" + seed);
            Checkpoints.verify(file);
        }
    }

    static void assertArenasEqual(GuestMemory expected, GuestMemory actual, String context) {
        ArenaAssert.assertArenasEqual(expected, actual, context);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(io.ckpt.save.WriteMode.class)
    void shouldRestoreEveryByteInEveryWriteMode(io.ckpt.save.WriteMode mode) throws Exception {
        Path file = dir.resolve("mode.ckpt");
        long size = 40L << 20;
        try (GuestMemory source = GuestMemory.allocate(size, 8 << 20); GuestMemory target = GuestMemory.allocate(size, 8 << 20)) {
            ArenaFiller.fill(source, Profile.MIXED, 99);
            SaveStats s = Checkpoints.save(source, file, SaveOptions.defaults().withWriteMode(mode).withStorageBlockSize(256 << 10));
            assertEquals(CheckpointMetadata.read(file).fileLength(), s.fileBytes());
            Checkpoints.restore(file, target);
            assertArenasEqual(source, target, "writeMode=" + mode);
            Checkpoints.verify(file);
        }
    }

    /** Direct writes pad each storage block with zeros to 4 KiB in an aligned buffer: the file is the same. */
    @Test
    void shouldWriteTheSameBytesDirectlyAsThroughThePageCache() throws Exception {
        try (GuestMemory source = GuestMemory.allocate(24L << 20, 8 << 20)) {
            ArenaFiller.fill(source, Profile.MIXED, 98);
            SaveOptions o = SaveOptions.defaults().withCompressors(1).withFileUuid(new java.util.UUID(1, 2))
                .withCreatedMillis(1_700_000_000_000L).withStorageBlockSize(512 << 10).withHint(false);
            Path channel = dir.resolve("channel.ckpt");
            Path direct = dir.resolve("direct.ckpt");
            Checkpoints.save(source, channel, o.withWriteMode(io.ckpt.save.WriteMode.CHANNEL));
            Checkpoints.save(source, direct, o.withWriteMode(io.ckpt.save.WriteMode.DIRECT));
            org.junit.jupiter.api.Assertions.assertArrayEquals(java.nio.file.Files.readAllBytes(channel),
                java.nio.file.Files.readAllBytes(direct));
        }
    }

    @Test
    void shouldAllocateRestoredArena() throws Exception {
        Path file = dir.resolve("a.ckpt");
        try (GuestMemory source = GuestMemory.allocate(4L << 20, 1 << 20)) {
            source.putLong(0x1000, 42);
            Checkpoints.save(source, file);
            try (GuestMemory restored = Checkpoints.restore(file)) {
                assertEquals(42, restored.getLong(0x1000));
                assertArenasEqual(source, restored, "alloc");
            }
        }
        assertTrue(java.nio.file.Files.size(file) > 0);
    }

    /**
     * An index larger than the 1 MiB the metadata reader reads at a time (49,152 one-page blocks:
     * 1.1 MiB of index): read whole, checked whole, and a flipped byte in its last MiB is caught.
     */
    @Test
    void shouldReadAnIndexLargerThanOneReadChunk() throws Exception {
        Path file = dir.resolve("big-index.ckpt");
        try (GuestMemory memory = GuestMemory.allocate(192L << 20)) {
            ArenaFiller.fill(memory, Profile.ZERO_HEAVY, 8);
            Checkpoints.save(memory, file, SaveOptions.defaults().withPagesPerBlock(1));
            CheckpointMetadata meta = CheckpointMetadata.read(file);
            assertEquals(49_152L * io.ckpt.format.IndexEntryDescriptor.LENGTH, meta.index().capacity());
            try (GuestMemory restored = Checkpoints.restore(file)) {
                assertArenasEqual(memory, restored, "index of 1.1 MiB");
            }
            long at = meta.indexOffset() + meta.index().capacity() - 5;   // the last entry's reserved bytes
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file,
                    java.nio.file.StandardOpenOption.WRITE)) {
                ch.write(java.nio.ByteBuffer.wrap(new byte[] {1}), at);
            }
            io.ckpt.format.CorruptCheckpointException e = org.junit.jupiter.api.Assertions.assertThrows(
                io.ckpt.format.CorruptCheckpointException.class, () -> CheckpointMetadata.read(file));
            assertTrue(e.getMessage().contains("index"), e.getMessage());
        }
    }
}
