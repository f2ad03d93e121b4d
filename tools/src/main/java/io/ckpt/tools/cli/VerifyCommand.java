package io.ckpt.tools.cli;

import io.ckpt.tools.inspect.BlockVerifier;
import io.ckpt.tools.inspect.Inspection;
import io.ckpt.tools.inspect.TolerantReader;
import io.ckpt.tools.text.Sizes;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ckpt verify FILE.ckpt}: every checksum of the file, or one line naming the first
 * damaged structure and its file offset (exit 2). Shares {@link BlockVerifier} with
 * {@code ckpt inspect --verify}, which goes on past the first damage and lists it all.
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
            + "structure and its file offset and exits 2; 'ckpt inspect --verify' lists every "
            + "damaged structure and block instead. Needs no arena: blocks are decoded into a "
            + "scratch buffer. Shows a progress bar when run on a terminal.",
        ""},
    footerHeading = "%nExamples:%n",
    footer = {
        "  ckpt verify vm.ckpt",
        "  ckpt verify vm.ckpt || echo \"vm.ckpt is damaged\""})
final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.ckpt", description = "The checkpoint to verify.")
    Path file;

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        Inspection f = TolerantReader.read(file);
        PrintWriter err = spec.commandLine().getErr();
        ProgressBar bar = new ProgressBar(err, "verifying " + file, f.indexReadable() ? f.storageBlockCount() : 0,
            ProgressBar.onTerminal());
        BlockVerifier.Result r = BlockVerifier.verify(f, bar, true);
        long nanos = System.nanoTime() - t0;
        bar.finish("");
        if (!r.ok()) {
            err.println(ErrorHandler.PREFIX + r.problems().get(0).message());
            err.flush();
            return Exit.CORRUPT;
        }
        spec.commandLine().getOut().println("OK: " + file + ": every checksum matches: header, trailer, index, "
            + "storage table, " + Sizes.count(r.storageBlocks()) + " storage blocks, " + Sizes.count(r.blocks())
            + " page blocks (" + Sizes.human(r.decodedBytes()) + " decoded) in " + Sizes.seconds(nanos) + " ("
            + Sizes.rate(r.decodedBytes(), nanos) + ")");
        return Exit.OK;
    }
}
