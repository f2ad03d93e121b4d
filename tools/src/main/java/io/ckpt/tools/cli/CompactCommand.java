package io.ckpt.tools.cli;

import io.ckpt.tools.inspect.CheckpointSummary;
import io.ckpt.tools.text.Sizes;

import java.nio.file.Files;
import java.nio.file.Path;

import io.ckpt.Checkpoints;
import io.ckpt.restore.ResolvedCheckpoint;
import io.ckpt.save.SaveStats;

/**
 * {@code ckpt compact CHILD.ckpt OUT.ckpt}: merges an incremental checkpoint and its parent
 * chain into one full checkpoint.
 *
 * <p>Thread-safety: one invocation per instance.
 */
final class CompactCommand implements Command {
    @Override
    public CommandSpec spec() {
        return CommandSpec.of("compact", "Merge an incremental checkpoint and its parents into one full checkpoint.")
            .description("The chain is resolved (every parent found by the name recorded in its child and checked by "
                + "UUID), restored into memory and saved again as a full checkpoint with the same page block size, "
                + "storage block size, codec, data length and working-set hint. OUT appears only once complete.")
            .param("CHILD.ckpt", "The newest checkpoint of the chain.")
            .param("OUT.ckpt", "The full checkpoint to write.")
            .examples("  ckpt compact vm-3.ckpt vm-full.ckpt");
    }

    @Override
    public int run(Args a, Io io) throws Exception {
        Path child = a.paramPath(0);
        Path out = a.paramPath(1);
        if (Files.exists(out) && Files.isSameFile(out, child)) {
            throw new UsageException(a.spec(), "OUT.ckpt must differ from CHILD.ckpt: " + out);
        }
        int files = ResolvedCheckpoint.chain(child).size();
        SaveStats s = Checkpoints.compact(child, out);
        io.out().println("compacted " + child + " (" + files + " file" + (files == 1 ? "" : "s")
            + " in the chain) into " + out + ": " + Sizes.human(s.fileBytes()) + ", " + Sizes.count(s.blocks())
            + " page blocks (" + CheckpointSummary.byEncoding(s.zeroBlocks(), s.rawBlocks(), s.lz4Blocks()) + "), "
            + Sizes.count(s.hintBlocks()) + " in the hint, in " + Sizes.seconds(s.totalNanos()) + ".");
        return Exit.OK;
    }
}
