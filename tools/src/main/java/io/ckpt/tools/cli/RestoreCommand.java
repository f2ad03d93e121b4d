package io.ckpt.tools.cli;

import io.ckpt.tools.text.Sizes;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.ckpt.Checkpoints;
import io.ckpt.format.CheckpointMetadata;
import io.ckpt.memory.GuestMemory;
import io.ckpt.restore.RestoreOptions;
import io.ckpt.restore.RestoreStats;
import io.ckpt.restore.lazy.LazyRestore;
import io.ckpt.restore.lazy.LazyRestoreOptions;
import io.ckpt.restore.lazy.LazyRestoreStats;
import io.ckpt.restore.lazy.Prefetch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ckpt restore FILE.ckpt --to-raw OUT}: eager restore into a fresh arena, then the
 * first {@code dataLength} bytes written to a raw image, atomically.
 *
 * <p>Thread-safety: one invocation per instance.
 */
@Command(name = "restore",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "Restore a checkpoint eagerly and write its memory out as a raw image.",
        "",
        "Every block is decompressed and its CRC32C checked. Exactly the recorded data length "
            + "is written, so a checkpoint made by 'ckpt save --from-raw' gives back the original "
            + "image byte for byte. OUT appears only once complete (temporary name, forced, renamed).",
        ""},
    footerHeading = "%nExamples:%n",
    footer = {
        "  ckpt restore vm.ckpt --to-raw vm.ram",
        "  ckpt restore vm.ckpt --to-raw vm.ram --threads 1",
        "  ckpt restore vm.ckpt --to-raw vm.ram --lazy --prefetch working-set"})
final class RestoreCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.ckpt", description = "The checkpoint to restore.")
    Path file;

    @Option(names = "--to-raw", paramLabel = "OUT", required = true,
        description = "The raw image file to write (replaced if it exists).")
    Path out;

    @Option(names = "--threads", paramLabel = "N",
        description = "Restore threads, in [1, 64]. Default: the number of cores, at most 2.")
    Integer threads;

    @Option(names = "--lazy",
        description = "Restore lazily: resume at once, fault each page block in on first touch (here: the image "
            + "writer reading the arena in order) while a background thread prefetches the rest.")
    boolean lazy;

    @Option(names = "--prefetch", paramLabel = "POLICY", defaultValue = "sequential",
        description = "With --lazy: none, sequential (storage order) or working-set (the file's hint first). "
            + "Default: ${DEFAULT-VALUE}.")
    String prefetch;

    @Option(names = "--prefetch-rate", paramLabel = "SIZE/s",
        description = "With --lazy: cap the prefetcher at this many bytes per second, e.g. 200m. Default: no cap.")
    String prefetchRate;

    @Override
    public Integer call() throws Exception {
        RestoreOptions options = RestoreOptions.defaults().withArenaZeroed(true);
        if (threads != null) {
            try {
                options = options.withThreads(threads);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(),
                    "invalid value for option '--threads': " + e.getMessage());
            }
        }
        CheckpointMetadata meta = Checkpoints.inspect(file);
        if (lazy) {
            return lazyRestore(meta);
        }
        RestoreStats r = Checkpoints.restoreImage(file, out, options);
        spec.commandLine().getOut().println("restored " + file + " (" + Sizes.count(r.storageBlocks()) + " storage blocks, "
            + Sizes.count(r.zeroBlocks() + r.rawBlocks() + r.lz4Blocks()) + " page blocks, checksums verified): wrote "
            + Sizes.count(meta.dataLength()) + " bytes to " + out + ", " + Sizes.count(r.zeroBlocks())
            + " zero blocks left as holes, in " + Sizes.seconds(r.totalNanos()) + " (" + Sizes.rate(meta.dataLength(),
            r.totalNanos()) + ", " + r.threads() + " thread" + (r.threads() == 1 ? "" : "s") + ").");
        return Exit.OK;
    }

    private int lazyRestore(CheckpointMetadata meta) throws Exception {
        LazyRestoreOptions options = LazyRestoreOptions.defaults().withArenaZeroed(true);
        try {
            options = options.withPrefetch(Prefetch.parse(prefetch));
            if (prefetchRate != null) {
                options = options.withPrefetchRate(Sizes.parse(prefetchRate.replaceAll("(?i)/s$", "")));
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        LazyRestoreStats s;
        long writeNanos;
        try (GuestMemory memory = GuestMemory.allocate(meta.arenaSize());
             LazyRestore r = LazyRestore.start(file, memory, options)) {
            writeNanos = RawImage.write(memory, meta.dataLength(), out, true);
            r.awaitCompletion();
            s = r.stats();
        }
        spec.commandLine().getOut().println("restored " + file + " lazily (" + Sizes.human(meta.arenaSize())
            + " arena): resumed in " + Sizes.millis(s.resumeNanos()) + ", every block present after "
            + Sizes.seconds(s.completeNanos()) + "; " + Sizes.count(s.faults()) + " faults (p50 "
            + Sizes.micros(s.faultP50Nanos()) + ", p99 " + Sizes.micros(s.faultP99Nanos()) + "), installed by fault "
            + Sizes.count(s.installedByFault()) + ", neighbour " + Sizes.count(s.installedByNeighbour()) + ", prefetch ("
            + s.prefetchUsed().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ") "
            + Sizes.count(s.installedByPrefetch()) + "; wrote " + Sizes.count(meta.dataLength()) + " bytes to " + out
            + " in " + Sizes.seconds(writeNanos) + ".");
        if (prefetch.equalsIgnoreCase("working-set") && s.prefetchUsed() != Prefetch.WORKING_SET) {
            spec.commandLine().getErr().println("ckpt: note: " + file.getFileName()
                + " has no working-set hint; prefetched in storage order instead");
        }
        return Exit.OK;
    }
}
