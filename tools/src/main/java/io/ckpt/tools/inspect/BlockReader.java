package io.ckpt.tools.inspect;

import io.ckpt.tools.text.Format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

import io.ckpt.codec.BlockDecoder;
import io.ckpt.format.CorruptCheckpointException;
import io.ckpt.format.Encoding;
import io.ckpt.format.IndexEntryDescriptor;

/**
 * Decodes one page block for {@code inspect --block} and {@code --page}: follows PARENT
 * entries to the file of the chain that holds the block, reads only that block's payload,
 * decodes it and checks its CRC32C. A block whose checksum fails keeps its decoded bytes, and
 * one that does not decode its stored bytes, so either can still be dumped.
 *
 * <p>Thread-safety: stateless.
 */
public final class BlockReader {
    /**
     * One page block, decoded or not.
     *
     * @param block   its number.
     * @param source  chain position of the file holding it (0 = the inspected file), or -1 if unresolved.
     * @param file    that file, or null.
     * @param data    its decoded bytes (block length, from index 0; wrong if the checksum failed), or null
     *                if it could not be decoded.
     * @param stored  its stored payload as read (RAW and LZ4 only), or null.
     * @param problem why it could not be decoded or checked, or null.
     */
    record Result(long block, int source, Inspection file, ByteBuffer data, ByteBuffer stored, Problem problem) {
        boolean ok() {
            return problem == null;
        }
    }

    private BlockReader() {
    }

    /** Reads page block {@code block} of {@code chain}'s head, which must have a known geometry and index. */
    static Result read(ParentChain chain, long block) throws IOException {
        int source = chain.sourceOf(block);
        if (source < 0) {
            return new Result(block, -1, null, null, null, new Problem("block " + block, -1,
                "its content is in an ancestor that is missing or damaged (see the parent chain)"));
        }
        Inspection f = chain.file(source);
        int length = f.blockLength(block);
        Encoding e = f.encoding(block);
        if (!f.entryUsable(block)) {
            long at = f.indexOffset() + block * IndexEntryDescriptor.LENGTH;
            return new Result(block, source, f, null, null, new Problem("index entry " + block, at,
                e == null ? "unknown encoding " + f.encodingId(block) : "does not locate a payload inside its storage block"
                    + " (storage block " + f.storageBlock(block) + ", offset " + f.payloadOffset(block) + ", length "
                    + f.storedLength(block) + ")"));
        }
        ByteBuffer data = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        if (e == Encoding.ZERO) {
            return new Result(block, source, f, data, null, null);
        }
        long at = f.storageBlockOffset(f.storageBlock(block)) + f.payloadOffset(block);
        ByteBuffer stored;
        try (io.ckpt.store.CheckpointReader ch = f.open()) {
            stored = TolerantReader.readFully(ch, at, f.storedLength(block));
        }
        BlockDecoder decoder = new BlockDecoder();
        try {
            // f.meta (the engine's view, with the dictionary) is null for a damaged file: ZSTD
            // blocks of such a file are then reported undecodable rather than guessed at.
            decoder.decode(e, stored, 0, stored.capacity(), data, 0, length, false, 0, block, at, f.meta);
        } catch (CorruptCheckpointException x) {
            return new Result(block, source, f, null, stored, Problem.of(x));
        }
        // Decoded to the right length: keep the bytes even if the checksum says they are wrong.
        int found = decoder.crc(data, 0, length);
        Problem p = found == f.crc(block) ? null : new Problem("block " + block, at, Format.of(
            "checksum mismatch: expected 0x%08x, found 0x%08x", f.crc(block), found));
        return new Result(block, source, f, data, stored, p);
    }
}
