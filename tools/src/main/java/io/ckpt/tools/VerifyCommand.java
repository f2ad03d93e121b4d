package io.ckpt.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.ckpt.format.CheckpointMetadata;
import io.ckpt.restore.CheckpointVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ckpt verify FILE.ckpt}: every checksum of the file, or one line naming the first
 * damaged structure and its file offset (exit 2).
 *
 * <p>Thread-safety: one invocation per instance.
 */
@Command(name = "verify",
    mixinStandardHelpOptions = true,
    description = {
        "Check every checksum of a checkpoint: header, trailer, index, storage table, every "
            + "storage block's header and map, and every page block's CRC32C after decoding it.",
        "",
        "Prints OK with counts and exits 0, or prints one line naming the first damaged "
            + "structure and its file offset and exits 2. Needs no arena: blocks are decoded "
            + "into a scratch buffer.",
        ""},
    footerHeading = "%nExamples:%n",
    footer = {
        "  ckpt verify vm.ckpt",
        "  ckpt verify vm.ckpt || echo \"vm.ckpt is damaged\""})
final class VerifyCommand implements Callable<Integer> {
    /** Files at least this large report progress on stderr. */
    static final long PROGRESS_THRESHOLD = 256L << 20;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.ckpt", description = "The checkpoint to verify.")
    Path file;

    @Override
    public Integer call() throws Exception {
        CheckpointMetadata meta = CheckpointMetadata.read(file);
        Progress progress = new Progress(spec.commandLine().getErr(), "verifying " + file, meta.storageBlockCount(),
            Files.size(file) >= PROGRESS_THRESHOLD);
        CheckpointVerifier.Report r = CheckpointVerifier.verify(file, progress);
        spec.commandLine().getOut().println("OK: " + file + ": every checksum matches: header, trailer, index, "
            + "storage table, " + Sizes.count(r.storageBlocks()) + " storage blocks, " + Sizes.count(r.blocks())
            + " page blocks (" + Sizes.human(r.bytesDecoded()) + " decoded) in " + Sizes.seconds(r.nanos()) + " ("
            + Sizes.rate(r.bytesDecoded(), r.nanos()) + ")");
        return Exit.OK;
    }
}
