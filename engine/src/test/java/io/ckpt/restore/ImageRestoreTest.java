package io.ckpt.restore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.ckpt.CheckpointImage;
import io.ckpt.Checkpoints;
import io.ckpt.ImageFiles;
import io.ckpt.format.CorruptCheckpointException;
import io.ckpt.memory.GuestMemory;
import io.ckpt.save.SaveOptions;
import io.ckpt.workload.ArenaFiller;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Restoring straight into a raw image file ({@link ImageRestore}). */
class ImageRestoreTest {
    private static final long SEED = Long.getLong("ckpt.test.seed", 20261206L);

    @TempDir
    Path dir;

    private static byte[] contents(GuestMemory m, long length) {
        byte[] b = new byte[Math.toIntExact(length)];
        m.getBytes(0, b, 0, b.length);
        return b;
    }

    @Test
    void shouldGiveBackTheImageByteForByteWithEveryOption() throws Exception {
        for (long length : new long[] {32L << 20, (32L << 20) - 4096 + 77, 4096 * 3 + 5}) {
            Path image = ImageFiles.write(dir.resolve("img"), length, SEED + length);
            byte[] expected = Files.readAllBytes(image);
            for (SaveOptions o : new SaveOptions[] {SaveOptions.defaults(),
                SaveOptions.defaults().withPagesPerBlock(1).withStorageBlockSize(64 << 10),
                SaveOptions.defaults().withCodec(io.ckpt.format.Codec.NONE).withPagesPerBlock(64).withStorageBlockSize(4 << 20)}) {
                Path ckpt = dir.resolve("c.ckpt");
                Checkpoints.saveImage(image, ckpt, o);
                for (RestoreOptions r : new RestoreOptions[] {RestoreOptions.defaults(),
                    RestoreOptions.defaults().withThreads(1).withSync(true), RestoreOptions.defaults().withThreads(3)}) {
                    String ctx = "length=" + length + " " + o + " threads=" + r.threads() + " (seed=" + SEED + ")";
                    Path back = dir.resolve("back.img");
                    RestoreStats s = Checkpoints.restoreImage(ckpt, back, r);
                    assertArrayEquals(expected, Files.readAllBytes(back), ctx);
                    assertEquals(Checkpoints.inspect(ckpt).blockCount(), s.zeroBlocks() + s.rawBlocks() + s.lz4Blocks(), ctx);
                }
            }
        }
    }

    @Test
    void shouldLeaveZeroBlocksAsHoles() throws Exception {
        Path image = dir.resolve("sparse.img");
        try (GuestMemory m = GuestMemory.allocate(64L << 20, 1 << 20)) {
            ArenaFiller.fill(m, ArenaFiller.Profile.ZERO_HEAVY, SEED);
            m.fill(0, 32L << 20, (byte) 0);   // at least half of the image is zero
            Files.write(image, contents(m, m.size()));
        }
        Path ckpt = dir.resolve("sparse.ckpt");
        Checkpoints.saveImage(image, ckpt, SaveOptions.defaults());
        Path back = dir.resolve("back.img");
        RestoreStats s = Checkpoints.restoreImage(ckpt, back, RestoreOptions.defaults());
        assertArrayEquals(Files.readAllBytes(image), Files.readAllBytes(back));
        long allocated = allocatedBytes(back);
        assumeTrue(allocated >= 0, "stat(1) is not available to read the allocated size");
        long nonZero = (s.rawBlocks() + s.lz4Blocks()) * (64 << 10);
        assertTrue(allocated <= nonZero + (1 << 20), "allocated " + allocated + " bytes for " + nonZero
            + " non-zero bytes of a " + Files.size(back) + "-byte image: zero blocks were written");
    }

    @Test
    void shouldLeaveLongRunsOfZeroPagesInsideStoredBlocksAsHolesToo() throws Exception {
        Path image = dir.resolve("pages.img");
        byte[] bytes = new byte[16 << 20];
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(SEED);
        for (int block = 0; block < bytes.length / (64 << 10); block++) {
            // One random page among the first four of each 64 KiB block, the other 15 zero: every
            // zero run is at least 12 pages, above io.ckpt.io.SparseWriter.HOLE_BYTES (shorter ones are written).
            assertTrue(12 * 4096 >= io.ckpt.io.SparseWriter.HOLE_BYTES);
            int page = block * 16 + rnd.nextInt(4);
            for (int i = 0; i < 4096; i++) {
                bytes[page * 4096 + i] = (byte) rnd.nextInt();
            }
        }
        Files.write(image, bytes);
        Path ckpt = dir.resolve("pages.ckpt");
        Checkpoints.saveImage(image, ckpt, SaveOptions.defaults());
        Path back = dir.resolve("back.img");
        Checkpoints.restoreImage(ckpt, back, RestoreOptions.defaults());
        assertArrayEquals(bytes, Files.readAllBytes(back));
        long allocated = allocatedBytes(back);
        assumeTrue(allocated >= 0, "stat(1) is not available to read the allocated size");
        assertTrue(allocated <= bytes.length / 16 + (1 << 20), "allocated " + allocated + " bytes for "
            + bytes.length / 16 + " bytes of non-zero pages: zero pages were written");
    }

    @Test
    void shouldGiveBackZeroGapsOfEveryLengthAndAShortLastPage() throws Exception {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(SEED);
        for (int trial = 0; trial < 8; trial++) {
            // Runs of 1-20 data pages and 1-20 zero pages, so that gaps fall below, at and above
            // HOLE_BYTES, inside blocks and across them; the image ends inside a page.
            byte[] bytes = new byte[(4 << 20) - 1 - rnd.nextInt(4095)];
            int at = rnd.nextBoolean() ? 0 : 4096 * (1 + rnd.nextInt(20));
            while (at < bytes.length) {
                int end = Math.min(bytes.length, at + 4096 * (1 + rnd.nextInt(20)));
                for (int i = at; i < end; i++) {
                    bytes[i] = (byte) (1 + rnd.nextInt(255));
                }
                at = end + 4096 * (1 + rnd.nextInt(20));
            }
            Path image = dir.resolve("gaps" + trial + ".img");
            Files.write(image, bytes);
            Path ckpt = dir.resolve("gaps" + trial + ".ckpt");
            Checkpoints.saveImage(image, ckpt, SaveOptions.defaults());
            Path back = dir.resolve("gaps" + trial + "-back.img");
            Checkpoints.restoreImage(ckpt, back, RestoreOptions.defaults());
            assertArrayEquals(bytes, Files.readAllBytes(back), "trial " + trial);
        }
    }

    @Test
    void shouldRestoreAnIncrementalChainIntoAnImage() throws Exception {
        Path base = dir.resolve("base.ckpt");
        Path inc = dir.resolve("inc.ckpt");
        byte[] expected;
        try (GuestMemory m = GuestMemory.allocate(16L << 20, 1 << 20)) {
            ArenaFiller.fill(m, ArenaFiller.Profile.MIXED, SEED);
            Checkpoints.save(m, base);
            java.util.SplittableRandom rnd = new java.util.SplittableRandom(SEED);
            for (long b = 0; b < m.size() / (64 << 10); b++) {
                if (rnd.nextInt(5) == 0) {
                    m.putLong(b * (64 << 10) + 8L * rnd.nextInt(8192), rnd.nextLong());
                }
            }
            m.fill(2L << 20, 1 << 20, (byte) 0);     // blocks stored in the parent, zero now
            m.fill(8L << 20, 64 << 10, (byte) 7);    // a block that was perhaps zero in the parent
            Checkpoints.save(m, inc, SaveOptions.defaults().withParent(base));
            expected = contents(m, m.size());
        }
        Path back = dir.resolve("back.img");
        Checkpoints.restoreImage(inc, back, RestoreOptions.defaults());
        assertArrayEquals(expected, Files.readAllBytes(back));
    }

    @Test
    void shouldReportProgressOnTheCallersThreadUpToTheWholeArena() throws Exception {
        Path image = ImageFiles.write(dir.resolve("img"), 32L << 20, SEED);
        Path ckpt = dir.resolve("c.ckpt");
        Checkpoints.saveImage(image, ckpt, SaveOptions.defaults());
        Thread caller = Thread.currentThread();
        List<long[]> updates = new ArrayList<>();
        Checkpoints.restoreImage(ckpt, dir.resolve("back.img"), RestoreOptions.defaults().withProgress((done, total) -> {
            assertEquals(caller, Thread.currentThread());
            updates.add(new long[] {done, total});
        }));
        long last = -1;
        for (long[] u : updates) {
            assertTrue(u[0] >= last && u[0] <= u[1], "monotonic within the total: " + u[0] + " after " + last);
            last = u[0];
        }
        assertEquals(32L << 20, last, "the last update is the whole arena");
    }

    @Test
    void shouldLeaveThePreviousImageUntouchedWhenABlockIsCorrupt() throws Exception {
        Path image = ImageFiles.write(dir.resolve("img"), 16L << 20, SEED);
        Path ckpt = dir.resolve("c.ckpt");
        Checkpoints.saveImage(image, ckpt, SaveOptions.defaults());
        Path back = dir.resolve("back.img");
        Files.write(back, new byte[] {1, 2, 3});
        CheckpointImage damaged = CheckpointImage.read(ckpt);
        long block = 0;
        while (io.ckpt.format.IndexEntryDescriptor.encodingId(damaged.index(), block)
            == io.ckpt.format.Encoding.ZERO.id()) {
            block++;
        }
        damaged.flip(damaged.payloadAt(block) + io.ckpt.format.IndexEntryDescriptor.storedLength(damaged.index(), block) / 2,
            0x10);
        damaged.write(ckpt);
        CorruptCheckpointException e = assertThrows(CorruptCheckpointException.class,
            () -> Checkpoints.restoreImage(ckpt, back, RestoreOptions.defaults()));
        assertTrue(e.getMessage().contains("checksum") || e.getMessage().contains("LZ4"), e.getMessage());
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(back), "the previous image changed");
        try (var s = Files.list(dir)) {
            assertEquals(List.of("back.img", "c.ckpt", "img"), s.map(p -> p.getFileName().toString()).sorted().toList(),
                "a temporary file was left");
        }
    }

    @Test
    void shouldRefuseToOverwriteTheCheckpointItselfOrWriteIntoADirectory() throws Exception {
        Path image = ImageFiles.write(dir.resolve("img"), 1L << 20, SEED);
        Path ckpt = dir.resolve("c.ckpt");
        Checkpoints.saveImage(image, ckpt, SaveOptions.defaults());
        byte[] before = Files.readAllBytes(ckpt);
        assertThrows(IllegalArgumentException.class, () -> Checkpoints.restoreImage(ckpt, ckpt, RestoreOptions.defaults()));
        assertThrows(IOException.class, () -> Checkpoints.restoreImage(ckpt, dir, RestoreOptions.defaults()));
        assertThrows(java.nio.file.NoSuchFileException.class,
            () -> Checkpoints.restoreImage(ckpt, dir.resolve("no/such/dir/x.img"), RestoreOptions.defaults()));
        assertArrayEquals(before, Files.readAllBytes(ckpt));
        assertFalse(Files.exists(dir.resolve("no")));
    }

    @Test
    void shouldStreamToAPipeInOrderWithItsZerosAndLeaveItAPipe() throws Exception {
        // A ragged image with zero runs: 4 KiB pages per block, so that storage blocks hold
        // interleaved stripes of two compressors, and a stream must revisit some of them.
        long length = (24L << 20) + 777;
        Path image = ImageFiles.write(dir.resolve("img"), length, SEED);
        byte[] expected = Files.readAllBytes(image);
        for (SaveOptions o : new SaveOptions[] {SaveOptions.defaults(),
            SaveOptions.defaults().withPagesPerBlock(1).withStorageBlockSize(64 << 10)}) {
            Path ckpt = dir.resolve("c.ckpt");
            Checkpoints.saveImage(image, ckpt, o);
            Path fifo = dir.resolve("fifo");
            Files.deleteIfExists(fifo);
            assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is not available");
            CompletableFuture<byte[]> read = drain(fifo);
            RestoreStats s = Checkpoints.restoreImage(ckpt, fifo, RestoreOptions.defaults());
            assertArrayEquals(expected, read.get(60, TimeUnit.SECONDS), o.toString());
            assertEquals(Checkpoints.inspect(ckpt).blockCount(), s.zeroBlocks() + s.rawBlocks() + s.lz4Blocks());
            assertFalse(Files.isRegularFile(fifo), "the FIFO was replaced by a file");
            assertTrue(Files.exists(fifo));
        }
    }

    @Test
    void shouldWriteThroughASymbolicLinkAndKeepIt() throws Exception {
        Path image = ImageFiles.write(dir.resolve("img"), (4L << 20) + 5, SEED);
        Path ckpt = dir.resolve("c.ckpt");
        Checkpoints.saveImage(image, ckpt, SaveOptions.defaults());
        Files.createDirectory(dir.resolve("real"));
        Path link = Files.createSymbolicLink(dir.resolve("link.img"), Path.of("real", "back.img"));
        for (int round = 0; round < 2; round++) {   // the first time the link dangles; then it names a file
            Checkpoints.restoreImage(ckpt, link, RestoreOptions.defaults());
            assertTrue(Files.isSymbolicLink(link), "round " + round + ": the link was replaced");
            assertArrayEquals(Files.readAllBytes(image), Files.readAllBytes(dir.resolve("real/back.img")), "round " + round);
        }
    }

    @Test
    void shouldStreamAnIncrementalChain() throws Exception {
        Path base = dir.resolve("base.ckpt");
        Path inc = dir.resolve("inc.ckpt");
        byte[] expected;
        try (GuestMemory m = GuestMemory.allocate(8L << 20, 1 << 20)) {
            ArenaFiller.fill(m, ArenaFiller.Profile.MIXED, SEED);
            Checkpoints.save(m, base);
            m.fill(1L << 20, 1 << 20, (byte) 0);
            m.fill(5L << 20, 64 << 10, (byte) 9);
            Checkpoints.save(m, inc, SaveOptions.defaults().withParent(base));
            expected = contents(m, m.size());
        }
        Path fifo = dir.resolve("fifo");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is not available");
        CompletableFuture<byte[]> read = drain(fifo);
        Checkpoints.restoreImage(inc, fifo, RestoreOptions.defaults());
        assertArrayEquals(expected, read.get(60, TimeUnit.SECONDS));
    }

    /** @return everything a reader of {@code fifo} gets, read on another thread (opening a FIFO blocks until both ends are open). */
    private static CompletableFuture<byte[]> drain(Path fifo) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readAllBytes(fifo);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** @return the bytes the filesystem allocated for {@code file} ({@code stat -c %b * %B}), or -1 if unknown. */
    static long allocatedBytes(Path file) throws IOException, InterruptedException {
        try {
            Process p = new ProcessBuilder("stat", "-c", "%b %B", file.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            if (p.waitFor() != 0) {
                return -1;
            }
            String[] f = out.split(" ");
            return Long.parseLong(f[0]) * Long.parseLong(f[1]);
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }
}
