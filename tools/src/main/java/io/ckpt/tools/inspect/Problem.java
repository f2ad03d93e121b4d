package io.ckpt.tools.inspect;

import io.ckpt.tools.text.JsonWriter;

import io.ckpt.tools.text.Format;


import io.ckpt.format.CheckpointException;
import io.ckpt.format.CorruptCheckpointException;

/**
 * One damaged structure found while inspecting a checkpoint: its name ({@code "index"},
 * {@code "storage block 3"}, {@code "block 17"}), its file offset, and what is wrong. Its
 * {@link #message()} reads exactly like the engine's {@link CorruptCheckpointException} for
 * the same damage, so {@code ckpt inspect} and {@code ckpt verify} name it the same way.
 *
 * <p>Thread-safety: immutable.
 *
 * @param structure  the damaged structure.
 * @param fileOffset its file offset, or -1 when it has none (the parent chain).
 * @param detail     what is wrong, with expected and found values.
 */
public record Problem(String structure, long fileOffset, String detail) {

    /** @return the problem an engine exception reports. */
    static Problem of(CheckpointException e) {
        if (e instanceof CorruptCheckpointException c) {
            String prefix = c.structure() + (c.fileOffset() >= 0 ? " at offset 0x" + Long.toHexString(c.fileOffset()) : "")
                + ": ";
            String m = c.getMessage();
            return new Problem(c.structure(), c.fileOffset(), m.startsWith(prefix) ? m.substring(prefix.length()) : m);
        }
        return new Problem("checkpoint", -1, e.getMessage());
    }

    /** @return e.g. {@code index at offset 0x19000: checksum mismatch: expected 0x.., found 0x..}. */
    public String message() {
        return structure + (fileOffset >= 0 ? " at offset 0x" + Long.toHexString(fileOffset) : "") + ": " + detail;
    }

    /** @return the offset as {@code 0x..}, or {@code -} when there is none. */
    String hexOffset() {
        return fileOffset >= 0 ? Format.of("0x%x", fileOffset) : "-";
    }

    /** Writes this problem as one inline JSON object. */
    void json(JsonWriter j) {
        j.beginObject(true);
        j.field("structure", structure);
        if (fileOffset >= 0) {
            j.field("file_offset", fileOffset);
        } else {
            j.field("file_offset", null);
        }
        j.field("detail", detail);
        j.field("message", message());
        j.endObject();
    }
}
