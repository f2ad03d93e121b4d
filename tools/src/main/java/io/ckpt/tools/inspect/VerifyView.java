package io.ckpt.tools.inspect;

import io.ckpt.tools.text.JsonWriter;

import io.ckpt.tools.text.Sizes;

import java.io.PrintWriter;
import java.util.List;

import static io.ckpt.tools.inspect.InspectOutput.kv;

/**
 * {@code inspect --verify}: every checksum of the file (metadata, storage block headers and
 * maps, every page block decoded), with every failure listed rather than only the first, and
 * the bad page blocks as ranges of block numbers and guest addresses. No timings: the output
 * depends only on the file.
 *
 * <p>Thread-safety: single-threaded.
 */
public final class VerifyView {
    private final Inspection f;
    private final BlockVerifier.Result r;

    public VerifyView(Inspection f, BlockVerifier.Result r) {
        this.f = f;
        this.r = r;
    }

    public List<Problem> problems() {
        return r.problems();
    }

    public void text(PrintWriter out) {
        kv(out, "checkpoint", f.name());
        kv(out, "status", r.ok() ? "ok: every checksum matches" : InspectOutput.status(r.problems()));
        kv(out, "metadata", f.healthy() ? "ok: header, trailer, index, storage table"
            : "DAMAGED: " + InspectOutput.count(f.problems.size() + f.omittedProblems, "problem") + " (see damage)");
        if (!r.blocksChecked()) {
            kv(out, "page blocks", "NOT CHECKED: the metadata is too damaged to locate them");
        } else {
            kv(out, "storage blocks", Sizes.count(r.storageBlocks()) + " checked, " + Sizes.count(r.damagedStorage())
                + " damaged");
            kv(out, "page blocks", Sizes.count(r.blocks()) + ": " + Sizes.count(r.checkedBlocks()) + " decoded and checked, "
                + Sizes.count(r.zeroBlocks()) + " zero, " + Sizes.count(r.parentBlocks()) + " parent (in an ancestor)");
            kv(out, "decoded", InspectOutput.bytes(r.decodedBytes()));
            kv(out, "bad blocks", r.badBlocks().length == 0 ? "none" : Sizes.count(r.badBlocks().length));
            for (Ranges.Range range : Ranges.of(r.badBlocks())) {
                long first = range.first() * f.blockBytes();
                long end = range.last() * f.blockBytes() + f.blockLength(range.last());
                out.println("  " + (range.length() == 1 ? "block " : "blocks ") + range + "  guest "
                    + InspectOutput.hex(first) + "-" + InspectOutput.hex(end - 1));
            }
        }
        InspectOutput.damage(out, r.problems(), r.omitted());
    }

    public void json(JsonWriter j) {
        InspectOutput.beginJson(j, "verify", f.name(), r.problems(), r.omitted());
        j.field("metadata_ok", f.healthy());
        j.field("blocks_checked", r.blocksChecked());
        j.field("blocks", r.blocks());
        j.field("storage_blocks", r.storageBlocks());
        j.field("damaged_storage_blocks", r.damagedStorage());
        j.field("checked_blocks", r.checkedBlocks());
        j.field("zero_blocks", r.zeroBlocks());
        j.field("parent_blocks", r.parentBlocks());
        j.field("decoded_bytes", r.decodedBytes());
        j.name("bad_blocks").beginArray();
        for (long b : r.badBlocks()) {
            j.value(b);
        }
        j.endArray();
        j.endObject();
    }
}
