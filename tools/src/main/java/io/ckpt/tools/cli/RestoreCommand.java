package io.ckpt.tools.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import io.ckpt.Checkpoints;
import io.ckpt.format.CheckpointMetadata;
import io.ckpt.memory.GuestMemory;
import io.ckpt.restore.RestoreOptions;
import io.ckpt.restore.RestoreStats;
import io.ckpt.restore.lazy.LazyRestore;
import io.ckpt.restore.lazy.LazyRestoreOptions;
import io.ckpt.restore.lazy.LazyRestoreStats;
import io.ckpt.restore.lazy.Prefetch;
import io.ckpt.store.CheckpointLocation;
import io.ckpt.tools.text.Sizes;

/**
 * {@code ckpt restore FILE.ckpt --to-raw OUT}: the checkpoint's memory written out as a raw
 * image, exactly its recorded data length, atomically. Eagerly it is decoded straight into the
 * file ({@link io.ckpt.restore.ImageRestore}: no arena, zero blocks left as holes); with
 * {@code --lazy} it goes through an arena restored lazily, faulted in as the image is written.
 *
 * <p>Thread-safety: one invocation per instance.
 */
final class RestoreCommand implements Command {
    @Override
    public CommandSpec spec() {
        return Stores.declare(CommandSpec.of("restore", "Restore a checkpoint and write its memory out as a raw image.")
            .description("Every block is decompressed and its CRC32C checked. Exactly the recorded data length is "
                + "written, so a checkpoint made by 'ckpt save --from-raw' gives back the original image byte for byte; "
                + "all-zero blocks are left as holes (a sparse file, like 'cp --sparse' or 'lz4 -d'). OUT appears only "
                + "once complete (temporary name, renamed); with --sync it is also on disk when the command ends.")
            .param("FILE.ckpt", "The checkpoint to restore: a file, or s3://bucket/key (an object in an S3-compatible "
                + "store, read with ranged GETs: the metadata in two, then one per storage block).")
            .option("--concurrency", "N", "For s3:// checkpoints: storage blocks read at once, in [1, 64]: parallel "
                + "ranged GETs (eager), prefetch GETs in flight (--lazy). Default: 16 eager, 8 lazy.")
            .required("--to-raw", "OUT", "The raw image file to write (replaced if it exists), or - for standard "
                + "output. A pipe, a terminal or a device is written in order, zeros included.")
            .option("--threads", "N", "Restore threads, in [1, 64]. Default: the number of cores, at most 2.")
            .flag("--sync", "Force the image to disk before renaming it into place, and sync its directory: it survives "
                + "a crash once the command ends. Default: the page cache writes it back in its own time.")
            .flag("--quiet", "No progress bar (it shows on a terminal when a restore takes over a second).")
            .flag("--lazy", "Restore lazily: resume at once, fault each page block in on first touch (here: the image "
                + "writer reading the arena in order) while a background thread prefetches the rest.")
            .option("--prefetch", "POLICY", "With --lazy: none, sequential (storage order) or working-set (the file's "
                + "hint first). Default: sequential.")
            .option("--prefetch-rate", "SIZE/s", "With --lazy: cap the prefetcher at this many bytes per second, e.g. "
                + "200m. Default: no cap.")
            .examples(
                "  ckpt restore vm.ckpt --to-raw vm.ram",
                "  ckpt restore vm.ckpt --to-raw vm.ram --threads 1 --sync",
                "  ckpt restore vm.ckpt --to-raw vm.ram --lazy --prefetch working-set",
                "  ckpt restore s3://bucket/vms/vm.ckpt --to-raw vm.ram --endpoint http://127.0.0.1:9000 --path-style"));
    }

    @Override
    public int run(Args a, Io io) throws Exception {
        try (Stores stores = new Stores(a)) {
            return restore(a, io, stores.param(0));
        }
    }

    private int restore(Args a, Io io, CheckpointLocation file) throws Exception {
        String outName = a.get("--to-raw");
        // "-" is standard output; the report then goes to stderr, so that it does not join the image.
        boolean toStdout = outName.equals("-") || outName.equals("/dev/stdout") || outName.equals("/proc/self/fd/1");
        Path out = outName.equals("-") ? Path.of("/dev/stdout") : a.path("--to-raw");
        PrintWriter report = toStdout ? io.err() : io.out();
        RestoreOptions options = RestoreOptions.defaults().withArenaZeroed(true).withSync(a.flag("--sync"));
        if (a.has("--threads")) {
            try {
                options = options.withThreads(a.intValue("--threads", 1, Integer.MIN_VALUE, Integer.MAX_VALUE));
            } catch (IllegalArgumentException e) {
                throw a.invalid("--threads", e.getMessage());
            }
        }
        if (a.has("--concurrency")) {
            options = options.withReadConcurrency(a.intValue("--concurrency", 16, 1, 64));
        }
        if (!a.flag("--lazy")) {
            for (String lazyOnly : new String[] {"--prefetch", "--prefetch-rate"}) {
                if (a.has(lazyOnly)) {
                    throw new UsageException(a.spec(), "option '" + lazyOnly + "' needs --lazy");
                }
            }
        }
        CheckpointMetadata meta = Checkpoints.inspect(file);
        String name = shortName(file);
        boolean bars = io.errIsTerminal() && !a.flag("--quiet");
        if (a.flag("--lazy")) {
            return lazyRestore(a, io, report, toStdout, file, out, meta, bars, name);
        }
        ProgressBar bar = ProgressBar.bytes(io.err(), "restoring " + name, meta.arenaSize(), bars);
        RestoreStats r = Checkpoints.restoreImage(file, out, options.withProgress(bar));
        bar.finish("");
        report.println("restored " + file + " (" + Sizes.count(r.storageBlocks()) + " storage blocks, "
            + Sizes.count(r.zeroBlocks() + r.rawBlocks() + r.lz4Blocks()) + " page blocks, checksums verified): wrote "
            + Sizes.count(meta.dataLength()) + " bytes to " + (toStdout ? "standard output" : out) + ", "
            + Sizes.count(r.zeroBlocks()) + (Files.isRegularFile(out) ? " zero blocks left as holes, in " : " zero blocks, in ") + Sizes.seconds(r.totalNanos()) + " (" + Sizes.rate(meta.dataLength(),
            r.totalNanos()) + ", " + r.threads() + " thread" + (r.threads() == 1 ? "" : "s") + ").");
        return Exit.OK;
    }

    /** @return the last segment of a path or key, for progress labels and notes. */
    static String shortName(CheckpointLocation l) {
        if (l.file() != null) {
            return String.valueOf(l.file().getFileName());
        }
        String s = l.toString();
        return s.substring(s.lastIndexOf('/') + 1);
    }

    private int lazyRestore(Args a, Io io, PrintWriter report, boolean toStdout, CheckpointLocation file, Path out,
                            CheckpointMetadata meta,
                            boolean bars, String name) throws Exception {
        LazyRestoreOptions options = LazyRestoreOptions.defaults().withArenaZeroed(true);
        if (a.has("--concurrency")) {
            options = options.withPrefetchConcurrency(a.intValue("--concurrency", 8, 1, 64));
        }
        String prefetch = a.get("--prefetch", "sequential");
        try {
            options = options.withPrefetch(Prefetch.parse(prefetch));
        } catch (IllegalArgumentException e) {
            throw a.invalid("--prefetch", e.getMessage());
        }
        if (a.has("--prefetch-rate")) {
            options = options.withPrefetchRate(Options.rate(a, "--prefetch-rate"));
        }
        LazyRestoreStats s;
        long writeNanos;
        try (GuestMemory memory = GuestMemory.allocate(meta.arenaSize());
             LazyRestore r = LazyRestore.start(file, memory, options)) {
            ProgressBar bar = ProgressBar.bytes(io.err(), "restoring " + name + " lazily",
                meta.dataLength(), bars);
            writeNanos = RawImage.write(memory, meta.dataLength(), out, a.flag("--sync"), bar);
            bar.finish("");
            r.awaitCompletion();
            s = r.stats();
        }
        report.println("restored " + file + " lazily (" + Sizes.human(meta.arenaSize())
            + " arena): resumed in " + Sizes.millis(s.resumeNanos()) + ", every block present after "
            + Sizes.seconds(s.completeNanos()) + "; " + Sizes.count(s.faults()) + " faults (p50 "
            + Sizes.micros(s.faultP50Nanos()) + ", p99 " + Sizes.micros(s.faultP99Nanos()) + "), installed by fault "
            + Sizes.count(s.installedByFault()) + ", neighbour " + Sizes.count(s.installedByNeighbour()) + ", prefetch ("
            + s.prefetchUsed().name().toLowerCase(Locale.ROOT).replace('_', '-') + ") "
            + Sizes.count(s.installedByPrefetch()) + "; wrote " + Sizes.count(meta.dataLength()) + " bytes to " + (toStdout ? "standard output" : out)
            + " in " + Sizes.seconds(writeNanos) + ".");
        if (prefetch.equalsIgnoreCase("working-set") && s.prefetchUsed() != Prefetch.WORKING_SET) {
            io.err().println("ckpt: note: " + name
                + " has no working-set hint; prefetched in storage order instead");
        }
        return Exit.OK;
    }
}
