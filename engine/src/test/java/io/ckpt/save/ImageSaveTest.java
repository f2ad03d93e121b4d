package io.ckpt.save;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import io.ckpt.Checkpoints;
import io.ckpt.format.CheckpointMetadata;
import io.ckpt.memory.GuestMemory;
import io.ckpt.workload.ArenaFiller;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Saving a raw image file straight from disk ({@link SavePipeline#save(Path, Path, SaveOptions)}). */
class ImageSaveTest {
    private static final long SEED = Long.getLong("ckpt.test.seed", 20261206L);

    @TempDir
    Path dir;

    private static Path image(Path file, long length, long seed) throws IOException {
        return io.ckpt.ImageFiles.write(file, length, seed);
    }

    @Test
    void shouldWriteTheSameFileAsASaveOfTheImageLoadedIntoAnArena() throws Exception {
        for (long length : new long[] {24L << 20, (24L << 20) + 4096 * 3 + 123, 4096 * 5, 1}) {
            Path image = image(dir.resolve("img-" + length), length, SEED + length);
            UUID uuid = new UUID(SEED, length);
            List<SaveOptions> variants = new ArrayList<>();
            // One compressor: with two, the storage blocks' order in the file follows the threads' timing.
            variants.add(SaveOptions.defaults().withCompressors(1));
            variants.add(SaveOptions.defaults().withCompressors(1).withPagesPerBlock(4).withStorageBlockSize(256 << 10));
            variants.add(SaveOptions.defaults().withCompressors(1).withCodec(io.ckpt.format.Codec.NONE));
            for (SaveOptions v : variants) {
                String ctx = "length=" + length + " " + v + " (seed=" + SEED + ")";
                SaveOptions o = v.withFileUuid(uuid).withCreatedMillis(1_700_000_000_000L).withHint(false);
                Path fromFile = dir.resolve("from-file.ckpt");
                Path fromArena = dir.resolve("from-arena.ckpt");
                SaveStats s = Checkpoints.saveImage(image, fromFile, o);
                long arena = (length + 4095) / 4096 * 4096;
                try (GuestMemory m = GuestMemory.allocate(arena, 1 << 20)) {
                    byte[] bytes = Files.readAllBytes(image);
                    m.putBytes(0, bytes, 0, bytes.length);
                    Checkpoints.save(m, fromArena, o.withDataLength(length));
                }
                assertArrayEquals(Files.readAllBytes(fromArena), Files.readAllBytes(fromFile), ctx);
                Checkpoints.saveImage(image, fromFile, o.withCompressors(2));
                CheckpointMetadata meta = Checkpoints.inspect(fromFile);
                assertEquals(length, meta.dataLength(), ctx);
                assertEquals(arena, meta.arenaSize(), ctx);
                assertEquals(arena, s.arenaBytes(), ctx);
                try (GuestMemory back = Checkpoints.restore(fromFile)) {
                    byte[] expected = Files.readAllBytes(image);
                    byte[] actual = new byte[expected.length];
                    back.getBytes(0, actual, 0, actual.length);
                    assertArrayEquals(expected, actual, ctx);
                    for (long a = length; a < arena; a++) {
                        assertEquals(0, back.getByte(a), ctx + ": tail past the image at " + a);
                    }
                }
            }
        }
    }

    @Test
    void shouldReportProgressUpToTheWholeImageOnTheCallersThread() throws Exception {
        Path image = image(dir.resolve("img"), 40L << 20, SEED);
        Thread caller = Thread.currentThread();
        List<long[]> updates = new ArrayList<>();
        Checkpoints.saveImage(image, dir.resolve("out.ckpt"), SaveOptions.defaults().withRateLimit(100L << 20)
            .withProgress((done, total) -> {
                assertEquals(caller, Thread.currentThread());
                updates.add(new long[] {done, total});
            }));
        assertTrue(updates.size() >= 2, "a save of 0.4 s reports more than once: " + updates.size());
        long last = -1;
        for (long[] u : updates) {
            assertEquals(40L << 20, u[1]);
            assertTrue(u[0] >= last && u[0] <= u[1], "monotonic, within the total: " + u[0] + " after " + last);
            last = u[0];
        }
        assertEquals(40L << 20, last, "the last update is the whole image");
    }

    @Test
    void shouldRefuseBadImagesAndLeaveTheTargetUntouched() throws Exception {
        Path target = dir.resolve("keep.ckpt");
        Path image = image(dir.resolve("img"), 8L << 20, SEED);
        Checkpoints.saveImage(image, target, SaveOptions.defaults());
        byte[] before = Files.readAllBytes(target);

        Path empty = Files.createFile(dir.resolve("empty"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Checkpoints.saveImage(empty, target,
            SaveOptions.defaults())).getMessage().contains("empty"));
        assertThrows(java.nio.file.NoSuchFileException.class, () -> Checkpoints.saveImage(dir.resolve("missing"), target,
            SaveOptions.defaults()));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Checkpoints.saveImage(target, target,
            SaveOptions.defaults())).getMessage().contains("is the image being saved"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Checkpoints.saveImage(image, target,
            SaveOptions.defaults().withParent(target))).getMessage().contains("no dirty tracking"));
        assertArrayEquals(before, Files.readAllBytes(target));
        assertEquals(List.of("empty", "img", "keep.ckpt"), listing(), "no temporary file left");
    }

    @Test
    void shouldFailWithAnIOExceptionWhenTheImageShrinksDuringTheSave() throws Exception {
        Path image = image(dir.resolve("img"), 64L << 20, SEED);
        Path target = dir.resolve("shrunk.ckpt");
        SplittableRandom rnd = new SplittableRandom(SEED);
        // One compressor at a slow rate: the truncation lands while most of the image is still unread.
        SaveOptions slow = SaveOptions.defaults().withCompressors(1).withRateLimit(64L << 20)
            .withProgress((done, total) -> {
                if (done > 0) {
                    try (FileChannel ch = FileChannel.open(image, StandardOpenOption.WRITE)) {
                        ch.truncate(1 + rnd.nextInt(1 << 20));
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            });
        IOException e = assertThrows(IOException.class, () -> Checkpoints.saveImage(image, target, slow));
        assertTrue(e.getMessage().contains("shrank"), e.getMessage());
        assertFalse(Files.exists(target));
        assertEquals(List.of("img"), listing(), "no temporary file left");
    }

    private List<String> listing() throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
