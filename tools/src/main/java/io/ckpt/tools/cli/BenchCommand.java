package io.ckpt.tools.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.ckpt.memory.GuestMemory;
import io.ckpt.tools.bench.Bench;
import io.ckpt.tools.bench.CliBench;
import io.ckpt.tools.bench.Json;
import io.ckpt.tools.bench.CommandLineBaseline;
import io.ckpt.workload.ArenaFiller.Profile;

/**
 * {@code ckpt bench}: the options of {@link Bench}, which measures ckpt's save and eager
 * restore against the baselines on one arena in interleaved rounds.
 *
 * <p>Thread-safety: one invocation per instance.
 */
final class BenchCommand implements Command {
    @Override
    public CommandSpec spec() {
        return CommandSpec.of("bench", "Benchmark ckpt save and eager restore against baselines on one arena: the "
                + "lz4-java frame stream, raw FileChannel I/O, one write per 4 KiB page, and the lz4 -1 command line when "
                + "installed.")
            .description("Rounds are interleaved (every implementation once per round, order rotated); medians are "
                + "reported. Every save is fsynced; restores read from the page cache; every restore is checked byte for "
                + "byte.")
            .option("--image", "FILE", "Use this raw memory image (core dump, VM RAM dump) as the arena instead of "
                + "generating one.")
            .option("--size", "SIZE", "Generated arena size, e.g. 256m, 1g (default 1g).")
            .option("--profile", "NAME", "Generated content: mixed, zero-heavy, heap, text, random, zero (default mixed).")
            .option("--seed", "N", "Seed of the generated arena (default 42).")
            .option("--rounds", "N", "Rounds; each runs every implementation once (default 5).")
            .flag("--json", "Print one JSON object instead of the table.")
            .option("--out", "FILE", "Also write the JSON report to FILE.")
            .option("--dir", "DIR", "Where to write the files (default: the temporary directory). Needs about 2.5x the "
                + "arena free.")
            .option("--naive", "WHEN", "Run the one-write-per-page baseline in all rounds, only the first, or off "
                + "(default all).")
            .flag("--no-lz4-cli", "Skip the lz4 command line even if it is installed.")
            .flag("--no-warmup", "Skip the untimed warm-up (every implementation once on an 8 MiB arena).")
            .flag("--no-lazy", "Skip the lazy restore, lazy checkpoint and incremental measurements (reported as null).")
            .option("--compressors", "N", "ckpt compressor threads (default: the engine's).")
            .option("--write-mode", "MODE", "ckpt write mode: channel or mapped (default: the engine's, channel).")
            .option("--also-level", "N", "Also run ckpt at this LZ4 level in every round, reported as ckpt_level<N> "
                + "(default 2: smaller files for more compression CPU; 0: do not).")
            .option("--also-codec", "CODEC", "Also run ckpt with zstd in every round: ckpt_zstd (no dictionary) and "
                + "ckpt_zstd_dict (a dictionary trained at save time), and the zstd -1 command line beside lz4 -1 when "
                + "installed. Only zstd is accepted (default: none).")
            .option("--zstd-level", "N", "zstd level of the ckpt_zstd variants, in [-7, -1] or [1, 22] (default: the "
                + "engine's, " + io.ckpt.codec.Zstd.DEFAULT_LEVEL + ").")
            .flag("--no-zstd-cli", "With --also-codec zstd: skip the zstd command line even if it is installed.")
            .option("--restore-threads", "N", "ckpt restore threads (default: the engine's).")
            .option("--pages-per-block", "N", "ckpt pages per block (default: the engine's).")
            .option("--storage-block", "SIZE", "ckpt storage block size, e.g. 1m (default: the engine's).")
            .flag("--overwrite", "With --cli: saves write over the previous round's files (ckpt replaces its checkpoint "
                + "once the new one is committed, lz4 -f truncates first) instead of new files (default: every command "
                + "writes a new file, the previous one deleted untimed).")
            .flag("--cli", "Time whole commands as processes instead, as a user meets them: 'ckpt save --from-raw' "
                + "against 'lz4 -1', 'ckpt restore --to-raw' against 'lz4 -d', 'ckpt --help' and 'ckpt inspect', on the "
                + "--image (or a generated --size/--profile image), in interleaved rounds; every restored image is "
                + "compared with the original. Takes --image, --size, --profile, --seed, --rounds, --json, --out, --dir, "
                + "--overwrite, --no-lz4-cli, and --also-codec zstd (adds 'ckpt save --codec zstd' and its restore, and zstd -1 / "
                + "zstd -d) with --no-zstd-cli.")
            .examples(
                "  ckpt bench --size 1g --rounds 5",
                "  ckpt bench --image /var/tmp/core.img --json --out report.json",
                "  ckpt bench --cli --image /var/tmp/core.img --rounds 5");
    }

    @Override
    public int run(Args a, Io io) throws Exception {
        if (a.flag("--cli")) {
            return cli(a, io);
        }
        if (a.flag("--overwrite")) {
            throw new UsageException(a.spec(), "option '--overwrite' applies to --cli only (the in-process bench "
                + "writes every save to a new file)");
        }
        Bench b = new Bench();
        b.image = a.path("--image");
        b.size = a.get("--size");
        b.profile = a.get("--profile");
        b.seed = a.longValue("--seed", b.seed, Long.MIN_VALUE, Long.MAX_VALUE);
        b.rounds = a.intValue("--rounds", b.rounds, Integer.MIN_VALUE, Integer.MAX_VALUE);
        b.json = a.flag("--json");
        b.out = a.path("--out");
        b.dir = a.path("--dir");
        b.naive = a.get("--naive", b.naive);
        b.noLz4Cli = a.flag("--no-lz4-cli");
        b.noWarmup = a.flag("--no-warmup");
        b.noFeatures = a.flag("--no-lazy");
        b.compressors = a.has("--compressors") ? a.intValue("--compressors", 0, Integer.MIN_VALUE, Integer.MAX_VALUE) : null;
        b.writeMode = a.get("--write-mode");
        b.alsoLevel = a.intValue("--also-level", b.alsoLevel, Integer.MIN_VALUE, Integer.MAX_VALUE);
        b.restoreThreads = a.has("--restore-threads")
            ? a.intValue("--restore-threads", 0, Integer.MIN_VALUE, Integer.MAX_VALUE) : null;
        b.pagesPerBlock = a.has("--pages-per-block")
            ? a.intValue("--pages-per-block", 0, Integer.MIN_VALUE, Integer.MAX_VALUE) : null;
        b.storageBlock = a.get("--storage-block");
        b.alsoCodec = a.get("--also-codec");
        b.zstdLevel = a.has("--zstd-level") ? a.intValue("--zstd-level", 0, Integer.MIN_VALUE, Integer.MAX_VALUE) : null;
        b.noZstdCli = a.flag("--no-zstd-cli");
        return b.call(io.out(), io.err());
    }

    /** {@code --cli}: whole processes against the lz4 command line. */
    private static int cli(Args a, Io io) throws Exception {
        for (String other : new String[] {"--naive", "--no-warmup", "--no-lazy", "--compressors", "--write-mode",
            "--also-level", "--restore-threads", "--pages-per-block", "--storage-block", "--zstd-level"}) {
            if (a.has(other)) {
                throw new UsageException(a.spec(), "option '" + other + "' does not apply to --cli (the commands run "
                    + "with their defaults)");
            }
        }
        Path image = a.path("--image");
        if (image != null && (a.has("--size") || a.has("--profile"))) {
            throw new UsageException(a.spec(), "--image replaces --size and --profile: give one or the other");
        }
        if (image != null && !Files.isRegularFile(image)) {
            throw a.invalid("--image", image + " is not a readable file");
        }
        long size = a.has("--size") ? Options.size(a, "--size") : 1L << 30;
        if (size <= 0 || size % GuestMemory.PAGE_SIZE != 0) {
            throw a.invalid("--size", size + " bytes is not a positive multiple of 4096");
        }
        Profile profile;
        try {
            profile = Profile.parse(a.get("--profile", "mixed"));
        } catch (IllegalArgumentException e) {
            throw a.invalid("--profile", e.getMessage());
        }
        int rounds = a.intValue("--rounds", 5, 1, 1000);
        Path dir = a.path("--dir");
        Path base = dir != null ? dir : Path.of(System.getProperty("java.io.tmpdir"));
        if (!Files.isDirectory(base)) {
            throw a.invalid("--dir", base + " is not a directory");
        }
        Path out = a.path("--out");
        String lz4 = null;
        if (!a.flag("--no-lz4-cli")) {
            CommandLineBaseline found = CommandLineBaseline.detect();
            lz4 = found == null ? null : found.executable();
        }
        boolean zstd;
        try {
            zstd = Bench.alsoZstd(a.get("--also-codec"));
        } catch (IllegalArgumentException e) {
            throw a.invalid("--also-codec", e.getMessage());
        }
        String zstdCli = null;
        if (zstd && !a.flag("--no-zstd-cli")) {
            CommandLineBaseline found = CommandLineBaseline.detect(CommandLineBaseline.Tool.ZSTD);
            zstdCli = found == null ? null : found.executable();
            if (found == null) {
                io.err().println("ckpt bench --cli: note: no zstd on PATH: the zstd -1 command line is skipped");
            }
        }
        CliBench bench = new CliBench(CliBench.thisCkpt(), lz4, zstd, zstdCli, a.flag("--overwrite"));
        Map<String, Object> report = bench.run(image, size, profile, a.longValue("--seed", 42, Long.MIN_VALUE,
            Long.MAX_VALUE), rounds, base, io.err());
        String json = Json.write(report);
        if (out != null) {
            Files.writeString(out, json);
        }
        if (a.flag("--json")) {
            io.out().print(json);
        } else {
            CliBench.print(report, io.out());
        }
        return Exit.OK;
    }
}
