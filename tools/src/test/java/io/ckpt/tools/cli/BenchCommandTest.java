package io.ckpt.tools.cli;

import io.ckpt.tools.bench.Json;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "bench";
        System.arraycopy(args, 0, all, 1, args.length);
        return Main.run(new PrintWriter(out), new PrintWriter(err), all);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldPrintAJsonReportWithTheRequiredKeys() throws Exception {
        Path copy = dir.resolve("report.json");
        int exit = run("--size", "8m", "--rounds", "2", "--json", "--dir", dir.toString(), "--out", copy.toString(),
            "--no-lazy");
        assertEquals(0, exit, err.toString());

        Map<String, Object> r = (Map<String, Object>) Json.parse(out.toString());
        assertEquals(8L << 20, r.get("arena_bytes"));
        assertEquals(2L, r.get("rounds"));
        assertEquals("mixed", r.get("profile"));

        Map<String, Object> save = (Map<String, Object>) r.get("save");
        Map<String, Object> ckpt = (Map<String, Object>) save.get("ckpt");
        assertPositive(ckpt.get("median_s"));
        assertPositive(ckpt.get("bytes_out"));
        assertPositive(ckpt.get("write_calls"));
        Map<String, Object> lz4 = (Map<String, Object>) save.get("lz4_stream");
        assertPositive(lz4.get("median_s"));
        assertPositive(lz4.get("bytes_out"));
        assertPositive(((Map<String, Object>) save.get("raw")).get("median_s"));
        assertPositive(((Map<String, Object>) save.get("naive")).get("write_calls"));
        assertTrue(save.containsKey("lz4_cli"));
        if (save.get("lz4_cli") != null) {
            Map<String, Object> cli = (Map<String, Object>) save.get("lz4_cli");
            assertPositive(cli.get("median_s"));
            assertPositive(cli.get("bytes_out"));
        }

        Map<String, Object> restore = (Map<String, Object>) r.get("restore");
        for (String k : new String[] {"ckpt_eager", "lz4_stream", "raw"}) {
            Map<String, Object> e = (Map<String, Object>) restore.get(k);
            assertNotNull(e, k);
            assertPositive(e.get("median_s"));
            assertEquals(2, ((List<Object>) e.get("rounds_s")).size(), k);
        }

        for (String k : new String[] {"lazy", "lazy_save", "incremental"}) {
            assertTrue(r.containsKey(k), k);
            assertNull(r.get(k), k + " is switched off by --no-lazy");
        }
        assertInstanceOf(Map.class, r.get("machine"));
        assertEquals(out.toString(), Files.readString(copy));
        try (var left = Files.list(dir)) {
            assertEquals(List.of(copy), left.toList(), "work files are deleted");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldMeasureLazyRestoreLazySaveAndIncrementalWithTheRequiredKeys() {
        int exit = run("--size", "8m", "--rounds", "1", "--json", "--dir", dir.toString(), "--naive", "off",
            "--no-lz4-cli");
        assertEquals(0, exit, err.toString());
        Map<String, Object> r = (Map<String, Object>) Json.parse(out.toString());
        Map<String, Object> errors = (Map<String, Object>) r.get("errors");

        Map<String, Object> lazy = (Map<String, Object>) r.get("lazy");
        assertNotNull(lazy, "lazy restore: " + errors);
        for (String k : new String[] {"resume_ms", "fault_p50_us", "fault_p99_us", "touch_1pct_s", "touch_all_prefetch_s"}) {
            assertPositive(lazy.get(k));
        }
        Map<String, Object> incremental = (Map<String, Object>) r.get("incremental");
        assertNotNull(incremental, "incremental: " + errors);
        assertPositive(incremental.get("dirty_1pct_speedup"));

        // The engine's lazy checkpoint has been seen to lose blocks under load (reported); the bench
        // then reports null and the error instead of a number. Either way, no invented figure.
        Map<String, Object> lazySave = (Map<String, Object>) r.get("lazy_save");
        if (lazySave == null) {
            assertNotNull(errors.get("lazy_save"), "a null section names its error");
        } else {
            assertTrue(lazySave.containsKey("write_stall_p50_us") && lazySave.containsKey("write_stall_p99_us"));
            assertPositive(lazySave.get("host_write_ratio"));
        }
    }

    @Test
    void shouldPrintATableByDefault() {
        int exit = run("--size", "4m", "--rounds", "1", "--dir", dir.toString(), "--naive", "off", "--no-lz4-cli",
            "--profile", "zero-heavy", "--no-lazy");
        assertEquals(0, exit, err.toString());
        String table = out.toString();
        assertTrue(table.contains("SAVE") && table.contains("RESTORE") && table.contains("ckpt speedup"), table);
        assertTrue(table.contains("LZ4FrameOutputStream"), table);
        assertFalse(table.contains("NaN"), table);
    }

    @Test
    void shouldRefuseBadInputWithExitCodeOne() {
        assertEquals(1, run("--size", "5000", "--dir", dir.toString()));
        assertEquals(1, run("--size", "8m", "--image", dir.resolve("x").toString()));
        assertEquals(1, run("--size", "8m", "--profile", "nonsense", "--dir", dir.toString()));
        assertEquals(1, run("--size", "8m", "--rounds", "0", "--dir", dir.toString()));
        assertEquals(1, run("--size", "8m", "--naive", "sometimes", "--dir", dir.toString()));
        assertTrue(err.toString().contains("--size=5000"), err.toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldBenchARawImage() throws Exception {
        byte[] bytes = new byte[(2 << 20) + 77];
        for (int i = 0; i < bytes.length; i += 3) {
            bytes[i] = (byte) (i / 4096);
        }
        Path image = dir.resolve("vm.ram");
        Files.write(image, bytes);
        int exit = run("--image", image.toString(), "--rounds", "1", "--json", "--dir", dir.toString(), "--no-lazy");
        assertEquals(0, exit, err.toString());
        Map<String, Object> r = (Map<String, Object>) Json.parse(out.toString());
        assertEquals((long) (2 << 20) + 4096, r.get("arena_bytes"));
        assertEquals(image.toAbsolutePath().toString(), r.get("image"));
        assertNull(r.get("profile"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldTimeWholeCommandsAsProcessesAndCheckEveryRestoredImage() throws Exception {
        byte[] bytes = new byte[(4 << 20) + 123];
        new java.util.SplittableRandom(7).nextBytes(bytes);
        java.util.Arrays.fill(bytes, 1 << 20, 3 << 20, (byte) 0);   // a zero region: the restores leave a hole
        Path image = dir.resolve("core.img");
        Files.write(image, bytes);
        Path copy = dir.resolve("cli.json");
        int exit = run("--cli", "--image", image.toString(), "--rounds", "2", "--json", "--dir", dir.toString(),
            "--out", copy.toString(), "--also-codec", "zstd");
        assertEquals(0, exit, err.toString());
        Map<String, Object> r = (Map<String, Object>) Json.parse(out.toString());
        assertEquals(Json.parse(Files.readString(copy)), r);
        assertEquals("cli", r.get("kind"));
        assertEquals("new", r.get("save_outputs"));
        assertEquals((long) bytes.length, r.get("image_bytes"));
        assertEquals(2L, r.get("rounds"));
        Map<String, Object> commands = (Map<String, Object>) r.get("commands");
        for (String what : new String[] {"save", "restore", "help", "inspect"}) {
            Map<String, Object> ckpt = (Map<String, Object>) ((Map<String, Object>) commands.get(what)).get("ckpt");
            assertPositive(ckpt.get("median_s"));
            assertEquals(2, ((List<Object>) ckpt.get("samples_s")).size(), what);
        }
        Map<String, Object> restore = (Map<String, Object>) ((Map<String, Object>) commands.get("restore")).get("ckpt");
        assertEquals((long) bytes.length, restore.get("bytes_out"));
        Map<String, Object> ratios = (Map<String, Object>) r.get("ratios");
        boolean lz4 = ((Map<String, Object>) commands.get("save")).containsKey("lz4_cli");
        assertEquals(lz4, ratios.containsKey("save"), r.toString());
        assertEquals(lz4, ratios.containsKey("restore"), r.toString());
        for (String what : new String[] {"save", "restore"}) {
            Map<String, Object> z = (Map<String, Object>) ((Map<String, Object>) commands.get(what)).get("ckpt_zstd_dict");
            assertPositive(z.get("median_s"));
            assertPositive(z.get("bytes_out"));
        }
        boolean zstd = ((Map<String, Object>) commands.get("save")).containsKey("zstd_cli");
        assertEquals(Files.isExecutable(Path.of("/usr/bin/zstd")), zstd, r.toString());
        assertEquals(zstd, ratios.containsKey("save_zstd"), r.toString());
        try (var left = Files.list(dir)) {
            assertEquals(List.of("cli.json", "core.img"), left.map(p -> p.getFileName().toString()).sorted().toList(),
                "the bench's own files are removed");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldLetSavesWriteOverThePreviousRoundsFiles() throws Exception {
        byte[] bytes = new byte[1 << 20];
        new java.util.SplittableRandom(11).nextBytes(bytes);
        Path image = dir.resolve("core.img");
        Files.write(image, bytes);
        int exit = run("--cli", "--image", image.toString(), "--rounds", "2", "--json", "--dir", dir.toString(),
            "--overwrite");
        assertEquals(0, exit, err.toString());
        Map<String, Object> r = (Map<String, Object>) Json.parse(out.toString());
        assertEquals("overwritten", r.get("save_outputs"));
        assertTrue(((String) r.get("machine_note")).contains("saves write over the previous round's files"),
            r.toString());
        Map<String, Object> save = (Map<String, Object>) ((Map<String, Object>) r.get("commands")).get("save");
        assertEquals(2, ((List<Object>) ((Map<String, Object>) save.get("ckpt")).get("samples_s")).size());
    }

    @Test
    void shouldRefuseOverwriteOutsideWholeCommands() {
        assertEquals(1, run("--size", "8m", "--overwrite", "--dir", dir.toString()));
        assertTrue(err.toString().contains("'--overwrite' applies to --cli only"), err.toString());
    }

    @Test
    void shouldRefuseOptionsThatDoNotApplyToWholeCommands() {
        assertEquals(1, run("--cli", "--size", "8m", "--compressors", "1", "--dir", dir.toString()));
        assertTrue(err.toString().contains("'--compressors' does not apply to --cli"), err.toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldRunZstdWithAndWithoutADictionaryAndTheZstdCommandLineInTheSameRounds() throws Exception {
        int exit = run("--size", "16m", "--rounds", "2", "--json", "--dir", dir.toString(), "--no-lazy", "--naive", "off",
            "--also-codec", "zstd", "--zstd-level", "3");
        assertEquals(0, exit, err.toString());
        Map<String, Object> r = (Map<String, Object>) Json.parse(out.toString());
        Map<String, Object> save = (Map<String, Object>) r.get("save");
        Map<String, Object> restore = (Map<String, Object>) r.get("restore");
        long arena = 16L << 20;
        Map<String, Object> plain = (Map<String, Object>) save.get("ckpt_zstd");
        Map<String, Object> dict = (Map<String, Object>) save.get("ckpt_zstd_dict");
        for (Map<String, Object> z : List.of(plain, dict)) {
            assertPositive(z.get("median_s"));
            assertPositive(z.get("bytes_out"));
            assertTrue(((Number) z.get("bytes_out")).longValue() < arena, z.toString());
            assertEquals(3L, z.get("zstd_level"));
            assertEquals(2L, z.get("rounds_run"));
        }
        assertEquals(0L, plain.get("dict_bytes"));
        assertPositive(dict.get("dict_bytes"));
        assertPositive(dict.get("dict_ms"));
        // zstd at level 3 beats LZ4 level 1 on the mixed profile, dictionary or not.
        long lz4 = ((Number) ((Map<String, Object>) save.get("ckpt")).get("bytes_out")).longValue();
        assertTrue(((Number) dict.get("bytes_out")).longValue() < lz4, save.toString());
        assertPositive(((Map<String, Object>) restore.get("ckpt_zstd_dict")).get("median_s"));
        assertPositive(((Map<String, Object>) restore.get("ckpt_zstd")).get("median_s"));
        assertTrue(save.containsKey("zstd_cli"));
        if (Files.isExecutable(Path.of("/usr/bin/zstd"))) {
            Map<String, Object> cli = (Map<String, Object>) save.get("zstd_cli");
            assertPositive(cli.get("median_s"));
            assertPositive(cli.get("bytes_out"));
            assertPositive(((Map<String, Object>) restore.get("zstd_cli")).get("median_s"));
            assertNotNull(((Map<String, Object>) r.get("machine")).get("zstd_cli_version"));
        } else {
            assertNull(save.get("zstd_cli"));
        }
        assertEquals("zstd", ((Map<String, Object>) r.get("config")).get("also_codec"));
    }

    @Test
    void shouldNoteTheDictionaryAndASkippedZstdCommandLineInTheTable() {
        int exit = run("--size", "8m", "--rounds", "1", "--dir", dir.toString(), "--naive", "off", "--no-lz4-cli",
            "--no-lazy", "--also-codec", "zstd", "--no-zstd-cli");
        assertEquals(0, exit, err.toString());
        String table = out.toString();
        assertTrue(table.contains("ckpt zstd " + io.ckpt.codec.Zstd.DEFAULT_LEVEL + " + dictionary"), table);
        assertTrue(table.matches("(?s).*\\(ckpt_zstd_dict: [0-9.]+ KiB dictionary trained in [0-9.]+ ms of its save, "
            + "last round\\).*"), table);
        assertFalse(table.contains("(ckpt_zstd:"), "no dictionary, no line: " + table);
        assertEquals(2, table.split("zstd_cli +not run", -1).length - 1, "save and restore rows: " + table);
        assertTrue(err.toString().contains("--no-zstd-cli given: the zstd -1 command line is skipped"), err.toString());
        assertFalse(table.contains("NaN"), table);
    }

    @Test
    void shouldRefuseAnUnknownCodecOrABadZstdLevel() {
        assertEquals(1, run("--size", "8m", "--also-codec", "brotli", "--dir", dir.toString()));
        assertTrue(err.toString().contains("--also-codec=brotli is not zstd"), err.toString());
        assertEquals(1, run("--size", "8m", "--also-codec", "zstd", "--zstd-level", "99", "--dir", dir.toString()));
        assertTrue(err.toString().contains("--zstd-level=99"), err.toString());
        assertEquals(1, run("--size", "8m", "--zstd-level", "3", "--dir", dir.toString()));
        assertTrue(err.toString().contains("--zstd-level needs --also-codec zstd"), err.toString());
        assertEquals(1, run("--cli", "--size", "8m", "--also-codec", "lz5", "--dir", dir.toString()));
        for (String line : err.toString().split("\n")) {
            assertFalse(line.startsWith("\tat "), "no stack trace: " + err);
        }
    }

    private static void assertPositive(Object v) {
        assertInstanceOf(Number.class, v);
        assertTrue(((Number) v).doubleValue() > 0, String.valueOf(v));
    }
}
