package io.ckpt.codec;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

import io.ckpt.format.CorruptCheckpointException;
import io.ckpt.format.Encoding;
import io.ckpt.memory.BufferZero;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4SafeDecompressor;

/**
 * Decodes one stored page block into a destination region and, when asked, checks its
 * CRC32C. Corrupt input ends in {@link CorruptCheckpointException}, never in bad bytes
 * reported as good: the LZ4 decoder is the bounds-checked one and its output length is checked.
 *
 * <p>Thread-safety: single-threaded (reusable CRC and view); one per restoring thread.
 */
public final class BlockDecoder {
    private final LZ4SafeDecompressor lz4 = Lz4.decompressor();
    private final CRC32C crc = new CRC32C();
    private final ViewCache views = new ViewCache();

    /**
     * @param encoding     how the block is stored, from its index entry
     * @param src          the buffer holding the payload; its position and limit are not used or changed
     * @param srcOffset    the index of the payload's first byte in {@code src}
     * @param storedLength the payload's length in bytes
     * @param dst          where the decoded block goes; its position and limit are not used or changed
     * @param dstOffset    the index in {@code dst} of the block's first byte
     * @param blockLength  the block's length in bytes: exactly this many are written
     * @param verify     check the CRC32C of the decoded bytes against {@code expectedCrc}.
     * @param expectedCrc  the CRC32C of the block from its index entry
     * @param block      page block number, for messages.
     * @param fileOffset file offset of the payload, for messages.
     * @throws CorruptCheckpointException if the payload does not decode to exactly
     *                                    {@code blockLength} bytes or the checksum differs.
     */
    public void decode(Encoding encoding, ByteBuffer src, int srcOffset, int storedLength,
                       ByteBuffer dst, int dstOffset, int blockLength,
                       boolean verify, int expectedCrc, long block, long fileOffset)
        throws CorruptCheckpointException {
        switch (encoding) {
            case ZERO:
                BufferZero.zero(dst, dstOffset, blockLength);
                return;
            case RAW:
                dst.put(dstOffset, src, srcOffset, blockLength);
                break;
            case LZ4:
                int n;
                try {
                    n = lz4.decompress(src, srcOffset, storedLength, dst, dstOffset, blockLength);
                } catch (LZ4Exception e) {
                    throw new CorruptCheckpointException("block " + block, fileOffset,
                        "LZ4 data malformed (" + storedLength + " stored bytes): " + e.getMessage());
                }
                if (n != blockLength) {
                    throw new CorruptCheckpointException("block " + block, fileOffset,
                        "LZ4 data decodes to " + n + " bytes, expected " + blockLength);
                }
                break;
            default:
                throw new CorruptCheckpointException("block " + block, fileOffset, "unknown encoding " + encoding);
        }
        if (verify) {
            int found = crc(dst, dstOffset, blockLength);
            if (found != expectedCrc) {
                throw new CorruptCheckpointException("block " + block, fileOffset, String.format(
                    "checksum mismatch: expected 0x%08x, found 0x%08x", expectedCrc, found));
            }
        }
    }

    /**
     * @param buffer the buffer; its position and limit are not used or changed
     * @param offset the index of the first byte
     * @param length the number of bytes
     * @return the CRC32C of {@code buffer[offset, offset + length)}.
     */
    public int crc(ByteBuffer buffer, int offset, int length) {
        ByteBuffer view = views.view(buffer);
        view.limit(offset + length).position(offset);
        crc.reset();
        crc.update(view);
        return (int) crc.getValue();
    }
}
