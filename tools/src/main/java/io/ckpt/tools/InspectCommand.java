package io.ckpt.tools;

import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;

import io.ckpt.Checkpoints;
import io.ckpt.format.CheckpointMetadata;
import io.ckpt.format.Encoding;
import io.ckpt.format.IndexEntryDescriptor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ckpt inspect FILE.ckpt [--index] [--json]}: the header in human units, a summary of
 * the index and storage blocks, and optionally one row per page block. Output depends only on
 * the file's bytes and name (no timing), so golden tests can freeze it.
 *
 * <p>Thread-safety: one invocation per instance.
 */
@Command(name = "inspect",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "Show a checkpoint's header, a summary of its blocks and, with --index, where every page block is stored.",
        "",
        "Reads and validates the header, trailer, index and storage table (their checksums "
            + "included), not the block payloads: use 'ckpt verify' for those. The output depends "
            + "only on the file, so it can be compared across runs.",
        ""},
    footerHeading = "%nExamples:%n",
    footer = {
        "  ckpt inspect vm.ckpt",
        "  ckpt inspect --index vm.ckpt | less",
        "  ckpt inspect --json --index vm.ckpt > vm.json"})
final class InspectCommand implements Callable<Integer> {
    /** Version of the {@code --json} document's layout; bump on incompatible changes. */
    static final int JSON_SCHEMA_VERSION = 1;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.ckpt", description = "The checkpoint to inspect.")
    Path file;

    @Option(names = "--index", description = "Also print one row per page block: guest address, encoding, "
        + "storage block, offset within it, file offset, stored length, CRC32C.")
    boolean index;

    @Option(names = "--json", description = "Print one JSON object (with \"schema_version\": "
        + JSON_SCHEMA_VERSION + ") instead of text.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        CheckpointMetadata meta = Checkpoints.inspect(file);
        CheckpointSummary sum = CheckpointSummary.of(meta);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            printJson(meta, sum, out);
        } else {
            printText(meta, sum, out);
        }
        return Exit.OK;
    }

    private void printText(CheckpointMetadata m, CheckpointSummary s, PrintWriter out) {
        kv(out, "checkpoint", String.valueOf(m.path().getFileName()));
        kv(out, "file size", Sizes.human(m.fileLength()) + " (" + Sizes.count(m.fileLength()) + " bytes)");
        kv(out, "uuid", m.fileUuid().toString());
        kv(out, "format version", m.majorVersion() + "." + m.minorVersion());
        kv(out, "page size", Sizes.exact(m.pageSize()));
        kv(out, "pages per block", m.pagesPerBlock() + " (" + Sizes.exact(m.blockBytes()) + " page blocks)");
        kv(out, "storage block", Sizes.exact(m.storageBlockSize()));
        kv(out, "codec", codec(m));
        kv(out, "flags", String.format(Locale.ROOT, "0x%02x", m.flags()));
        kv(out, "arena size", Sizes.human(m.arenaSize()) + " (" + Sizes.count(m.arenaSize()) + " bytes)");
        kv(out, "data length", Sizes.human(m.dataLength()) + " (" + Sizes.count(m.dataLength()) + " bytes)");
        kv(out, "created", created(m));
        kv(out, "parent", parent(m));
        out.println();
        kv(out, "page blocks", Sizes.count(s.blocks()));
        kv(out, "  zero", Sizes.count(s.zeroBlocks()) + " (" + Sizes.percent(s.zeroBlocks(), s.blocks()) + ")");
        kv(out, "  lz4", Sizes.count(s.lz4Blocks()) + " (" + Sizes.percent(s.lz4Blocks(), s.blocks()) + ")");
        kv(out, "  raw", Sizes.count(s.rawBlocks()) + " (" + Sizes.percent(s.rawBlocks(), s.blocks()) + ")");
        kv(out, "stored bytes", Sizes.human(s.storedBytes()) + " (" + Sizes.count(s.storedBytes())
            + " bytes of block payloads)");
        kv(out, "ratio", SaveCommand.ratio(m.arenaSize(), m.fileLength()) + " (arena size / file size)");
        kv(out, "storage blocks", Sizes.count(s.storageBlocks()) + ", mean fill "
            + String.format(Locale.ROOT, "%.1f%%", s.meanFill() * 100) + " of " + Sizes.exact(m.storageBlockSize()));
        kv(out, "index", "at " + hex(m.indexOffset()) + ", " + Sizes.count(m.blockCount() * IndexEntryDescriptor.LENGTH)
            + " bytes");
        kv(out, "storage table", "at " + hex(m.tableOffset()) + ", " + Sizes.count(m.table().capacity()) + " bytes");
        kv(out, "trailer", "at " + hex(m.trailerOffset()));
        if (index) {
            out.println();
            out.println(String.format(Locale.ROOT, "%10s  %-18s  %-8s  %13s  %10s  %-18s  %13s  %-10s",
                "block", "guest address", "encoding", "storage block", "offset", "file offset", "stored length",
                "crc32c").stripTrailing());
            ByteBuffer idx = m.index();
            for (long n = 0; n < m.blockCount(); n++) {
                Encoding e = IndexEntryDescriptor.encoding(idx, n);
                long guest = n * m.blockBytes();
                if (e == Encoding.ZERO) {
                    out.println(String.format(Locale.ROOT, "%10d  0x%016x  %-8s  %13s  %10s  %-18s  %13d  %-10s",
                        n, guest, "zero", "-", "-", "-", 0, "-").stripTrailing());
                } else {
                    int sb = IndexEntryDescriptor.storageBlock(idx, n);
                    int off = IndexEntryDescriptor.payloadOffset(idx, n);
                    out.println(String.format(Locale.ROOT, "%10d  0x%016x  %-8s  %13d  %10d  0x%016x  %13d  0x%08x",
                        n, guest, name(e), sb, off, m.storageBlockOffset(sb) + off,
                        IndexEntryDescriptor.storedLength(idx, n), IndexEntryDescriptor.crc(idx, n)));
                }
            }
        }
    }

    private void printJson(CheckpointMetadata m, CheckpointSummary s, PrintWriter out) {
        JsonWriter j = new JsonWriter(out);
        j.beginObject();
        j.field("schema_version", JSON_SCHEMA_VERSION);
        j.field("file", String.valueOf(m.path().getFileName()));
        j.field("file_size", m.fileLength());
        j.field("uuid", m.fileUuid().toString());
        j.field("format_version", m.majorVersion() + "." + m.minorVersion());
        j.field("page_size", m.pageSize());
        j.field("pages_per_block", m.pagesPerBlock());
        j.field("block_size", m.blockBytes());
        j.field("storage_block_size", m.storageBlockSize());
        j.field("codec", codec(m));
        j.field("flags", m.flags());
        j.field("arena_size", m.arenaSize());
        j.field("data_length", m.dataLength());
        j.field("created", created(m));
        j.field("created_millis", m.createdMillis());
        UUID parent = m.parentUuid();
        j.field("parent", parent == null ? null : parent.toString());
        j.field("index_offset", m.indexOffset());
        j.field("table_offset", m.tableOffset());
        j.field("trailer_offset", m.trailerOffset());
        j.name("summary").beginObject();
        j.field("blocks", s.blocks());
        j.name("blocks_by_encoding").beginObject(true)
            .field("zero", s.zeroBlocks()).field("lz4", s.lz4Blocks()).field("raw", s.rawBlocks()).endObject();
        j.field("stored_bytes", s.storedBytes());
        j.name("ratio").value((double) m.arenaSize() / m.fileLength(), 4);
        j.field("storage_blocks", s.storageBlocks());
        j.field("storage_bytes", s.storageBytes());
        j.name("mean_fill").value(s.meanFill(), 4);
        j.endObject();
        if (index) {
            j.name("index").beginArray();
            ByteBuffer idx = m.index();
            for (long n = 0; n < m.blockCount(); n++) {
                Encoding e = IndexEntryDescriptor.encoding(idx, n);
                j.beginObject(true);
                j.field("block", n);
                j.field("guest_address", String.format(Locale.ROOT, "0x%x", n * m.blockBytes()));
                j.field("encoding", name(e));
                if (e == Encoding.ZERO) {
                    j.field("storage_block", null).field("offset", null).field("file_offset", null)
                        .field("stored_length", 0).field("crc32c", null);
                } else {
                    int sb = IndexEntryDescriptor.storageBlock(idx, n);
                    int off = IndexEntryDescriptor.payloadOffset(idx, n);
                    j.field("storage_block", sb).field("offset", off).field("file_offset", m.storageBlockOffset(sb) + off)
                        .field("stored_length", IndexEntryDescriptor.storedLength(idx, n))
                        .field("crc32c", String.format(Locale.ROOT, "0x%08x", IndexEntryDescriptor.crc(idx, n)));
                }
                j.endObject();
            }
            j.endArray();
        }
        j.endObject();
        j.flush();
    }

    private static void kv(PrintWriter out, String key, String value) {
        out.println(String.format(Locale.ROOT, "%-17s %s", key, value));
    }

    private static String codec(CheckpointMetadata m) {
        return m.codec().name().toLowerCase(Locale.ROOT);
    }

    private static String name(Encoding e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    private static String created(CheckpointMetadata m) {
        return Instant.ofEpochMilli(m.createdMillis()).toString();
    }

    private static String parent(CheckpointMetadata m) {
        UUID p = m.parentUuid();
        return p == null ? "none" : p.toString();
    }

    private static String hex(long v) {
        return String.format(Locale.ROOT, "0x%x", v);
    }
}
