package io.ckpt.tools.cli;

import io.ckpt.store.CheckpointLocation;
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
        return Stores.declare(CommandSpec.of("compact", "Merge an incremental checkpoint and its parents into one full checkpoint.")
            .description("The chain is resolved (every parent found by the name recorded in its child and checked by "
                + "UUID), restored into memory and saved again as a full checkpoint with the same page block size, "
                + "storage block size, codec, data length and working-set hint. OUT appears only once complete.")
            .param("CHILD.ckpt", "The newest checkpoint of the chain.")
            .param("OUT.ckpt", "The full checkpoint to write.")
            .examples("  ckpt compact vm-3.ckpt vm-full.ckpt",
                "  ckpt compact s3://bucket/vm-3.ckpt vm-full.ckpt --endpoint http://127.0.0.1:9000 --path-style"));
    }

    @Override
    public int run(Args a, Io io) throws Exception {
        try (Stores stores = new Stores(a)) {
            return compact(a, io, stores.param(0), stores.param(1));
        }
    }

    private int compact(Args a, Io io, CheckpointLocation child, CheckpointLocation out)
        throws Exception {
        if (out.sameAs(child) || out.file() != null && child.file() != null && Files.exists(out.file())
            && Files.isSameFile(out.file(), child.file())) {
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
