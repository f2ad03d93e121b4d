package io.ckpt.tools.cli;

import io.ckpt.tools.text.Format;

import io.ckpt.tools.inspect.InspectOutput;
import io.ckpt.tools.text.JsonWriter;
import io.ckpt.tools.inspect.Ranges;
import io.ckpt.tools.text.Sizes;

import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.zip.CRC32C;

import io.ckpt.format.CheckpointMetadata;
import io.ckpt.format.Encoding;
import io.ckpt.format.IndexEntryDescriptor;
import io.ckpt.restore.ResolvedCheckpoint;

import static io.ckpt.tools.inspect.InspectOutput.hex;
import static io.ckpt.tools.inspect.InspectOutput.kv;

/**
 * {@code ckpt diff A.ckpt B.ckpt}: which page blocks differ between two checkpoints of the same
 * geometry, from their indexes alone (no block data is read): each block's CRC32C, following
 * PARENT entries through each file's chain; a ZERO block counts as the CRC32C of its zero
 * bytes, so it equals a stored all-zero block. Prints the differing blocks as ranges of block
 * numbers and guest addresses, with totals.
 *
 * <p>Blocks are compared by CRC32C: two different blocks with the same CRC32C (about one
 * chance in 4 billion per block) are reported equal.
 *
 * <p>Thread-safety: one invocation per instance.
 */
final class DiffCommand implements Command {
    private boolean json;
    private Io io;

    @Override
    public CommandSpec spec() {
        return Stores.declare(CommandSpec.of("diff", "Show which page blocks differ between two checkpoints of the same arena size and "
                + "block size.")
            .description("Compares each page block's CRC32C from the two indexes (following incremental checkpoints to "
                + "the ancestor that holds the block); reads no block data, so it is fast on any size. Exits 0 whether or "
                + "not blocks differ, 1 if the geometries differ, 2 if a file or an ancestor is damaged or missing.")
            .param("A.ckpt", "The first checkpoint.")
            .param("B.ckpt", "The second checkpoint.")
            .flag("--json", "Print one JSON document (\"schema_version\": " + InspectOutput.JSON_SCHEMA_VERSION
                + ", see format-spec/INSPECT-JSON.md) instead of text.")
            .examples(
                "  ckpt diff monday.ckpt tuesday.ckpt",
                "  ckpt diff --json a.ckpt b.ckpt | jq .differing_blocks"));
    }

    @Override
    public int run(Args args, Io io) throws Exception {
        this.io = io;
        List<CheckpointMetadata> chainA;
        List<CheckpointMetadata> chainB;
        try (Stores stores = new Stores(args)) {
            chainA = ResolvedCheckpoint.chain(stores.param(0));
            chainB = ResolvedCheckpoint.chain(stores.param(1));
        }
        json = args.flag("--json");

        CheckpointMetadata ma = chainA.get(0);
        CheckpointMetadata mb = chainB.get(0);
        PrintWriter out = io.out();
        boolean comparable = ma.arenaSize() == mb.arenaSize() && ma.blockBytes() == mb.blockBytes();
        BitSet differing = comparable ? differing(chainA, chainB) : new BitSet();
        if (json) {
            JsonWriter j = new JsonWriter(out);
            json(j, chainA, chainB, comparable, differing);
            j.flush();
        } else {
            text(out, chainA, chainB, comparable, differing);
        }
        out.flush();
        if (!comparable) {
            PrintWriter err = io.err();
            err.println(ErrorHandler.PREFIX + "cannot compare: " + geometry(ma) + " in " + name(ma) + ", " + geometry(mb)
                + " in " + name(mb));
            err.flush();
            return Exit.USAGE;
        }
        return Exit.OK;
    }

    /** @return the page blocks whose content differs (one bit per page block: 11 MB at most). */
    private static BitSet differing(List<CheckpointMetadata> chainA, List<CheckpointMetadata> chainB) {
        CheckpointMetadata head = chainA.get(0);
        long blocks = head.blockCount();
        int fullZeroCrc = zeroCrc(head.blockBytes());
        int lastZeroCrc = zeroCrc(head.blockLength(blocks - 1));
        BitSet differing = new BitSet((int) blocks);
        for (long block = 0; block < blocks; block++) {
            int zero = block == blocks - 1 ? lastZeroCrc : fullZeroCrc;
            if (contentCrc(chainA, block, zero) != contentCrc(chainB, block, zero)) {
                differing.set((int) block);
            }
        }
        return differing;
    }

    /** @return the CRC32C of page block {@code block}'s content, through the chain; ZERO is {@code zeroCrc}. */
    private static int contentCrc(List<CheckpointMetadata> chain, long block, int zeroCrc) {
        for (CheckpointMetadata m : chain) {
            ByteBuffer index = m.index();
            int e = IndexEntryDescriptor.encodingId(index, block);
            if (e == Encoding.ZERO.id()) {
                return zeroCrc;
            }
            if (e != Encoding.PARENT.id()) {
                return IndexEntryDescriptor.crc(index, block);
            }
        }
        throw new IllegalStateException("block " + block + " is PARENT in every file of the chain");
    }

    /** @return the CRC32C of {@code length} zero bytes. */
    static int zeroCrc(int length) {
        CRC32C crc = new CRC32C();
        byte[] zeros = new byte[Math.min(length, 1 << 16)];
        for (int left = length; left > 0; left -= zeros.length) {
            crc.update(zeros, 0, Math.min(left, zeros.length));
        }
        return (int) crc.getValue();
    }

    private static long bytes(CheckpointMetadata m, BitSet blocks) {
        long sum = 0;
        for (int n = blocks.nextSetBit(0); n >= 0; n = blocks.nextSetBit(n + 1)) {
            sum += m.blockLength(n);
        }
        return sum;
    }

    private void text(PrintWriter out, List<CheckpointMetadata> chainA, List<CheckpointMetadata> chainB,
                      boolean comparable, BitSet differing) {
        CheckpointMetadata ma = chainA.get(0);
        CheckpointMetadata mb = chainB.get(0);
        kv(out, "a", describe(chainA));
        kv(out, "b", describe(chainB));
        if (!comparable) {
            kv(out, "geometry", "DIFFERS: a has " + geometry(ma) + ", b has " + geometry(mb) + "; cannot compare");
            return;
        }
        kv(out, "geometry", geometry(ma) + " (" + Sizes.count(ma.blockCount()) + " page blocks)");
        if (ma.dataLength() != mb.dataLength()) {
            kv(out, "data length", "differs: a " + Sizes.count(ma.dataLength()) + ", b " + Sizes.count(mb.dataLength())
                + " bytes");
        }
        if (differing.isEmpty()) {
            kv(out, "differing", "none: every page block's CRC32C matches");
            return;
        }
        long bytes = bytes(ma, differing);
        long count = differing.cardinality();
        kv(out, "differing", Sizes.count(count) + " of " + Sizes.count(ma.blockCount()) + " page blocks ("
            + Sizes.percent(count, ma.blockCount()) + "), " + Sizes.human(bytes) + " of "
            + Sizes.human(ma.arenaSize()) + " (" + Sizes.percent(bytes, ma.arenaSize()) + "), in "
            + InspectOutput.count(Ranges.count(differing), "range"));
        Ranges.forEach(differing, r -> {
            long start = r.first() * ma.blockBytes();
            long end = r.last() * ma.blockBytes() + ma.blockLength(r.last());
            out.println(Format.of("  %-22s guest %-30s %s", (r.length() == 1 ? "block " : "blocks ") + r,
                hex(start) + "-" + hex(end - 1), Sizes.human(end - start)).stripTrailing());
        });
    }

    private void json(JsonWriter j, List<CheckpointMetadata> chainA, List<CheckpointMetadata> chainB, boolean comparable,
                      BitSet differing) {
        CheckpointMetadata ma = chainA.get(0);
        CheckpointMetadata mb = chainB.get(0);
        j.beginObject();
        j.field("schema_version", InspectOutput.JSON_SCHEMA_VERSION);
        j.field("view", "diff");
        j.field("status", "ok");
        j.name("damage").beginArray().endArray();
        j.field("damage_omitted", 0);
        fileJson(j, "a", chainA);
        fileJson(j, "b", chainB);
        j.field("comparable", comparable);
        long bytes = bytes(ma, differing);
        InspectOutput.field(j, "arena_size", comparable ? ma.arenaSize() : null);
        InspectOutput.field(j, "block_size", comparable ? (long) ma.blockBytes() : null);
        InspectOutput.field(j, "blocks", comparable ? ma.blockCount() : null);
        if (comparable) {
            j.field("data_length_differs", ma.dataLength() != mb.dataLength());
        } else {
            j.field("data_length_differs", null);
        }
        InspectOutput.field(j, "differing_blocks", comparable ? (long) differing.cardinality() : null);
        InspectOutput.field(j, "differing_bytes", comparable ? bytes : null);
        j.name("differing_fraction").value(comparable ? (double) bytes / ma.arenaSize() : Double.NaN, 4);
        j.name("ranges");
        if (!comparable) {
            j.value((String) null);
        } else {
            j.beginArray();
            Ranges.forEach(differing, r -> {
                long start = r.first() * ma.blockBytes();
                long end = r.last() * ma.blockBytes() + ma.blockLength(r.last());
                j.beginObject(true).field("first_block", r.first()).field("last_block", r.last())
                    .field("blocks", r.length()).field("guest_start", hex(start)).field("guest_end", hex(end))
                    .field("bytes", end - start).endObject();
            });
            j.endArray();
        }
        j.endObject();
    }

    private static void fileJson(JsonWriter j, String key, List<CheckpointMetadata> chain) {
        CheckpointMetadata m = chain.get(0);
        j.name(key).beginObject(true);
        j.field("file", name(m));
        j.field("uuid", m.fileUuid().toString());
        j.field("arena_size", m.arenaSize());
        j.field("block_size", m.blockBytes());
        j.field("chain_files", chain.size());
        j.endObject();
    }

    private static String describe(List<CheckpointMetadata> chain) {
        CheckpointMetadata m = chain.get(0);
        return name(m) + "  " + m.fileUuid() + (chain.size() == 1 ? "  (full)"
            : "  (incremental, chain of " + chain.size() + " files)");
    }

    private static String geometry(CheckpointMetadata m) {
        return Sizes.human(m.arenaSize()) + " arena in " + Sizes.exact(m.blockBytes()) + " page blocks";
    }

    private static String name(CheckpointMetadata m) {
        return m.path() != null ? String.valueOf(m.path().getFileName()) : m.name().substring(m.name().lastIndexOf('/') + 1);
    }
}
