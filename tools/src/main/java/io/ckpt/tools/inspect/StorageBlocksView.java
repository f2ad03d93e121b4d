package io.ckpt.tools.inspect;

import io.ckpt.tools.text.JsonWriter;

import io.ckpt.tools.text.Format;

import io.ckpt.tools.text.Sizes;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import static io.ckpt.tools.inspect.InspectOutput.crc;
import static io.ckpt.tools.inspect.InspectOutput.hex;
import static io.ckpt.tools.inspect.InspectOutput.kv;

/**
 * {@code inspect --storage-blocks}: the reverse map. One row per storage block with its extent
 * (from the table), its fill (length / storage block size), its header's state, and the page
 * blocks its own on-disk reverse map names. Reads each storage block's 32-byte header and its
 * map, not its payloads.
 *
 * <p>Thread-safety: single-threaded.
 */
public final class StorageBlocksView {
    private static final String ROW = "%7s  %-10s  %11s  %6s  %7s  %-10s  %-5s  %s";

    private final Inspection f;
    private final List<StorageBlockReader.Info> infos = new ArrayList<>();
    private final List<Problem> problems;

    public StorageBlocksView(Inspection f) throws IOException {
        this.f = f;
        this.problems = new ArrayList<>(f.problems);
        try (StorageBlockReader reader = new StorageBlockReader(f)) {
            for (int sb = 0; sb < f.storageBlockCount(); sb++) {
                StorageBlockReader.Info info = reader.read(sb, false);
                infos.add(info);
                if (!info.ok() && problems.size() < TolerantReader.MAX_PROBLEMS) {
                    problems.add(info.problem());
                }
            }
        }
    }

    public List<Problem> problems() {
        return problems;
    }

    private double fill(StorageBlockReader.Info i) {
        return (double) i.length() / f.storageBlockSize();
    }

    public void text(PrintWriter out) {
        kv(out, "checkpoint", f.name());
        kv(out, "status", InspectOutput.status(problems));
        kv(out, "storage blocks", Sizes.count(f.storageBlockCount()) + " of " + Sizes.exact(f.storageBlockSize())
            + ", in [" + hex(f.dataStart()) + ", " + hex(f.indexOffset()) + ")");
        out.println();
        out.println(Format.of(ROW, "storage", "offset", "length", "fill", "entries", "map crc32c",
            "state", "page blocks (its reverse map)"));
        for (StorageBlockReader.Info i : infos) {
            out.println(Format.of(ROW, i.sb(), hex(i.fileOffset()), Sizes.count(i.length()),
                Format.of("%.1f%%", fill(i) * 100), Sizes.count(f.storageBlockEntries(i.sb())),
                crc(i.mapCrc()), i.ok() ? "ok" : "BAD", i.map() == null ? "-" : Ranges.text(i.map())).stripTrailing());
        }
        InspectOutput.damage(out, problems, f.omittedProblems);
    }

    public void json(JsonWriter j) {
        InspectOutput.beginJson(j, "storage_blocks", f.name(), problems, f.omittedProblems);
        j.field("storage_block_size", f.storageBlockSize());
        j.name("storage_blocks").beginArray();
        for (StorageBlockReader.Info i : infos) {
            j.beginObject(true);
            j.field("storage_block", i.sb());
            j.field("file_offset", i.fileOffset());
            j.field("length", i.length());
            j.name("fill").value(fill(i), 4);
            j.field("entries", f.storageBlockEntries(i.sb()));
            j.field("map_crc32c", crc(i.mapCrc()));
            j.field("ok", i.ok());
            j.name("blocks");
            if (i.map() == null) {
                j.value((String) null);
            } else {
                j.beginArray();
                for (int b : i.map()) {
                    j.value(Integer.toUnsignedLong(b));
                }
                j.endArray();
            }
            j.endObject();
        }
        j.endArray();
        j.endObject();
    }
}
