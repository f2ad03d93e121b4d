package io.ckpt.tools.cli;

import io.ckpt.tools.inspect.CheckpointSummary;
import io.ckpt.tools.text.Sizes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.ckpt.Checkpoints;
import io.ckpt.restore.ResolvedCheckpoint;
import io.ckpt.save.SaveStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ckpt compact CHILD.ckpt OUT.ckpt}: merges an incremental checkpoint and its parent
 * chain into one full checkpoint.
 *
 * <p>Thread-safety: one invocation per instance.
 */
@Command(name = "compact",
    mixinStandardHelpOptions = true,
    description = {
        "Merge an incremental checkpoint and its parents into one full checkpoint.",
        "",
        "The chain is resolved (every parent found by the name recorded in its child and checked by UUID), "
            + "restored into memory and saved again as a full checkpoint with the same page block size, storage "
            + "block size, codec, data length and working-set hint. OUT appears only once complete.",
        ""},
    footerHeading = "%nExamples:%n",
    footer = {"  ckpt compact vm-3.ckpt vm-full.ckpt"})
final class CompactCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CHILD.ckpt", description = "The newest checkpoint of the chain.")
    Path child;

    @Parameters(index = "1", paramLabel = "OUT.ckpt", description = "The full checkpoint to write.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (Files.exists(out) && Files.isSameFile(out, child)) {
            throw new ParameterException(spec.commandLine(), "OUT.ckpt must differ from CHILD.ckpt: " + out);
        }
        int files = ResolvedCheckpoint.chain(child).size();
        SaveStats s = Checkpoints.compact(child, out);
        spec.commandLine().getOut().println("compacted " + child + " (" + files + " file" + (files == 1 ? "" : "s")
            + " in the chain) into " + out + ": " + Sizes.human(s.fileBytes()) + ", " + Sizes.count(s.blocks())
            + " page blocks (" + CheckpointSummary.byEncoding(s.zeroBlocks(), s.rawBlocks(), s.lz4Blocks()) + "), "
            + Sizes.count(s.hintBlocks()) + " in the hint, in " + Sizes.seconds(s.totalNanos()) + ".");
        return Exit.OK;
    }
}
