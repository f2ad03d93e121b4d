package io.ckpt.tools.inspect;

import io.ckpt.tools.text.JsonWriter;

import io.ckpt.tools.text.Sizes;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import io.ckpt.format.Encoding;
import io.ckpt.format.IndexEntryDescriptor;

import static io.ckpt.tools.inspect.InspectOutput.crc;
import static io.ckpt.tools.inspect.InspectOutput.hex;
import static io.ckpt.tools.inspect.InspectOutput.kv;

/**
 * {@code inspect --block N} and {@code --page ADDRESS}: one page block's index entry, where its
 * content is (following PARENT entries through the chain), whether it decodes and matches its
 * CRC32C, and with {@code --hexdump} its bytes: the whole block, or only the 4 KiB page holding
 * the address. A block that does not decode is dumped as stored.
 *
 * <p>Thread-safety: single-threaded.
 */
public final class BlockView {
    private final Inspection f;
    private final ParentChain chain;
    private final BlockReader.Result r;
    /** Guest address of the page to show, or -1 for the whole block. */
    private final long page;
    private final boolean hexdump;
    private final List<Problem> problems;

    /**
     * @param page    the guest address of a page to show alone, or -1 for the whole block.
     */
    public BlockView(Inspection f, ParentChain chain, long block, long page, boolean hexdump) throws IOException {
        this.f = f;
        this.chain = chain;
        this.r = BlockReader.read(chain, block);
        this.page = page < 0 ? -1 : page / f.pageSize() * f.pageSize();
        this.hexdump = hexdump;
        List<Problem> all = new ArrayList<>(f.problems);
        if (r.source() < 0) {
            all.addAll(chain.problems());   // why the block is unresolved; other blocks' ancestors do not matter here
        }
        if (!r.ok() && !all.contains(r.problem())) {
            all.add(r.problem());
        }
        this.problems = all;
    }

    public List<Problem> problems() {
        return problems;
    }

    private long guest() {
        return r.block() * f.blockBytes();
    }

    public void text(PrintWriter out) {
        long n = r.block();
        int length = f.blockLength(n);
        kv(out, "checkpoint", f.name());
        kv(out, "status", InspectOutput.status(problems));
        kv(out, "block", Sizes.count(n) + " of " + Sizes.count(f.blockCount) + ", guest " + hex(guest()) + "-"
            + hex(guest() + length - 1) + " (" + Sizes.exact(length) + ")");
        if (page >= 0) {
            kv(out, "page", hex(page) + "-" + hex(page + f.pageSize() - 1) + " (page " + Sizes.count(page / f.pageSize())
                + " of the arena, " + Sizes.count((page - guest()) / f.pageSize()) + " of the block)");
        }
        kv(out, "index entry", entryText(f, n));
        if (f.encodingId(n) == Encoding.PARENT.id()) {
            kv(out, "resolved", r.source() < 0 ? "UNRESOLVED: an ancestor is missing or damaged"
                : "#" + r.source() + " " + chain.name(r.source()) + ": " + entryText(r.file(), n));
        }
        kv(out, "content", contentText());
        if (!hexdump) {
            InspectOutput.damage(out, problems, f.omittedProblems);
            return;
        }
        out.println();
        if (r.data() != null) {
            int from = page < 0 ? 0 : (int) (page - guest());
            Hexdump.dump(out, r.data(), from, page < 0 ? length : f.pageSize(), guest() + from);
        } else if (r.stored() != null) {
            long at = r.file().storageBlockOffset(r.file().storageBlock(n)) + r.file().payloadOffset(n);
            out.println("stored bytes of " + r.file().name() + " (they do not decode), at their file offsets:");
            Hexdump.dump(out, r.stored(), 0, r.stored().capacity(), at);
        } else {
            out.println("nothing to dump: the block could not be read");
        }
        InspectOutput.damage(out, problems, f.omittedProblems);
    }

    /** @return the index entry of block {@code n} in file {@code x}, in words. */
    private static String entryText(Inspection x, long n) {
        long at = x.indexOffset() + n * IndexEntryDescriptor.LENGTH;
        Encoding e = x.encoding(n);
        if (e == null) {
            return "at " + hex(at) + ": unknown encoding " + x.encodingId(n);
        }
        return switch (e) {
            case ZERO -> "at " + hex(at) + ": zero (all bytes zero, nothing stored)";
            case PARENT -> "at " + hex(at) + ": parent (unchanged since the parent checkpoint, nothing stored)";
            default -> {
                int sb = x.storageBlock(n);
                String fileOffset = x.hasStorageBlock(sb) ? " (file offset "
                    + hex(x.storageBlockOffset(sb) + x.payloadOffset(n)) + ")" : "";
                yield "at " + hex(at) + ": " + IndexView.name(e) + ", storage block " + sb + ", payload offset "
                    + x.payloadOffset(n) + fileOffset + ", " + Sizes.count(x.storedLength(n)) + " stored bytes, crc32c "
                    + crc(x.crc(n));
            }
        };
    }

    private String contentText() {
        if (r.data() == null) {
            return "NOT DECODED: " + (r.problem() == null ? "unreadable" : r.problem().message());
        }
        Inspection x = r.file();
        Encoding e = x.encoding(r.block());
        if (e == Encoding.ZERO) {
            return "all zero";
        }
        return r.ok() ? "decoded, crc32c matches" : "DECODED, BUT DAMAGED: " + r.problem().detail();
    }

    public void json(JsonWriter j) {
        long n = r.block();
        int length = f.blockLength(n);
        InspectOutput.beginJson(j, page < 0 ? "block" : "page", f.name(), problems, f.omittedProblems);
        j.field("block", n);
        j.field("block_length", length);
        j.field("guest_address", hex(guest()));
        j.field("page_address", page < 0 ? null : hex(page));
        Encoding e = f.encoding(n);
        j.field("encoding", e == null ? "unknown" : IndexView.name(e));
        j.field("source_file", r.source() < 0 ? null : chain.name(r.source()));
        Inspection x = r.file();
        Encoding se = x == null ? null : x.encoding(n);
        boolean stored = se != null && se.stored();
        j.field("source_encoding", se == null ? null : IndexView.name(se));
        InspectOutput.field(j, "storage_block", stored ? (long) x.storageBlock(n) : null);
        InspectOutput.field(j, "file_offset", stored && x.hasStorageBlock(x.storageBlock(n))
            ? x.storageBlockOffset(x.storageBlock(n)) + x.payloadOffset(n) : null);
        InspectOutput.field(j, "stored_length", stored ? (long) x.storedLength(n) : null);
        j.field("crc32c", stored ? crc(x.crc(n)) : null);
        j.field("decoded", r.data() != null);
        j.field("crc_ok", r.ok());
        if (hexdump) {
            if (r.data() != null) {
                int from = page < 0 ? 0 : (int) (page - guest());
                j.field("data_hex", Hexdump.hex(r.data(), from, page < 0 ? length : f.pageSize()));
                j.field("stored_hex", null);
            } else {
                j.field("data_hex", null);
                j.field("stored_hex", r.stored() == null ? null : Hexdump.hex(r.stored(), 0, r.stored().capacity()));
            }
        }
        j.endObject();
    }
}
