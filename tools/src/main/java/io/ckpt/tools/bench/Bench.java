package io.ckpt.tools.bench;

import io.ckpt.tools.text.Sizes;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import io.ckpt.codec.Lz4;
import io.ckpt.memory.GuestMemory;
import io.ckpt.restore.RestoreOptions;
import io.ckpt.restore.RestoreStats;
import io.ckpt.save.SaveOptions;
import io.ckpt.save.SaveStats;
import io.ckpt.workload.ArenaFiller.Profile;

/**
 * {@code ckpt bench}: ckpt's save and eager restore against the baselines on one arena,
 * interleaved over rounds (in each round every implementation saves and restores once, in an
 * order rotated per round), reported as medians and as the speedup of ckpt over each.
 *
 * <p>Every restore goes into an arena first poisoned with a non-zero pattern and is then
 * compared byte for byte with the source, in every round, so a fast but wrong result cannot be
 * reported. Every save is forced to disk. Restores read from the page cache: the page cache is
 * not dropped (that needs root and disturbs others on a shared machine).
 *
 * <p>Exit codes: 0 done, 1 bad input (or a failure, with its message). Thread-safety: one
 * {@link #call} at a time.
 */
public final class Bench {
    /** Report format version, bumped when keys change meaning. */
    public static final int REPORT_VERSION = 1;
    private static final long WARMUP_BYTES = 8L << 20;

    // The settings: set by the caller (the command line) before call().
    /** A raw memory image to use as the arena instead of a generated one; null: generate. */
    public Path image;
    /** Generated arena size, e.g. 256m (default 1g). */
    public String size;
    /** Generated content: mixed, zero-heavy, heap, text, random, zero (default mixed). */
    public String profile;
    /** Seed of the generated arena. */
    public long seed = 42;
    /** Rounds; each runs every implementation once. */
    public int rounds = 5;
    /** Print the JSON report instead of the table. */
    public boolean json;
    /** Also write the JSON report to this file; null: not. */
    public Path out;
    /** Where to write the files; null: the temporary directory. */
    public Path dir;
    /** Run the one-write-per-page baseline in all rounds, only the first, or off. */
    public String naive = "all";
    /** Skip the lz4 command line even if it is installed. */
    public boolean noLz4Cli;
    /** Skip the untimed warm-up. */
    public boolean noWarmup;
    /** Skip the lazy restore, lazy checkpoint and incremental measurements. */
    public boolean noFeatures;
    /** ckpt compressor threads; null: the engine's default. */
    public Integer compressors;
    /** ckpt write mode, channel or mapped; null: the engine's default. */
    public String writeMode;
    /** Also run ckpt at this LZ4 level in every round (0: do not). */
    public int alsoLevel = 2;
    /** ckpt restore threads; null: the engine's default. */
    public Integer restoreThreads;
    /** ckpt pages per block; null: the engine's default. */
    public Integer pagesPerBlock;
    /** ckpt storage block size, e.g. 1m; null: the engine's default. */
    public String storageBlock;
    /**
     * Other codecs to run ckpt with in every round, comma-separated; only {@code zstd} (it adds
     * {@code ckpt_zstd}, without a dictionary, {@code ckpt_zstd_dict}, with the default trained
     * one, and the {@code zstd -1} command line); null: none.
     */
    public String alsoCodec;
    /** zstd level of the {@code ckpt_zstd*} variants; null: the engine's default. */
    public Integer zstdLevel;
    /** Skip the zstd command line even if it is installed. */
    public boolean noZstdCli;

    /**
     * Runs the bench with the settings in the public fields (set them first; unset ones take
     * the defaults documented on each), printing the table (or the JSON report with
     * {@link #json}) to {@code stdout} and progress and errors to {@code err}.
     *
     * @return 0 done, 1 bad input (with its message on {@code err}).
     */
    public int call(PrintWriter stdout, PrintWriter err) throws IOException {
        Plan plan;
        try {
            plan = plan();
        } catch (IllegalArgumentException e) {
            err.println("ckpt bench: " + e.getMessage());
            err.flush();
            return 1;
        }
        Map<String, Object> report;
        try {
            report = run(plan, err);
        } catch (BadInput e) {
            err.println("ckpt bench: " + e.getMessage());
            err.flush();
            return 1;
        }
        String text = Json.write(report);
        if (out != null) {
            Files.writeString(out, text);
        }
        if (json) {
            stdout.print(text);
        } else {
            BenchTable.print(report, stdout);
        }
        stdout.flush();
        return 0;
    }

    /** What to run, checked. */
    private record Plan(Path image, long size, Profile profile, int rounds, String naive, SaveOptions save,
                        RestoreOptions restore, Path baseDir, int alsoLevel, boolean zstd, int zstdLevel) {
    }

    /** An input the run found unusable (too large for the JVM or the disk). */
    private static final class BadInput extends RuntimeException {
        BadInput(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private Plan plan() {
        if (image != null && (size != null || profile != null)) {
            throw new IllegalArgumentException("--image replaces --size and --profile: give one or the other");
        }
        if (image != null && !Files.isRegularFile(image)) {
            throw new IllegalArgumentException("--image=" + image + " is not a readable file");
        }
        long bytes = Sizes.parse(size == null ? "1g" : size);
        if (image == null && (bytes < GuestMemory.PAGE_SIZE || bytes % GuestMemory.PAGE_SIZE != 0)) {
            throw new IllegalArgumentException("--size=" + size + " must be a positive multiple of 4096 bytes");
        }
        Profile p = Profile.parse(profile == null ? "mixed" : profile);
        if (rounds < 1 || rounds > 1000) {
            throw new IllegalArgumentException("--rounds=" + rounds + " must be in [1, 1000]");
        }
        String n = naive.toLowerCase(Locale.ROOT);
        if (!n.equals("all") && !n.equals("first") && !n.equals("off")) {
            throw new IllegalArgumentException("--naive=" + naive + " must be all, first or off");
        }
        SaveOptions so = SaveOptions.defaults();
        if (compressors != null) {
            so = so.withCompressors(compressors);
        }
        if (pagesPerBlock != null) {
            so = so.withPagesPerBlock(pagesPerBlock);
        }
        if (writeMode != null) {
            so = so.withWriteMode(io.ckpt.save.WriteMode.parse(writeMode));
        }
        if (storageBlock != null) {
            long sb = Sizes.parse(storageBlock);
            if (sb > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("--storage-block=" + storageBlock + " is too large");
            }
            so = so.withStorageBlockSize((int) sb);
        }
        RestoreOptions ro = RestoreOptions.defaults();
        if (restoreThreads != null) {
            ro = ro.withThreads(restoreThreads);
        }
        if (out != null && out.toAbsolutePath().getParent() != null && !Files.isDirectory(out.toAbsolutePath().getParent())) {
            throw new IllegalArgumentException("--out=" + out + ": its directory does not exist");
        }
        Path base = dir != null ? dir : Path.of(System.getProperty("java.io.tmpdir"));
        if (!Files.isDirectory(base)) {
            throw new IllegalArgumentException("--dir=" + base + " is not a directory");
        }
        if (alsoLevel != 0 && (alsoLevel < 2 || alsoLevel > io.ckpt.codec.Lz4.MAX_LEVEL)) {
            throw new IllegalArgumentException("--also-level=" + alsoLevel + " must be 0 (off) or in [2, "
                + io.ckpt.codec.Lz4.MAX_LEVEL + "]");
        }
        boolean zstd = alsoZstd(alsoCodec);
        int level = zstdLevel != null ? zstdLevel : io.ckpt.codec.Zstd.DEFAULT_LEVEL;
        try {
            io.ckpt.codec.Zstd.checkLevel(level);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--zstd-level=" + level + ": " + e.getMessage());
        }
        if (zstdLevel != null && !zstd) {
            throw new IllegalArgumentException("--zstd-level needs --also-codec zstd");
        }
        return new Plan(image, bytes, p, rounds, n, so, ro, base, alsoLevel, zstd, level);
    }

    /**
     * Parses {@code --also-codec}: a comma-separated list in which only {@code zstd} is accepted.
     *
     * @param alsoCodec the option's value, or null when it is absent
     * @return true if it asks for zstd
     * @throws IllegalArgumentException naming the first value that is not zstd
     */
    public static boolean alsoZstd(String alsoCodec) {
        if (alsoCodec == null) {
            return false;
        }
        for (String c : alsoCodec.split(",")) {
            if (!c.strip().equalsIgnoreCase("zstd")) {
                throw new IllegalArgumentException("--also-codec=" + c.strip() + " is not zstd (lz4 is what ckpt runs "
                    + "anyway, none is the raw baseline)");
            }
        }
        return true;
    }

    private Map<String, Object> run(Plan plan, PrintWriter err) throws IOException {
        Path work = Files.createTempDirectory(plan.baseDir(), "ckpt-bench-");
        List<ArenaStore> stores = new ArrayList<>();
        GuestMemory source = null;
        GuestMemory target = null;
        try {
            long t0 = System.nanoTime();
            try {
                source = plan.image() != null ? Arenas.load(plan.image()) : Arenas.generate(plan.size(), plan.profile(), seed);
                target = GuestMemory.allocate(source.size());
            } catch (IllegalStateException e) {
                throw new BadInput(e.getMessage(), e);
            }
            long arena = source.size();
            err.printf(Locale.ROOT, "ckpt bench: %s arena (%s) ready in %.1f s; files in %s%n", Sizes.compact(arena),
                plan.image() != null ? plan.image().toString() : plan.profile().name().toLowerCase(Locale.ROOT)
                    + ", seed " + seed, (System.nanoTime() - t0) / 1e9, work);
            err.flush();
            FileStore store = Files.getFileStore(work);
            long need = arena * 5 / 2 + (64L << 20);
            if (store.getUsableSpace() < need) {
                throw new BadInput("--dir " + work.getParent() + " has " + Sizes.compact(store.getUsableSpace())
                    + " free; the bench needs about " + Sizes.compact(need), null);
            }

            CkptStore ckpt = new CkptStore(plan.save(), plan.restore());
            stores.add(ckpt);
            if (plan.alsoLevel() != 0) {
                stores.add(new CkptStore("ckpt_level" + plan.alsoLevel(), plan.save().withLz4Level(plan.alsoLevel()),
                    plan.restore()));
            }
            CommandLineBaseline zstdCli = null;
            if (plan.zstd()) {
                SaveOptions z = plan.save().withCodec(io.ckpt.format.Codec.ZSTD).withZstdLevel(plan.zstdLevel());
                stores.add(new CkptStore("ckpt_zstd", z.withDictionarySize(0), plan.restore()));
                stores.add(new CkptStore("ckpt_zstd_dict", z, plan.restore()));
                zstdCli = noZstdCli ? null : CommandLineBaseline.detect(CommandLineBaseline.Tool.ZSTD);
                if (zstdCli == null) {
                    err.println("ckpt bench: note: " + (noZstdCli ? "--no-zstd-cli given" : "no zstd on PATH")
                        + ": the zstd -1 command line is skipped (save.zstd_cli is null)");
                }
            }
            stores.add(new Lz4StreamBaseline());
            stores.add(new RawBaseline());
            if (!plan.naive().equals("off")) {
                stores.add(new NaiveBaseline());
            }
            CommandLineBaseline cli = noLz4Cli ? null : CommandLineBaseline.detect();
            if (cli != null) {
                stores.add(cli);
            }
            if (zstdCli != null) {
                stores.add(zstdCli);
            }

            if (!noWarmup) {
                warmUp(stores, work);
            }
            Map<String, Samples> saves = new LinkedHashMap<>();
            Map<String, Samples> restores = new LinkedHashMap<>();
            for (ArenaStore s : stores) {
                saves.put(s.name(), new Samples());
                restores.put(s.name(), new Samples());
            }
            List<Object> orders = new ArrayList<>();
            for (int r = 0; r < plan.rounds(); r++) {
                List<ArenaStore> order = new ArrayList<>(stores);
                Collections.rotate(order, -(r % order.size()));
                List<Object> ran = new ArrayList<>();
                for (ArenaStore s : order) {
                    if (s instanceof NaiveBaseline && plan.naive().equals("first") && r > 0) {
                        continue;
                    }
                    Path file = work.resolve(s.name() + ".out");
                    saves.get(s.name()).add(s.save(source, file));
                    Arenas.poison(target);
                    restores.get(s.name()).add(s.restore(file, target));
                    long bad = Arenas.firstMismatch(source, target);
                    if (bad >= 0) {
                        throw new IllegalStateException(s.name() + " restored a different arena in round " + (r + 1)
                            + ": first difference at address 0x" + Long.toHexString(bad));
                    }
                    Files.deleteIfExists(file);
                    ran.add(s.name());
                }
                orders.add(ran);
                err.printf(Locale.ROOT, "ckpt bench: round %d/%d done (ckpt save %.3f s, restore %.3f s; all verified)%n",
                    r + 1, plan.rounds(), last(saves.get("ckpt")), last(restores.get("ckpt")));
                err.flush();
            }
            Map<String, Object> errors = new LinkedHashMap<>();
            Map<String, Object> lazy = measureLazyRestore(plan, source, target, work, errors, err);
            Map<String, Object> lazySave = measureLazySave(plan, source, target, work, errors, err);
            Map<String, Object> incremental = measureIncremental(plan, source, target, work, errors, err);
            Map<String, Object> report = report(plan, arena, work, stores, ckpt, cli, zstdCli, saves, restores, orders,
                lazy, lazySave, incremental);
            report.put("errors", errors);
            return report;
        } finally {
            for (ArenaStore s : stores) {
                s.close();
            }
            if (target != null) {
                target.close();
            }
            if (source != null) {
                source.close();
            }
            deleteTree(work);
        }
    }

    /**
     * Runs every store once on a small arena, untimed, so that class loading, library set-up
     * and the first JIT compilations do not land in round 1 of one implementation only.
     */
    private static void warmUp(List<ArenaStore> stores, Path work) throws IOException {
        try (GuestMemory small = Arenas.generate(WARMUP_BYTES, Profile.MIXED, 1);
             GuestMemory back = GuestMemory.allocate(WARMUP_BYTES)) {
            for (ArenaStore s : stores) {
                Path file = work.resolve("warmup-" + s.name() + ".out");
                s.save(small, file);
                s.restore(file, back);
                Files.deleteIfExists(file);
                s.close();  // drops the lz4 CLI's raw copy of the small arena
            }
        }
    }

    /**
     * The {@code lazy} section (see {@link FeatureBench#lazyRestore}); null when switched off
     * or failed (the error is reported).
     */
    private Map<String, Object> measureLazyRestore(Plan plan, GuestMemory source, GuestMemory target, Path work,
                                                   Map<String, Object> errors, PrintWriter err) {
        return feature("lazy", errors, err, () -> FeatureBench.lazyRestore(source, target, plan.save(), work));
    }

    /** The {@code lazy_save} section (see {@link FeatureBench#lazySave}). */
    private Map<String, Object> measureLazySave(Plan plan, GuestMemory source, GuestMemory target, Path work,
                                                Map<String, Object> errors, PrintWriter err) {
        return feature("lazy_save", errors, err, () -> FeatureBench.lazySave(source, target, plan.save(), work));
    }

    /** The {@code incremental} section (see {@link FeatureBench#incremental}); overwrites {@code source}, so it runs last. */
    private Map<String, Object> measureIncremental(Plan plan, GuestMemory source, GuestMemory target, Path work,
                                                   Map<String, Object> errors, PrintWriter err) {
        return feature("incremental", errors, err, () -> FeatureBench.incremental(source, target, plan.save(), work));
    }

    /** One measurement that may fail without losing the rest of the report. */
    private interface Measurement {
        Map<String, Object> run() throws Exception;
    }

    private Map<String, Object> feature(String name, Map<String, Object> errors, PrintWriter err, Measurement m) {
        if (noFeatures) {
            return null;
        }
        long t0 = System.nanoTime();
        try {
            Map<String, Object> r = m.run();
            err.printf(Locale.ROOT, "ckpt bench: %s measured and verified in %.1f s%n", name, (System.nanoTime() - t0) / 1e9);
            return r;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            errors.put(name, e.toString());
            err.println("ckpt bench: " + name + " FAILED, reported as null: " + e);
            return null;
        } finally {
            err.flush();
        }
    }

    private Map<String, Object> report(Plan plan, long arena, Path work, List<ArenaStore> stores, CkptStore ckpt,
                                       CommandLineBaseline cli, CommandLineBaseline zstdCli,
                                       Map<String, Samples> saves, Map<String, Samples> restores,
                                       List<Object> orders, Map<String, Object> lazy, Map<String, Object> lazySave,
                                       Map<String, Object> incremental) throws IOException {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("report_version", REPORT_VERSION);
        r.put("arena_bytes", arena);
        r.put("rounds", plan.rounds());
        r.put("profile", plan.image() != null ? null : plan.profile().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        r.put("seed", plan.image() != null ? null : seed);
        r.put("image", plan.image() != null ? plan.image().toAbsolutePath().toString() : null);
        r.put("label", plan.image() != null ? plan.image().getFileName().toString()
            : plan.profile().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        r.put("machine", machine(work, cli, zstdCli));
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("ckpt_save_options", plan.save().toString());
        config.put("ckpt_restore_threads", plan.restore().threads());
        config.put("ckpt_verify_checksums", plan.restore().verifyChecksums());
        config.put("naive_rounds", plan.naive());
        config.put("also_level", plan.alsoLevel() == 0 ? null : plan.alsoLevel());
        config.put("also_codec", plan.zstd() ? "zstd" : null);
        config.put("zstd_level", plan.zstd() ? plan.zstdLevel() : null);
        config.put("lazy_incremental", noFeatures ? "off" : "one run each after the rounds");
        config.put("warmup", noWarmup ? "none" : "every implementation once on an 8 MiB mixed arena, untimed");
        config.put("lz4_stream", "LZ4FrameOutputStream defaults (4 MiB frame blocks), 64 KiB chunks, BufferedOutputStream");
        config.put("raw_chunk_bytes", RawBaseline.DEFAULT_CHUNK);
        r.put("config", config);
        r.put("notes", List.of(
            "times are medians of wall-clock seconds; gbps is arena bytes (1e9) per second at the median",
            "every save forces (fsyncs) its output before it is timed as done; ckpt also renames and syncs the directory",
            "restores read from the page cache (the cache is not dropped)",
            "every restore went into a poisoned arena and was compared byte for byte with the source",
            "ckpt_speedup = baseline median / ckpt median (above 1: ckpt is faster)",
            "rounds interleave implementations with the order rotated per round: see round_order",
            "ckpt_zstd*: dict_bytes and dict_ms (sampling and training the dictionary, part of the save's time) "
                + "are the last round's"));

        double ckptSave = saves.get("ckpt").median();
        double ckptRestore = restores.get("ckpt").median();
        Map<String, Object> save = new LinkedHashMap<>();
        Map<String, Object> restore = new LinkedHashMap<>();
        for (ArenaStore s : stores) {
            Samples sv = saves.get(s.name());
            Map<String, Object> e = entry(sv, arena, s.name().equals("ckpt") ? Double.NaN : ckptSave, s.label());
            e.put("bytes_out", sv.fileBytes());
            e.put("ratio", sv.fileBytes() > 0 ? (double) arena / sv.fileBytes() : null);
            e.put("write_calls", sv.calls() >= 0 ? sv.calls() : null);
            Samples rs = restores.get(s.name());
            Map<String, Object> f = entry(rs, arena, s.name().equals("ckpt") ? Double.NaN : ckptRestore,
                s == ckpt ? "ckpt eager (" + plan.restore().threads() + " threads)" : s.label());
            f.put("bytes_read", rs.fileBytes());
            f.put("read_calls", rs.calls() >= 0 ? rs.calls() : null);
            if (s == ckpt) {
                engineSaveFacts(e, ckpt.lastSave());
                engineRestoreFacts(f, ckpt.lastRestore());
            } else if (s instanceof CkptStore c && c.saveOptions().codec() == io.ckpt.format.Codec.ZSTD) {
                SaveStats last = c.lastSave();
                e.put("zstd_level", c.saveOptions().zstdLevel());
                e.put("dict_bytes", last.dictionaryBytes());
                e.put("dict_ms", last.dictionaryNanos() / 1e6);
            }
            save.put(s.name(), e);
            restore.put(s == ckpt ? "ckpt_eager" : s.name(), f);
        }
        if (cli == null) {
            save.put("lz4_cli", null);
            restore.put("lz4_cli", null);
        }
        if (plan.zstd() && zstdCli == null) {
            save.put("zstd_cli", null);
            restore.put("zstd_cli", null);
        }
        if (plan.naive().equals("off")) {
            save.put("naive", null);
            restore.put("naive", null);
        }
        r.put("save", save);
        r.put("restore", restore);
        r.put("lazy", lazy);
        r.put("lazy_save", lazySave);
        r.put("incremental", incremental);
        r.put("round_order", orders);
        return r;
    }

    private static Map<String, Object> entry(Samples s, long arena, double ckptMedian, String label) {
        Map<String, Object> e = new LinkedHashMap<>();
        double median = s.median();
        e.put("median_s", median);
        e.put("min_s", s.min());
        e.put("gbps", arena / median / 1e9);
        if (!Double.isNaN(ckptMedian)) {
            e.put("ckpt_speedup", median / ckptMedian);
        }
        e.put("rounds_run", s.count());
        e.put("rounds_s", s.seconds());
        e.put("label", label);
        return e;
    }

    /** Where the engine's save time went (last round), for finding bottlenecks. */
    private static void engineSaveFacts(Map<String, Object> e, SaveStats s) {
        e.put("storage_blocks", s.storageBlocks());
        e.put("zero_blocks", s.zeroBlocks());
        e.put("raw_blocks", s.rawBlocks());
        e.put("lz4_blocks", s.lz4Blocks());
        e.put("forces", s.forces());
        e.put("compressors", s.compressors());

        e.put("staging_waits", s.stagingWaits());
        e.put("compress_thread_s", s.compressNanos() / 1e9);
        e.put("io_s", s.ioNanos() / 1e9);
        e.put("commit_s", s.commitNanos() / 1e9);
        e.put("engine_total_s", s.totalNanos() / 1e9);
    }

    private static void engineRestoreFacts(Map<String, Object> f, RestoreStats s) {
        f.put("threads", s.threads());
        f.put("storage_blocks", s.storageBlocks());
        f.put("open_s", s.openNanos() / 1e9);
        f.put("decode_s", s.decodeNanos() / 1e9);
        f.put("engine_total_s", s.totalNanos() / 1e9);
    }

    private static Map<String, Object> machine(Path work, CommandLineBaseline cli, CommandLineBaseline zstdCli)
        throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("java_version", System.getProperty("java.version"));
        m.put("java_vm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        m.put("max_heap_bytes", Runtime.getRuntime().maxMemory());
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        m.put("load_average_1m", load >= 0 ? load : null);
        m.put("lz4_java", Lz4.implementation());
        m.put("lz4_cli_version", cli != null ? cli.version() : null);
        m.put("zstd_cli_version", zstdCli != null ? zstdCli.version() : null);
        m.put("work_dir", work.toAbsolutePath().toString());
        m.put("filesystem", Files.getFileStore(work).type());
        return m;
    }

    private static double last(Samples s) {
        List<Double> v = s.seconds();
        return v.isEmpty() ? Double.NaN : v.get(v.size() - 1);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
