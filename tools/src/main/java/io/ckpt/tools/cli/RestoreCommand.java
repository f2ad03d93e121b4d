package io.ckpt.tools.cli;

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
        return CommandSpec.of("restore", "Restore a checkpoint and write its memory out as a raw image.")
            .description("Every block is decompressed and its CRC32C checked. Exactly the recorded data length is "
                + "written, so a checkpoint made by 'ckpt save --from-raw' gives back the original image byte for byte; "
                + "all-zero blocks are left as holes (a sparse file, like 'cp --sparse' or 'lz4 -d'). OUT appears only "
                + "once complete (temporary name, renamed); with --sync it is also on disk when the command ends.")
            .param("FILE.ckpt", "The checkpoint to restore.")
            .required("--to-raw", "OUT", "The raw image file to write (replaced if it exists).")
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
                "  ckpt restore vm.ckpt --to-raw vm.ram --lazy --prefetch working-set");
    }

    @Override
    public int run(Args a, Io io) throws Exception {
        Path file = a.paramPath(0);
        Path out = a.path("--to-raw");
        RestoreOptions options = RestoreOptions.defaults().withArenaZeroed(true).withSync(a.flag("--sync"));
        if (a.has("--threads")) {
            try {
                options = options.withThreads(a.intValue("--threads", 1, Integer.MIN_VALUE, Integer.MAX_VALUE));
            } catch (IllegalArgumentException e) {
                throw a.invalid("--threads", e.getMessage());
            }
        }
        if (!a.flag("--lazy")) {
            for (String lazyOnly : new String[] {"--prefetch", "--prefetch-rate"}) {
                if (a.has(lazyOnly)) {
                    throw new UsageException(a.spec(), "option '" + lazyOnly + "' needs --lazy");
                }
            }
        }
        CheckpointMetadata meta = Checkpoints.inspect(file);
        boolean bars = io.errIsTerminal() && !a.flag("--quiet");
        if (a.flag("--lazy")) {
            return lazyRestore(a, io, file, out, meta, bars);
        }
        ProgressBar bar = ProgressBar.bytes(io.err(), "restoring " + file.getFileName(), meta.arenaSize(), bars);
        RestoreStats r = Checkpoints.restoreImage(file, out, options.withProgress(bar));
        bar.finish("");
        io.out().println("restored " + file + " (" + Sizes.count(r.storageBlocks()) + " storage blocks, "
            + Sizes.count(r.zeroBlocks() + r.rawBlocks() + r.lz4Blocks()) + " page blocks, checksums verified): wrote "
            + Sizes.count(meta.dataLength()) + " bytes to " + out + ", " + Sizes.count(r.zeroBlocks())
            + " zero blocks left as holes, in " + Sizes.seconds(r.totalNanos()) + " (" + Sizes.rate(meta.dataLength(),
            r.totalNanos()) + ", " + r.threads() + " thread" + (r.threads() == 1 ? "" : "s") + ").");
        return Exit.OK;
    }

    private int lazyRestore(Args a, Io io, Path file, Path out, CheckpointMetadata meta, boolean bars) throws Exception {
        LazyRestoreOptions options = LazyRestoreOptions.defaults().withArenaZeroed(true);
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
            ProgressBar bar = ProgressBar.bytes(io.err(), "restoring " + file.getFileName() + " lazily",
                meta.dataLength(), bars);
            writeNanos = RawImage.write(memory, meta.dataLength(), out, a.flag("--sync"), bar);
            bar.finish("");
            r.awaitCompletion();
            s = r.stats();
        }
        io.out().println("restored " + file + " lazily (" + Sizes.human(meta.arenaSize())
            + " arena): resumed in " + Sizes.millis(s.resumeNanos()) + ", every block present after "
            + Sizes.seconds(s.completeNanos()) + "; " + Sizes.count(s.faults()) + " faults (p50 "
            + Sizes.micros(s.faultP50Nanos()) + ", p99 " + Sizes.micros(s.faultP99Nanos()) + "), installed by fault "
            + Sizes.count(s.installedByFault()) + ", neighbour " + Sizes.count(s.installedByNeighbour()) + ", prefetch ("
            + s.prefetchUsed().name().toLowerCase(Locale.ROOT).replace('_', '-') + ") "
            + Sizes.count(s.installedByPrefetch()) + "; wrote " + Sizes.count(meta.dataLength()) + " bytes to " + out
            + " in " + Sizes.seconds(writeNanos) + ".");
        if (prefetch.equalsIgnoreCase("working-set") && s.prefetchUsed() != Prefetch.WORKING_SET) {
            io.err().println("ckpt: note: " + file.getFileName()
                + " has no working-set hint; prefetched in storage order instead");
        }
        return Exit.OK;
    }
}
