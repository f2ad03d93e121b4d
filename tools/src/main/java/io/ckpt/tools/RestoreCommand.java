package io.ckpt.tools;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.ckpt.Checkpoints;
import io.ckpt.format.CheckpointMetadata;
import io.ckpt.memory.GuestMemory;
import io.ckpt.restore.RestoreOptions;
import io.ckpt.restore.RestoreStats;
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
        "  ckpt restore vm.ckpt --to-raw vm.ram --threads 1"})
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
        RestoreStats r;
        long writeNanos;
        try (GuestMemory memory = GuestMemory.allocate(meta.arenaSize())) {
            r = Checkpoints.restore(file, memory, options);
            writeNanos = RawImage.write(memory, meta.dataLength(), out, true);
        }
        spec.commandLine().getOut().println("restored " + file + " (" + Sizes.human(meta.arenaSize()) + " arena, "
            + Sizes.count(r.storageBlocks()) + " storage blocks, " + Sizes.count(r.zeroBlocks() + r.rawBlocks()
            + r.lz4Blocks()) + " page blocks, checksums verified) in " + Sizes.seconds(r.totalNanos()) + " ("
            + Sizes.rate(r.arenaBytes(), r.totalNanos()) + ", " + r.threads() + " thread" + (r.threads() == 1 ? "" : "s")
            + "); wrote " + Sizes.count(meta.dataLength()) + " bytes to " + out + " in " + Sizes.seconds(writeNanos)
            + " (" + Sizes.rate(meta.dataLength(), writeNanos) + ").");
        return Exit.OK;
    }
}
