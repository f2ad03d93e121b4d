package io.ckpt.tools.cli;

import io.ckpt.store.CheckpointLocation;
import io.ckpt.Checkpoints;
import io.ckpt.format.CorruptCheckpointException;
import io.ckpt.restore.CheckpointVerifier;
import io.ckpt.tools.inspect.BlockVerifier;
import io.ckpt.tools.inspect.Inspection;
import io.ckpt.tools.inspect.TolerantReader;
import io.ckpt.tools.text.Sizes;

import java.io.PrintWriter;
import java.nio.file.Path;


/**
 * {@code ckpt verify FILE.ckpt}: every checksum of the file, or one line naming the first
 * damaged structure and its file offset (exit 2). Shares {@link BlockVerifier} with
 * {@code ckpt inspect --verify}, which goes on past the first damage and lists it all.
 *
 * <p>Thread-safety: one invocation per instance.
 */
final class VerifyCommand implements Command {
    @Override
    public CommandSpec spec() {
        return Stores.declare(CommandSpec.of("verify", "Check every checksum of a checkpoint: header, trailer, index, storage table, "
                + "every storage block's header and map, and every page block's CRC32C after decoding it.")
            .description("Prints OK with counts and exits 0, or prints one line naming the first damaged structure and "
                + "its file offset and exits 2; 'ckpt inspect --verify' lists every damaged structure and block instead. "
                + "Needs no arena: blocks are decoded into a scratch buffer. Shows a progress bar when run on a terminal.")
            .param("FILE.ckpt", "The checkpoint to verify.")
            .examples(
                "  ckpt verify vm.ckpt",
                "  ckpt verify vm.ckpt || echo \"vm.ckpt is damaged\"",
                "  ckpt verify s3://bucket/vms/vm.ckpt --endpoint http://127.0.0.1:9000 --path-style"));
    }

    @Override
    public int run(Args a, Io io) throws Exception {
        if (Stores.isUri(a.param(0))) {
            return verifyInStore(a, io);
        }
        Path file = a.paramPath(0);
        long t0 = System.nanoTime();
        Inspection f = TolerantReader.read(file);
        PrintWriter err = io.err();
        ProgressBar bar = new ProgressBar(err, "verifying " + file, f.indexReadable() ? f.storageBlockCount() : 0,
            io.errIsTerminal());
        BlockVerifier.Result r = BlockVerifier.verify(f, bar, true);
        long nanos = System.nanoTime() - t0;
        bar.finish("");
        if (!r.ok()) {
            err.println(ErrorHandler.PREFIX + r.problems().get(0).message());
            err.flush();
            return Exit.CORRUPT;
        }
        io.out().println("OK: " + file + ": every checksum matches: header, trailer, index, "
            + "storage table, " + Sizes.count(r.storageBlocks()) + " storage blocks, " + Sizes.count(r.blocks())
            + " page blocks (" + Sizes.human(r.decodedBytes()) + " decoded) in " + Sizes.seconds(nanos) + " ("
            + Sizes.rate(r.decodedBytes(), nanos) + ")");
        return Exit.OK;
    }

    /** An object in a store: the engine's verifier, one ranged GET per storage block, stopping at the first damage. */
    private int verifyInStore(Args a, Io io) throws Exception {
        long t0 = System.nanoTime();
        try (Stores stores = new Stores(a)) {
            CheckpointLocation at = stores.param(0);
            CheckpointVerifier.Report r;
            try {
                r = Checkpoints.verify(at);
            } catch (CorruptCheckpointException e) {
                io.err().println(ErrorHandler.PREFIX + ErrorHandler.oneLine(e.getMessage()));
                io.err().flush();
                return Exit.CORRUPT;
            }
            long nanos = System.nanoTime() - t0;
            io.out().println("OK: " + at + ": every checksum matches: header, trailer, index, storage table, "
                + Sizes.count(r.storageBlocks()) + " storage blocks, " + Sizes.count(r.blocks()) + " page blocks ("
                + Sizes.human(r.bytesDecoded()) + " decoded) in " + Sizes.seconds(nanos) + " ("
                + Sizes.rate(r.bytesDecoded(), nanos) + ")");
            return Exit.OK;
        }
    }
}
