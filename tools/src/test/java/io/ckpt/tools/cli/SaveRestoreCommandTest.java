package io.ckpt.tools.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class SaveRestoreCommandTest {
    @TempDir
    Path dir;

    @Test
    void shouldRestoreARaggedImageByteForByte() throws Exception {
        Path image = Images.write(dir.resolve("image.raw"), Images.RAGGED_LENGTH, 11);
        Path ckpt = dir.resolve("image.ckpt");
        Path back = dir.resolve("back.raw");

        Cli.Result save = Cli.run("save", "--from-raw", image.toString(), ckpt.toString());
        assertEquals(0, save.code(), save::toString);
        assertTrue(save.out().contains("3,146,962 bytes"), save::toString);
        assertTrue(save.out().contains("write calls"), save::toString);
        assertTrue(save.out().contains("zero 12 ("), save::toString);

        Cli.Result restore = Cli.run("restore", ckpt.toString(), "--to-raw", back.toString());
        assertEquals(0, restore.code(), restore::toString);
        assertEquals(Images.RAGGED_LENGTH, Files.size(back));
        assertEquals(-1L, Files.mismatch(image, back), "restored image differs from the original");
        assertTrue(restore.out().contains("wrote 3,146,962 bytes"), restore::toString);
        try (var leftovers = Files.list(dir)) {
            assertEquals(3, leftovers.count(), "no temporary files left behind");
        }
    }

    @ParameterizedTest
    @CsvSource({
        "8192, 1, 12k, none, 1, 1",
        "4096, 256, 4m, lz4, 2, 1",
        "1, 16, 132k, LZ4, 3, 2",
        "1048576, 4, 1m, lz4, 2, 12",
        "1048576, 4, 1m, zstd, 2, 3",
        "300000, 1, 12k, ZSTD, 1, -1"})
    void shouldRoundTripWithEveryOption(int length, int blockPages, String storageBlock, String codec, int compressors,
                                        int level) throws Exception {
        Path image = Images.write(dir.resolve("image.raw"), length, length);
        Path ckpt = dir.resolve("image.ckpt");
        Path back = dir.resolve("back.raw");
        Cli.Result save = Cli.run("save", "--from-raw", image.toString(), ckpt.toString(), "--block-pages",
            String.valueOf(blockPages), "--storage-block", storageBlock, "--codec", codec, "--compressors",
            String.valueOf(compressors), "--level", String.valueOf(level));
        assertEquals(0, save.code(), save::toString);
        if (level != 1 && codec.equalsIgnoreCase("lz4")) {
            assertTrue(save.out().contains("codec lz4 level " + level + "."), save::toString);
        }
        Cli.Result restore = Cli.run("restore", ckpt.toString(), "--to-raw", back.toString(), "--threads", "1");
        assertEquals(0, restore.code(), restore::toString);
        assertEquals(-1L, Files.mismatch(image, back));
    }

    @Test
    void shouldSaveUnderARateLimitAndNotSooner() throws Exception {
        // 2 MiB at 8 MiB/s: the last 64 KiB block may start no earlier than about 0.24 s in.
        Path image = Images.write(dir.resolve("image.raw"), 2 << 20, 11);
        Path ckpt = dir.resolve("image.ckpt");
        Path back = dir.resolve("back.raw");
        long t0 = System.nanoTime();
        Cli.Result save = Cli.run("save", "--from-raw", image.toString(), ckpt.toString(), "--rate", "8m/s");
        long elapsed = System.nanoTime() - t0;
        assertEquals(0, save.code(), save::toString);
        assertTrue(elapsed >= ((2 << 20) - (64 << 10)) * 1_000_000_000L / (8 << 20),
            "a rate-limited save took " + elapsed / 1e6 + " ms");
        assertEquals(0, Cli.run("restore", ckpt.toString(), "--to-raw", back.toString()).code());
        assertEquals(-1L, Files.mismatch(image, back));
    }

    @Test
    void shouldReplaceAnExistingOutputFile() throws Exception {
        Path image = Images.write(dir.resolve("image.raw"), 100_000, 3);
        Path ckpt = dir.resolve("image.ckpt");
        Path back = Files.writeString(dir.resolve("back.raw"), "old content that is longer than nothing");
        assertEquals(0, Cli.run("save", "--from-raw", image.toString(), ckpt.toString()).code());
        assertEquals(0, Cli.run("restore", ckpt.toString(), "--to-raw", back.toString()).code());
        assertEquals(-1L, Files.mismatch(image, back));
    }

    @Test
    void shouldSaveZstdWithATrainedDictionaryAndRejectBadZstdOptions() throws Exception {
        Path image = Images.write(dir.resolve("image.raw"), 4 << 20, 7);
        Path ckpt = dir.resolve("image.ckpt");
        Path back = dir.resolve("back.raw");
        Cli.Result save = Cli.run("save", "--from-raw", image.toString(), ckpt.toString(), "--codec", "zstd",
            "--level", "2", "--block-pages", "4", "--dict-size", "16k", "--dict-sample", "1m");
        assertEquals(0, save.code(), save::toString);
        assertTrue(save.out().contains("codec zstd level 2, "), save::toString);
        assertTrue(save.out().contains("-byte dictionary trained in "), save::toString);
        Cli.Result restore = Cli.run("restore", ckpt.toString(), "--to-raw", back.toString());
        assertEquals(0, restore.code(), restore::toString);
        assertEquals(-1L, Files.mismatch(image, back), "restored image differs from the original");
        Cli.Result verify = Cli.run("verify", ckpt.toString());
        assertEquals(0, verify.code(), verify::toString);
        Cli.Result inspect = Cli.run("inspect", ckpt.toString());
        assertEquals(0, inspect.code(), inspect::toString);
        assertTrue(inspect.out().contains("dictionary"), inspect::toString);
        assertTrue(inspect.out().contains("1.1"), inspect::toString);

        String[][] bad = {{"--level", "0"}, {"--level", "23"}, {"--dict-size", "100"}, {"--dict-size", "2m"},
            {"--dict-sample", "1k"}, {"--dict-sample", "1g"}};
        Path other = dir.resolve("other.ckpt");
        for (String[] option : bad) {
            Cli.Result r = Cli.run("save", "--from-raw", image.toString(), other.toString(), "--codec", "zstd",
                option[0], option[1]);
            assertEquals(1, r.code(), r::toString);
            assertTrue(r.err().startsWith("ckpt: error: ") && r.err().contains(option[0]), r::toString);
            assertEquals(1, r.err().lines().count(), r::toString);
            assertFalse(Files.exists(other), "nothing written for " + option[0]);
        }
    }

    @Test
    void shouldRejectBadOptionValuesWithExitOneAndNameTheOption() throws Exception {
        Path image = Images.write(dir.resolve("image.raw"), 100_000, 3);
        Path ckpt = dir.resolve("image.ckpt");
        String[][] bad = {
            {"--block-pages", "3"},
            {"--block-pages", "x"},
            {"--storage-block", "12q"},
            {"--storage-block", "5000"},
            {"--codec", "brotli"},
            {"--dict-size", "64k"},
            {"--compressors", "0"},
            {"--level", "0"},
            {"--level", "13"},
            {"--rate", "0"},
            {"--rate", "fast"},
            {"--created", "yesterday"},
            {"--uuid", "not-a-uuid"}};
        for (String[] option : bad) {
            Cli.Result r = Cli.run("save", "--from-raw", image.toString(), ckpt.toString(), option[0], option[1]);
            assertEquals(1, r.code(), r::toString);
            assertTrue(r.err().startsWith("ckpt: error: "), r::toString);
            assertTrue(r.err().contains(option[0]), r::toString);
            assertEquals(1, r.err().lines().count(), r::toString);
            assertFalse(Files.exists(ckpt), "nothing written for " + option[0]);
        }
    }

    @Test
    void shouldRejectAStorageBlockTooSmallForTheBlockSize() throws Exception {
        Path image = Images.write(dir.resolve("image.raw"), 100_000, 3);
        Cli.Result r = Cli.run("save", "--from-raw", image.toString(), dir.resolve("x.ckpt").toString(),
            "--block-pages", "256", "--storage-block", "1m");
        assertEquals(1, r.code(), r::toString);
        assertTrue(r.err().contains("storageBlockSize=1048576"), r::toString);
    }

    @Test
    void shouldFailWithExitOneOnAMissingOrEmptyImage() throws Exception {
        Cli.Result missing = Cli.run("save", "--from-raw", dir.resolve("nope.raw").toString(), dir.resolve("x.ckpt").toString());
        assertEquals(1, missing.code(), missing::toString);
        assertEquals("ckpt: error: no such file: " + dir.resolve("nope.raw") + "\n", missing.err());

        Path empty = Files.createFile(dir.resolve("empty.raw"));
        Cli.Result r = Cli.run("save", "--from-raw", empty.toString(), dir.resolve("x.ckpt").toString());
        assertEquals(1, r.code(), r::toString);
        assertTrue(r.err().contains("raw image is empty"), r::toString);
    }

    @Test
    void shouldRequireTheRawImageAndTheOutput() {
        Cli.Result r = Cli.run("save", "x.ckpt");
        assertEquals(1, r.code(), r::toString);
        assertTrue(r.err().contains("--from-raw"), r::toString);
        Cli.Result r2 = Cli.run("restore", "x.ckpt");
        assertEquals(1, r2.code(), r2::toString);
        assertTrue(r2.err().contains("--to-raw"), r2::toString);
    }

    @Test
    void shouldFailWithExitOneWhenTheCheckpointIsMissing() {
        Cli.Result r = Cli.run("restore", dir.resolve("nope.ckpt").toString(), "--to-raw", dir.resolve("out").toString());
        assertEquals(1, r.code(), r::toString);
        assertTrue(r.err().startsWith("ckpt: error: no such file: "), r::toString);
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void shouldFailWithExitOneWhenTheOutputDirectoryIsMissing() throws Exception {
        Path image = Images.write(dir.resolve("image.raw"), 100_000, 3);
        Path ckpt = dir.resolve("image.ckpt");
        assertEquals(0, Cli.run("save", "--from-raw", image.toString(), ckpt.toString()).code());
        Path out = dir.resolve("missing").resolve("out.raw");
        Cli.Result r = Cli.run("restore", ckpt.toString(), "--to-raw", out.toString());
        assertEquals(1, r.code(), r::toString);
        assertEquals("ckpt: error: no such file: " + out.getParent() + " (directory for the output does not exist)\n",
            r.err());
        Cli.Result s = Cli.run("save", "--from-raw", image.toString(), dir.resolve("missing").resolve("x.ckpt").toString());
        assertEquals(1, s.code(), s::toString);
        assertTrue(s.err().startsWith("ckpt: error: no such file: "), s::toString);
    }

    @Test
    void shouldFailWithExitTwoAndWriteNothingWhenRestoringANonCheckpoint() throws Exception {
        Path image = Images.write(dir.resolve("image.raw"), 100_000, 3);
        Cli.Result r = Cli.run("restore", image.toString(), "--to-raw", dir.resolve("out").toString());
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.err().contains("not a ckpt checkpoint file"), r::toString);
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void shouldRestoreToAPipeEagerlyAndLazilyAndKeepItAPipe() throws Exception {
        Path image = Images.write(dir.resolve("image.raw"), Images.RAGGED_LENGTH, 5);
        Path ckpt = dir.resolve("image.ckpt");
        assertEquals(0, Cli.run("save", "--from-raw", image.toString(), ckpt.toString()).code());
        Path fifo = dir.resolve("fifo");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is not available");
        for (String[] extra : new String[][] {{}, {"--lazy"}}) {
            CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
                try {
                    return Files.readAllBytes(fifo);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            List<String> args = new ArrayList<>(List.of("restore", ckpt.toString(), "--to-raw", fifo.toString()));
            args.addAll(List.of(extra));
            Cli.Result r = Cli.run(args.toArray(String[]::new));
            assertEquals(0, r.code(), r::toString);
            assertArrayEquals(Files.readAllBytes(image), read.get(60, TimeUnit.SECONDS), r::toString);
            assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo), "the FIFO was replaced by a file");
            assertTrue(r.out().contains("wrote 3,146,962 bytes to " + fifo), r::toString);
            assertFalse(r.out().contains("holes"), r::toString);
        }
    }
}
