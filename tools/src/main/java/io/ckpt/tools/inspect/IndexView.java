package io.ckpt.tools.inspect;

import io.ckpt.tools.text.JsonWriter;

import io.ckpt.tools.text.Format;

import io.ckpt.tools.text.Sizes;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.ckpt.format.Encoding;
import io.ckpt.format.IndexEntryDescriptor;

import static io.ckpt.tools.inspect.InspectOutput.crc;
import static io.ckpt.tools.inspect.InspectOutput.hex;
import static io.ckpt.tools.inspect.InspectOutput.kv;

/**
 * {@code inspect --index [--from N --count M]}: one row per page block, straight from its index
 * entry: guest address, encoding, storage block, payload offset, file offset, stored length and
 * CRC32C. A PARENT row also names the file of the chain that holds the block. Reads only
 * metadata.
 *
 * <p>Thread-safety: single-threaded.
 */
public final class IndexView {
    private static final String ROW = "%10s  %-18s  %-8s  %13s  %10s  %-18s  %13s  %-10s";

    private final Inspection f;
    private final ParentChain chain;
    private final long from;
    private final long count;
    private final List<Problem> problems;

    /** Rows {@code [from, from + count)}, clamped to the index. */
    public IndexView(Inspection f, ParentChain chain, long from, long count) {
        this.f = f;
        this.chain = chain;
        this.from = from;
        this.count = Math.max(0, Math.min(count, f.blockCount - from));
        List<Problem> all = new ArrayList<>(f.problems);
        all.addAll(chain.problems());
        this.problems = all;
    }

    public List<Problem> problems() {
        return problems;
    }

    public void text(PrintWriter out) {
        kv(out, "checkpoint", f.name());
        kv(out, "status", InspectOutput.status(problems));
        kv(out, "index", "at " + hex(f.indexOffset()) + ", " + Sizes.count(f.blockCount) + " entries of "
            + IndexEntryDescriptor.LENGTH + " bytes" + (f.indexCrcOk ? "" : " (CHECKSUM MISMATCH: entries unverified)"));
        kv(out, "page blocks", f.geometryKnown() ? Sizes.exact(f.blockBytes()) + " each" : "size unknown (header damaged)");
        kv(out, "rows", count == 0 ? "none" : Sizes.count(from) + "-" + Sizes.count(from + count - 1));
        out.println();
        out.println(Format.of(ROW, "block", "guest address", "encoding", "storage block", "offset",
            "file offset", "stored length", "crc32c").stripTrailing());
        for (long n = from; n < from + count; n++) {
            Encoding e = f.encoding(n);
            String guest = f.geometryKnown() ? Format.of("0x%016x", n * f.blockBytes()) : "?";
            String encoding = e == null ? "?" + f.encodingId(n) : name(e);
            if (e == Encoding.ZERO || e == Encoding.PARENT) {
                String row = Format.of(ROW, n, guest, encoding, "-", "-", "-", 0, "-").stripTrailing();
                out.println(e == Encoding.PARENT ? row + "  " + parentNote(n) : row);
            } else {
                int sb = f.storageBlock(n);
                int off = f.payloadOffset(n);
                String fileOffset = f.hasStorageBlock(sb)
                    ? Format.of("0x%016x", f.storageBlockOffset(sb) + off) : "?";
                out.println(Format.of(ROW, n, guest, encoding, Integer.toString(sb), Integer.toString(off),
                    fileOffset, Integer.toString(f.storedLength(n)), crc(f.crc(n)))
                    + (e == null || !f.entryUsable(n) ? "  BAD ENTRY" : ""));
            }
        }
        InspectOutput.damage(out, problems, f.omittedProblems);
    }

    /** @return e.g. {@code -> #2 base.ckpt (lz4)}: where a PARENT block's content is. */
    private String parentNote(long n) {
        int src = chain.sourceOf(n);
        if (src < 0) {
            return "-> unresolved (ancestor missing or damaged)";
        }
        Encoding e = chain.file(src).encoding(n);
        return "-> #" + src + " " + chain.name(src) + " (" + (e == null ? "?" : name(e)) + ")";
    }

    public void json(JsonWriter j) {
        InspectOutput.beginJson(j, "index", f.name(), problems, f.omittedProblems);
        j.field("index_offset", f.indexOffset());
        j.field("index_crc_ok", f.indexCrcOk);
        InspectOutput.field(j, "block_size", f.geometryKnown() ? (long) f.blockBytes() : null);
        j.field("block_count", f.blockCount);
        j.field("from", from);
        j.field("count", count);
        j.name("index").beginArray();
        for (long n = from; n < from + count; n++) {
            Encoding e = f.encoding(n);
            j.beginObject(true);
            j.field("block", n);
            j.field("guest_address", f.geometryKnown() ? hex(n * f.blockBytes()) : null);
            j.field("encoding", e == null ? "unknown" : name(e));
            if (e == null || e == Encoding.ZERO || e == Encoding.PARENT) {
                j.field("storage_block", null).field("offset", null).field("file_offset", null)
                    .field("stored_length", 0).field("crc32c", null);
            } else {
                int sb = f.storageBlock(n);
                int off = f.payloadOffset(n);
                j.field("storage_block", sb).field("offset", off);
                InspectOutput.field(j, "file_offset", f.hasStorageBlock(sb) ? f.storageBlockOffset(sb) + off : null);
                j.field("stored_length", f.storedLength(n)).field("crc32c", crc(f.crc(n)));
            }
            int src = e == Encoding.PARENT ? chain.sourceOf(n) : 0;
            j.field("source_file", src < 0 ? null : chain.name(src));
            j.field("valid", e != null && f.entryUsable(n));
            j.endObject();
        }
        j.endArray();
        j.endObject();
    }

    static String name(Encoding e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
