package io.ckpt.tools.inspect;

import io.ckpt.tools.text.JsonWriter;

import io.ckpt.tools.text.Format;

import io.ckpt.tools.text.Sizes;

import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.ckpt.format.HeaderDescriptor;
import io.ckpt.format.ParentReferenceDescriptor;
import io.ckpt.format.TrailerDescriptor;

import static io.ckpt.tools.inspect.InspectOutput.crc;
import static io.ckpt.tools.inspect.InspectOutput.hex;
import static io.ckpt.tools.inspect.InspectOutput.kv;

/**
 * The default {@code inspect} view: header fields in human units, where every structure lies
 * and whether its checksum matches, the parent chain, page blocks by encoding, the compression
 * histogram, zero fraction, storage block fill and the hint section. Reads only metadata (the
 * header, trailer, index, table and hint section; for an incremental checkpoint, those of its
 * ancestors), never block data, so it is fast on any file size.
 *
 * <p>Thread-safety: single-threaded.
 */
public final class SummaryView {
    /** Width of the longest histogram bar. */
    static final int BAR = 40;
    /** Hint section entries listed. */
    static final int HINT_SHOWN = 16;

    private final Inspection f;
    private final ParentChain chain;
    private final CheckpointSummary s;
    private final List<Problem> problems;
    /** Storage blocks found by walking the data region when the index cannot be located, else null. */
    private final List<StorageBlockWalk.Found> walk;

    public SummaryView(Inspection f, ParentChain chain) throws java.io.IOException {
        this.f = f;
        this.walk = !f.layoutValid && f.geometryKnown() ? StorageBlockWalk.walk(f) : null;
        this.chain = chain;
        this.s = CheckpointSummary.of(f);
        List<Problem> all = new ArrayList<>(f.problems);
        all.addAll(chain.problems());
        this.problems = all;
    }

    /** @return every problem: the file's, then its chain's. */
    public List<Problem> problems() {
        return problems;
    }

    /** One row of the layout table: a structure of the file. */
    private record Row(String structure, long offset, long length, Integer crc, boolean ok, String status) {
    }

    /** @return "zstd" for a ZSTD file, whose compressed blocks the summary counts where LZ4 ones are counted; else "lz4". */
    private String compressed() {
        return f.header != null && HeaderDescriptor.codec(f.header) == io.ckpt.format.Codec.ZSTD.id() ? "zstd" : "lz4";
    }

    /** @return the file's structures in file order, each with its extent, checksum and state. */
    private List<Row> layout() {
        List<Row> rows = new ArrayList<>();
        String headerStatus = f.header == null ? problemDetail("header", "truncated")
            : f.headerValid ? "ok (" + HeaderDescriptor.LENGTH + "-byte header struct, then reserved)"
            : problemDetail("header", "damaged");
        rows.add(new Row("header region", 0, Math.min(HeaderDescriptor.REGION_LENGTH, f.fileLength),
            f.header == null ? null : HeaderDescriptor.headerCrc(f.header), f.headerValid, headerStatus));
        if (f.header != null && f.incremental()) {
            boolean ok = f.parentName != null;
            rows.add(new Row("parent reference", ParentReferenceDescriptor.OFFSET,
                ok ? ParentReferenceDescriptor.NAME_OFFSET - ParentReferenceDescriptor.OFFSET + utf8Length(f.parentName) : -1,
                null, ok, ok ? "ok (in the header region): " + f.parentName : problemDetail("parent reference", "damaged")));
        }
        long dataStart = f.dataStart();
        int dictionary = f.header != null && f.headerValid ? io.ckpt.format.DictionaryDescriptor.length(f.header) : 0;
        if (dictionary > 0) {
            boolean ok = f.problems.stream().noneMatch(p -> p.structure().equals("dictionary"));
            rows.add(new Row("dictionary", io.ckpt.format.DictionaryDescriptor.OFFSET, dictionary,
                HeaderDescriptor.dictionaryCrc(f.header), ok, ok ? "ok (zstd dictionary of the ZSTD blocks, format 1.1)"
                    : problemDetail("dictionary", "checksum mismatch")));
        }
        if (f.layoutValid) {
            long dataEnd = f.indexOffset();
            rows.add(new Row("storage blocks", dataStart, dataEnd - dataStart, null,
                true, InspectOutput.count(f.storageBlockCount(), "storage block") + " with padding; payloads not read here"));
            rows.add(new Row("index", f.indexOffset(), f.index.capacity(), TrailerDescriptor.indexCrc(f.trailer),
                f.indexCrcOk, (f.indexCrcOk ? "ok" : problemDetail("index", "checksum mismatch"))
                    + entryProblems("index entry ")));
            rows.add(new Row("storage table", f.tableOffset(), f.table.capacity(), TrailerDescriptor.tableCrc(f.trailer),
                f.tableCrcOk, (f.tableCrcOk ? "ok (covers the hint section too)"
                    : problemDetail("storage table", "checksum mismatch")) + entryProblems("storage table entry ")));
            rows.add(new Row("hint section", f.hintOffset(), f.hint.capacity(), null, f.tableCrcOk,
                InspectOutput.count(f.hintBlocks(), "block") + entryProblems("hint section")));
        } else if (f.trailer != null) {
            rows.add(new Row("index", -1, -1, null, false, TrailerDescriptor.commitMagic(f.trailer) == TrailerDescriptor.COMMIT_MAGIC
                ? "not located: the trailer's layout is inconsistent" : "not located: the file has no trailer"));
        }
        if (f.trailer != null) {
            rows.add(new Row("trailer", f.trailerOffset(), TrailerDescriptor.LENGTH, TrailerDescriptor.trailerCrc(f.trailer),
                f.trailerValid, f.trailerValid ? "ok, committed" : problemDetail("trailer", "damaged")));
        } else {
            rows.add(new Row("trailer", -1, -1, null, false, problemDetail("trailer", "missing")));
        }
        return rows;
    }

    private static int utf8Length(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    /** @return the detail of the first problem of {@code structure}, or {@code fallback}. */
    private String problemDetail(String structure, String fallback) {
        for (Problem p : f.problems) {
            if (p.structure().equals(structure)) {
                return "DAMAGED: " + p.detail();
            }
        }
        return "DAMAGED: " + fallback;
    }

    /** @return {@code ; 3 bad entries (see damage)} for problems of structures named {@code prefix...}, or empty. */
    private String entryProblems(String prefix) {
        long n = f.problems.stream().filter(p -> p.structure().startsWith(prefix)).count();
        return n == 0 ? "" : "; " + n + (n == 1 ? " bad entry" : " bad entries") + " (see damage)";
    }

    // ---------------------------------------------------------------- text

    public void text(PrintWriter out) {
        kv(out, "checkpoint", f.name());
        kv(out, "status", InspectOutput.status(problems));
        kv(out, "file size", InspectOutput.bytes(f.fileLength));
        if (f.header != null) {
            headerText(out);
        }
        out.println();
        layoutText(out);
        if (f.trailer != null && (!f.trailerValid || !f.layoutValid)) {
            trailerText(out);
        }
        if (f.header != null && f.headerValid && f.incremental()) {
            out.println();
            chainText(out);
        }
        if (s != null) {
            out.println();
            blocksText(out);
        } else {
            out.println();
            kv(out, "page blocks", "unknown: the index could not be located");
        }
        if (walk != null) {
            walkText(out);
        }
        InspectOutput.damage(out, problems, f.omittedProblems);
    }

    private void headerText(PrintWriter out) {
        if (!f.headerValid) {
            kv(out, "header fields", "UNVERIFIED: the header is damaged; the values below may be wrong");
        }
        kv(out, "uuid", f.fileUuid().toString());
        kv(out, "format version", HeaderDescriptor.majorVersion(f.header) + "." + HeaderDescriptor.minorVersion(f.header));
        kv(out, "created", created());
        kv(out, "page size", Sizes.exact(f.pageSize()));
        kv(out, "pages per block", f.pagesPerBlock() + " (" + Sizes.exact((long) f.pageSize() * f.pagesPerBlock())
            + " page blocks)");
        kv(out, "storage block", Sizes.exact(Integer.toUnsignedLong(f.storageBlockSize())));
        kv(out, "codec", f.codecName());
        kv(out, "flags", Format.of("0x%02x", HeaderDescriptor.flags(f.header))
            + (f.incremental() ? " (incremental)" : ""));
        kv(out, "arena size", InspectOutput.bytes(f.arenaSize()));
        kv(out, "data length", InspectOutput.bytes(f.dataLength()));
        UUID parent = f.parentUuid();
        kv(out, "parent", parent == null ? "none (full checkpoint)"
            : parent + " in " + (f.parentName == null ? "? (parent reference damaged)" : f.parentName));
    }

    private void layoutText(PrintWriter out) {
        out.println(Format.of("%-17s %-10s %11s  %-10s  %s", "structure", "offset", "bytes", "crc32c",
            "state"));
        for (Row r : layout()) {
            out.println(Format.of("%-17s %-10s %11s  %-10s  %s", r.structure(),
                r.offset() < 0 ? "-" : hex(r.offset()), r.length() < 0 ? "-" : Sizes.count(r.length()),
                r.crc() == null ? "-" : crc(r.crc()), r.status()).stripTrailing());
        }
    }

    /** The trailer's raw fields, when they do not check out (otherwise the layout table shows them). */
    private void trailerText(PrintWriter out) {
        ByteBuffer t = f.trailer;
        out.println();
        if (TrailerDescriptor.commitMagic(t) != TrailerDescriptor.COMMIT_MAGIC) {
            kv(out, "trailer fields", "not shown: without the commit magic the last 64 bytes are not a trailer"
                + " (the file is truncated or was never completed)");
            return;
        }
        kv(out, "trailer fields", "as found at " + hex(f.trailerOffset()) + (f.trailerValid ? "" : " (UNVERIFIED)"));
        kv(out, "  index", "offset " + hex(TrailerDescriptor.indexOffset(t)) + ", length "
            + Sizes.count(TrailerDescriptor.indexLength(t)) + ", crc32c " + crc(TrailerDescriptor.indexCrc(t)));
        kv(out, "  storage table", "offset " + hex(TrailerDescriptor.tableOffset(t)) + ", length "
            + Sizes.count(TrailerDescriptor.tableLength(t)) + ", crc32c " + crc(TrailerDescriptor.tableCrc(t)));
        kv(out, "  hint section", "offset " + hex(TrailerDescriptor.hintOffset(t)) + ", length "
            + Sizes.count(TrailerDescriptor.hintLength(t)));
        kv(out, "  checksums", "algorithm " + TrailerDescriptor.checksumAlgorithm(t)
            + (TrailerDescriptor.checksumAlgorithm(t) == TrailerDescriptor.CHECKSUM_CRC32C ? " (crc32c)" : " (unknown)")
            + ", trailer crc32c " + crc(TrailerDescriptor.trailerCrc(t)));
        kv(out, "  commit magic", magic(TrailerDescriptor.commitMagic(t)));
    }

    /** @return a 4-byte little-endian magic as text, e.g. {@code "DONE" (0x454e4f44)}. */
    static String magic(int v) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < 4; i++) {
            int c = (v >>> (8 * i)) & 0xFF;
            b.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : Format.of("\\x%02x", c));
        }
        return b.append("\" (").append(crc(v)).append(')').toString();
    }

    private void chainText(PrintWriter out) {
        List<ParentChain.Link> links = chain.links();
        kv(out, "parent chain", (links.size() + 1) + " files, newest first"
            + (chain.unresolved() > 0 ? "; " + Sizes.count(chain.unresolved()) + " blocks unresolved" : ""));
        out.println(Format.of("  #0 %-20s %s  this file: %s PARENT, holds %s", f.name(),
            f.fileUuid(), Sizes.count(chain.parentEntries(0)), Sizes.count(chain.resolves(0))));
        for (ParentChain.Link l : links) {
            String state = switch (l.status()) {
                case "ok" -> "found, uuid matches: " + Sizes.count(chain.parentEntries(l.depth())) + " PARENT, holds "
                    + Sizes.count(chain.resolves(l.depth()));
                case "not found" -> "NOT FOUND";
                case "uuid mismatch" -> "found, UUID MISMATCH: it is " + l.file().fileUuid();
                case "damaged" -> "found, uuid matches, DAMAGED" + (l.usable() ? ": holds "
                    + Sizes.count(chain.resolves(l.depth())) : "");
                default -> l.status().toUpperCase(Locale.ROOT);
            };
            out.println(Format.of("  #%d %-20s %s  %s", l.depth(), l.name() == null ? "?" : l.name(),
                l.expected(), state));
        }
    }

    private void blocksText(PrintWriter out) {
        String blockSize = s.geometryKnown ? " of " + Sizes.exact(f.blockBytes()) : "";
        kv(out, "page blocks", Sizes.count(s.blocks) + blockSize
            + (f.indexCrcOk && f.tableCrcOk ? "" : " (UNVERIFIED: counted from a damaged index or table)"));
        kv(out, "  zero", Sizes.count(s.zeroBlocks) + " (" + Sizes.percent(s.zeroBlocks, s.blocks) + ")");
        kv(out, "  raw", Sizes.count(s.rawBlocks) + " (" + Sizes.percent(s.rawBlocks, s.blocks) + ")");
        kv(out, "  " + compressed(), Sizes.count(s.lz4Blocks) + " (" + Sizes.percent(s.lz4Blocks, s.blocks) + ")");
        kv(out, "  parent", Sizes.count(s.parentBlocks) + " (" + Sizes.percent(s.parentBlocks, s.blocks) + ")");
        if (s.unknownBlocks > 0) {
            kv(out, "  unknown", Sizes.count(s.unknownBlocks) + " (damaged entries)");
        }
        if (s.geometryKnown) {
            if (f.incremental() && chain.unresolved() == 0) {
                kv(out, "zero fraction", Sizes.percent(chain.zeroBytes(), f.arenaSize()) + " of the arena through the chain ("
                    + Sizes.human(chain.zeroBytes()) + " of " + Sizes.human(f.arenaSize()) + "); this file's own ZERO entries "
                    + Sizes.percent(s.zeroBytes, f.arenaSize()));
            } else {
                kv(out, "zero fraction", Sizes.percent(s.zeroBytes, f.arenaSize()) + " of the arena ("
                    + Sizes.human(s.zeroBytes) + " of " + Sizes.human(f.arenaSize()) + ")");
            }
            kv(out, "stored bytes", s.storedBytes == 0 ? "none: no block is stored in this file"
                : Sizes.human(s.storedBytes) + " (" + Sizes.count(s.storedBytes) + " bytes of payloads for "
                    + Sizes.human(s.storedBlockBytes) + " of non-zero blocks, "
                    + Sizes.ratio(s.storedBlockBytes, s.storedBytes) + ")");
            kv(out, "ratio", Sizes.ratio(f.arenaSize(), f.fileLength) + " (arena size / file size)");
            histogramText(out);
            kv(out, "storage blocks", Sizes.count(s.storageBlocks) + " of " + Sizes.exact(s.storageBlockSize));
            kv(out, "  fill", Format.of("mean %.1f%%, min %.1f%%, max %.1f%% (length / storage block size)",
                s.meanFill() * 100, s.minFill() * 100, s.maxFill() * 100));
        } else {
            kv(out, "stored bytes", Sizes.human(s.storedBytes) + " (" + Sizes.count(s.storedBytes) + " bytes of payloads)");
            kv(out, "storage blocks", Sizes.count(s.storageBlocks));
        }
        kv(out, "hint section", hintText());
    }

    /** Storage blocks found without the index, with the page blocks their reverse maps name. */
    private void walkText(PrintWriter out) {
        kv(out, "storage blocks", InspectOutput.count(walk.size(), "storage block") + " found by walking from "
            + hex(HeaderDescriptor.REGION_LENGTH) + " without the index; their page blocks, from their own maps:");
        for (int i = 0; i < walk.size() && i < InspectOutput.TEXT_PROBLEMS; i++) {
            StorageBlockWalk.Found w = walk.get(i);
            out.println(Format.of("  %-10s %11s bytes, sequence %d, %s", hex(w.fileOffset()),
                Sizes.count(w.length()), w.sequence(), w.truncated() ? "TRUNCATED: the file ends at " + hex(f.fileLength)
                    : (w.mapOk() ? "map ok" : "map CHECKSUM MISMATCH") + ": blocks " + Ranges.text(w.map())));
        }
        if (walk.size() > InspectOutput.TEXT_PROBLEMS) {
            out.println("  ... and " + Sizes.count(walk.size() - InspectOutput.TEXT_PROBLEMS) + " more");
        }
    }

    private void histogramText(PrintWriter out) {
        kv(out, "compression", "page blocks by stored length / block length");
        long max = Math.max(Math.max(s.rawBlocks, s.zeroBlocks), s.parentBlocks);
        for (long c : s.lz4Histogram) {
            max = Math.max(max, c);
        }
        for (int i = 0; i < CheckpointSummary.BUCKETS; i++) {
            bar(out, compressed() + " " + CheckpointSummary.bucketLabel(i), s.lz4Histogram[i], max);
        }
        bar(out, "raw", s.rawBlocks, max);
        bar(out, "zero", s.zeroBlocks, max);
        bar(out, "parent", s.parentBlocks, max);
    }

    private static void bar(PrintWriter out, String label, long count, long max) {
        int width = max == 0 ? 0 : (int) Math.max(count > 0 ? 1 : 0, Math.round((double) count * BAR / max));
        out.println(Format.of("  %-13s %11s  %s", label, Sizes.count(count), "#".repeat(width))
            .stripTrailing());
    }

    private String hintText() {
        int n = f.hintBlocks();
        if (n == 0) {
            return "empty";
        }
        StringBuilder b = new StringBuilder(Sizes.count(n)).append(n == 1 ? " block: " : " blocks: ");
        for (int i = 0; i < n && i < HINT_SHOWN; i++) {
            b.append(i == 0 ? "" : ", ").append(f.hintBlock(i));
        }
        if (n > HINT_SHOWN) {
            b.append(", ... (").append(Sizes.count(n - HINT_SHOWN)).append(" more)");
        }
        return b.toString();
    }

    private String created() {
        return Instant.ofEpochMilli(HeaderDescriptor.createdMillis(f.header)).toString();
    }

    // ---------------------------------------------------------------- JSON

    public void json(JsonWriter j) {
        InspectOutput.beginJson(j, "summary", f.name(), problems, f.omittedProblems);
        j.field("file_size", f.fileLength);
        boolean h = f.header != null;
        j.field("header_valid", f.headerValid);
        j.field("uuid", h ? f.fileUuid().toString() : null);
        j.field("format_version", h ? HeaderDescriptor.majorVersion(f.header) + "." + HeaderDescriptor.minorVersion(f.header)
            : null);
        InspectOutput.field(j, "page_size", h ? (long) f.pageSize() : null);
        InspectOutput.field(j, "pages_per_block", h ? (long) f.pagesPerBlock() : null);
        InspectOutput.field(j, "block_size", h ? (long) f.pageSize() * f.pagesPerBlock() : null);
        InspectOutput.field(j, "storage_block_size", h ? Integer.toUnsignedLong(f.storageBlockSize()) : null);
        j.field("codec", h ? f.codecName() : null);
        InspectOutput.field(j, "flags", h ? (long) HeaderDescriptor.flags(f.header) : null);
        InspectOutput.field(j, "arena_size", h ? f.arenaSize() : null);
        InspectOutput.field(j, "data_length", h ? f.dataLength() : null);
        j.field("created", h ? created() : null);
        InspectOutput.field(j, "created_millis", h ? HeaderDescriptor.createdMillis(f.header) : null);
        UUID parent = h ? f.parentUuid() : null;
        j.field("parent", parent == null ? null : parent.toString());
        j.field("parent_name", f.parentName);
        InspectOutput.field(j, "index_offset", f.layoutValid ? f.indexOffset() : null);
        InspectOutput.field(j, "table_offset", f.layoutValid ? f.tableOffset() : null);
        InspectOutput.field(j, "trailer_offset", f.trailer != null ? f.trailerOffset() : null);
        j.name("trailer");
        if (f.trailer == null) {
            j.value((String) null);
        } else {
            ByteBuffer t = f.trailer;
            j.beginObject(true);
            j.field("valid", f.trailerValid);
            j.field("index_offset", TrailerDescriptor.indexOffset(t)).field("index_length", TrailerDescriptor.indexLength(t));
            j.field("table_offset", TrailerDescriptor.tableOffset(t)).field("table_length", TrailerDescriptor.tableLength(t));
            j.field("hint_offset", TrailerDescriptor.hintOffset(t)).field("hint_length", TrailerDescriptor.hintLength(t));
            j.field("checksum_algorithm", TrailerDescriptor.checksumAlgorithm(t));
            j.field("index_crc32c", crc(TrailerDescriptor.indexCrc(t)));
            j.field("table_crc32c", crc(TrailerDescriptor.tableCrc(t)));
            j.field("trailer_crc32c", crc(TrailerDescriptor.trailerCrc(t)));
            j.field("commit_magic", crc(TrailerDescriptor.commitMagic(t)));
            j.endObject();
        }
        j.name("layout").beginArray();
        for (Row r : layout()) {
            j.beginObject(true);
            j.field("structure", r.structure());
            InspectOutput.field(j, "offset", r.offset() < 0 ? null : r.offset());
            InspectOutput.field(j, "length", r.length() < 0 ? null : r.length());
            j.field("crc32c", r.crc() == null ? null : crc(r.crc()));
            j.field("ok", r.ok());
            j.field("state", r.status());
            j.endObject();
        }
        j.endArray();
        chainJson(j);
        summaryJson(j);
        j.name("salvage");
        if (walk == null) {
            j.value((String) null);
        } else {
            j.beginArray();
            for (StorageBlockWalk.Found w : walk) {
                j.beginObject(true).field("file_offset", w.fileOffset()).field("length", w.length())
                    .field("sequence", w.sequence()).field("truncated", w.truncated()).field("map_ok", w.mapOk());
                j.name("blocks");
                if (w.truncated()) {
                    j.value((String) null);
                } else {
                    j.beginArray();
                    for (int b : w.map()) {
                        j.value(Integer.toUnsignedLong(b));
                    }
                    j.endArray();
                }
                j.endObject();
            }
            j.endArray();
        }
        j.name("hint");
        if (f.hint == null) {
            j.value((String) null);
        } else {
            j.beginObject(true);
            j.field("blocks", f.hintBlocks());
            j.name("first").beginArray();
            for (int i = 0; i < f.hintBlocks() && i < HINT_SHOWN; i++) {
                j.value(f.hintBlock(i));
            }
            j.endArray();
            j.endObject();
        }
        j.endObject();
    }

    private void chainJson(JsonWriter j) {
        j.name("chain").beginArray();
        for (ParentChain.Link l : chain.links()) {
            j.beginObject(true);
            j.field("depth", l.depth());
            j.field("file", l.name());
            j.field("uuid", l.expected().toString());
            j.field("found", l.found());
            j.field("matches", l.matches());
            j.field("status", l.status());
            j.field("parent_blocks", chain.parentEntries(l.depth()));
            j.field("resolves_blocks", chain.resolves(l.depth()));
            j.endObject();
        }
        j.endArray();
        j.field("unresolved_blocks", chain.unresolved());
        InspectOutput.field(j, "chain_zero_bytes", f.geometryKnown() && chain.unresolved() == 0 ? chain.zeroBytes() : null);
    }

    private void summaryJson(JsonWriter j) {
        j.name("summary");
        if (s == null) {
            j.value((String) null);
            return;
        }
        j.beginObject();
        j.field("blocks", s.blocks);
        j.name("blocks_by_encoding").beginObject(true)
            .field("zero", s.zeroBlocks).field("raw", s.rawBlocks)
            .field("lz4", compressed().equals("lz4") ? s.lz4Blocks : 0)
            .field("zstd", compressed().equals("zstd") ? s.lz4Blocks : 0)
            .field("parent", s.parentBlocks).field("unknown", s.unknownBlocks).endObject();
        j.field("stored_bytes", s.storedBytes);
        boolean g = s.geometryKnown;
        InspectOutput.field(j, "stored_block_bytes", g ? s.storedBlockBytes : null);
        j.name("ratio").value(g ? (double) f.arenaSize() / f.fileLength : Double.NaN, 4);
        j.name("stored_ratio").value(g && s.storedBytes > 0 ? (double) s.storedBlockBytes / s.storedBytes : Double.NaN, 4);
        InspectOutput.field(j, "zero_bytes", g ? s.zeroBytes : null);
        j.name("zero_fraction").value(g ? (double) s.zeroBytes / f.arenaSize() : Double.NaN, 4);
        j.name("compression_histogram");
        if (g) {
            j.beginArray();
            for (int i = 0; i < CheckpointSummary.BUCKETS; i++) {
                j.beginObject(true).field("bucket", compressed() + " " + CheckpointSummary.bucketLabel(i))
                    .field("blocks", s.lz4Histogram[i]).endObject();
            }
            j.beginObject(true).field("bucket", "raw").field("blocks", s.rawBlocks).endObject();
            j.beginObject(true).field("bucket", "zero").field("blocks", s.zeroBlocks).endObject();
            j.beginObject(true).field("bucket", "parent").field("blocks", s.parentBlocks).endObject();
            j.endArray();
        } else {
            j.value((String) null);
        }
        j.field("storage_blocks", s.storageBlocks);
        j.field("storage_bytes", s.storageBytes);
        j.name("mean_fill").value(g ? s.meanFill() : Double.NaN, 4);
        j.name("min_fill").value(g ? s.minFill() : Double.NaN, 4);
        j.name("max_fill").value(g ? s.maxFill() : Double.NaN, 4);
        j.endObject();
    }
}
