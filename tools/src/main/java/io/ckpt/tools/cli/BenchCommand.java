package io.ckpt.tools.cli;

import io.ckpt.tools.bench.Bench;

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
            .option("--restore-threads", "N", "ckpt restore threads (default: the engine's).")
            .option("--pages-per-block", "N", "ckpt pages per block (default: the engine's).")
            .option("--storage-block", "SIZE", "ckpt storage block size, e.g. 1m (default: the engine's).")
            .examples(
                "  ckpt bench --size 1g --rounds 5",
                "  ckpt bench --image /var/tmp/core.img --json --out report.json");
    }

    @Override
    public int run(Args a, Io io) throws Exception {
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
        return b.call(io.out(), io.err());
    }
}
