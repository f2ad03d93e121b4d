package io.ckpt.codec;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdDictDecompress;
import io.ckpt.format.CheckpointMetadata;
import io.ckpt.format.CorruptCheckpointException;
import io.ckpt.format.Encoding;
import io.ckpt.memory.BufferZero;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4SafeDecompressor;

/**
 * Decodes one stored page block into a destination region and, when asked, checks its
 * CRC32C. Corrupt input ends in {@link CorruptCheckpointException}, never in bad bytes
 * reported as good: the LZ4 decoder is the bounds-checked one and its output length is checked;
 * zstd (native) is only ever handed ranges checked to lie inside both buffers, and its output
 * length is checked too.
 *
 * <p>Thread-safety: single-threaded (reusable CRC, view and zstd contexts); one per restoring
 * thread. ZSTD blocks are decoded with the dictionary of the file named by the caller; the
 * context is switched only when that file changes, so a restore allocates nothing per block.
 */
public final class BlockDecoder {
    private final LZ4SafeDecompressor lz4 = Lz4.decompressor();
    private final CRC32C crc = new CRC32C();
    private final ViewCache views = new ViewCache();
    /** Created on the first ZSTD block; the dictionary it references is {@link #zstdFile}'s. */
    private ZstdDecompressCtx zstd;
    /** The file (CheckpointMetadata) or dictionary array (or {@link #NO_DICTIONARY}) the context is set up for. */
    private Object zstdKey;
    private static final Object NO_DICTIONARY = new Object();
    /** For a heap source or destination: zstd-jni reads and writes direct buffers or arrays only. */
    private ByteBuffer scratchIn;
    private ByteBuffer scratchOut;

    /**
     * As {@link #decode(Encoding, ByteBuffer, int, int, ByteBuffer, int, int, boolean, int, long, long,
     * CheckpointMetadata)} for files without ZSTD blocks: a ZSTD block is reported corrupt.
     *
     * @param encoding     how the block is stored, from its index entry
     * @param src          the buffer holding the payload; its position and limit are not used or changed
     * @param srcOffset    the index of the payload's first byte in {@code src}
     * @param storedLength the payload's length in bytes
     * @param dst          where the decoded block goes; its position and limit are not used or changed
     * @param dstOffset    the index in {@code dst} of the block's first byte
     * @param blockLength  the block's length in bytes: exactly this many are written
     * @param verify       check the CRC32C of the decoded bytes against {@code expectedCrc}.
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
        decode(encoding, src, srcOffset, storedLength, dst, dstOffset, blockLength, verify, expectedCrc, block,
            fileOffset, null);
    }

    /**
     * Decodes one block into {@code dst} and, if asked, checks its CRC32C.
     *
     * @param encoding     how the block is stored, from its index entry
     * @param src          the buffer holding the payload; its position and limit are not used or changed
     * @param srcOffset    the index of the payload's first byte in {@code src}
     * @param storedLength the payload's length in bytes
     * @param dst          where the decoded block goes; its position and limit are not used or changed
     * @param dstOffset    the index in {@code dst} of the block's first byte
     * @param blockLength  the block's length in bytes: exactly this many are written
     * @param verify       check the CRC32C of the decoded bytes against {@code expectedCrc}.
     * @param expectedCrc  the CRC32C of the block from its index entry
     * @param block      page block number, for messages.
     * @param fileOffset file offset of the payload, for messages.
     * @param file       the checkpoint file that holds the block (its dictionary decodes ZSTD
     *                   blocks); null where the caller knows there are none
     * @throws CorruptCheckpointException if the payload does not decode to exactly
     *                                    {@code blockLength} bytes or the checksum differs.
     */
    public void decode(Encoding encoding, ByteBuffer src, int srcOffset, int storedLength,
                       ByteBuffer dst, int dstOffset, int blockLength,
                       boolean verify, int expectedCrc, long block, long fileOffset, CheckpointMetadata file)
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
            case ZSTD:
                if (file == null) {
                    throw new CorruptCheckpointException("block " + block, fileOffset,
                        "ZSTD block where no zstd file was expected");
                }
                zstd(src, srcOffset, storedLength, dst, dstOffset, blockLength, block, fileOffset, context(file));
                break;
            default:
                throw new CorruptCheckpointException("block " + block, fileOffset, "unknown encoding " + encoding);
        }
        if (verify) {
            check(dst, dstOffset, blockLength, expectedCrc, block, fileOffset);
        }
    }

    private void check(ByteBuffer dst, int dstOffset, int blockLength, int expectedCrc, long block, long fileOffset)
        throws CorruptCheckpointException {
        int found = crc(dst, dstOffset, blockLength);
        if (found != expectedCrc) {
            throw new CorruptCheckpointException("block " + block, fileOffset, String.format(
                "checksum mismatch: expected 0x%08x, found 0x%08x", expectedCrc, found));
        }
    }

    private void zstd(ByteBuffer src, int srcOffset, int storedLength, ByteBuffer dst, int dstOffset, int blockLength,
                      long block, long fileOffset, ZstdDecompressCtx ctx) throws CorruptCheckpointException {
        // Native code below: every range is checked first, so a crafted length cannot make it
        // read or write outside the buffers.
        if (srcOffset < 0 || storedLength <= 0 || srcOffset > src.limit() - storedLength) {
            throw new CorruptCheckpointException("block " + block, fileOffset, "ZSTD payload [" + srcOffset + ", +"
                + storedLength + ") outside its " + src.limit() + "-byte buffer");
        }
        if (dstOffset < 0 || blockLength <= 0 || dstOffset > dst.limit() - blockLength) {
            throw new IllegalArgumentException("destination [" + dstOffset + ", +" + blockLength + ") outside its "
                + dst.limit() + "-byte buffer");
        }
        int n;
        try {
            if (src.isDirect() && dst.isDirect()) {
                n = ctx.decompressDirectByteBuffer(dst, dstOffset, blockLength, src, srcOffset, storedLength);
            } else {
                ByteBuffer in = src;
                int inAt = srcOffset;
                if (!src.isDirect()) {
                    in = scratchIn = grow(scratchIn, storedLength);
                    in.put(0, src, srcOffset, storedLength);
                    inAt = 0;
                }
                if (dst.isDirect()) {
                    n = ctx.decompressDirectByteBuffer(dst, dstOffset, blockLength, in, inAt, storedLength);
                } else {
                    ByteBuffer out = scratchOut = grow(scratchOut, blockLength);
                    n = ctx.decompressDirectByteBuffer(out, 0, blockLength, in, inAt, storedLength);
                    if (n == blockLength) {
                        dst.put(dstOffset, out, 0, blockLength);
                    }
                }
            }
        } catch (RuntimeException e) {
            throw new CorruptCheckpointException("block " + block, fileOffset,
                "ZSTD data malformed (" + storedLength + " stored bytes): " + e.getMessage());
        }
        if (n != blockLength) {
            throw new CorruptCheckpointException("block " + block, fileOffset,
                "ZSTD data decodes to " + n + " bytes, expected " + blockLength);
        }
    }

    /**
     * Decodes a block of a file known only by its dictionary's bytes (a tolerant reader of a
     * damaged file, which has no {@link CheckpointMetadata}); otherwise as {@link #decode(Encoding,
     * ByteBuffer, int, int, ByteBuffer, int, int, boolean, int, long, long, CheckpointMetadata)}.
     *
     * @param encoding     how the block is stored, from its index entry
     * @param src          the buffer holding the payload; its position and limit are not used or changed
     * @param srcOffset    the index of the payload's first byte in {@code src}
     * @param storedLength the payload's length in bytes
     * @param dst          where the decoded block goes; its position and limit are not used or changed
     * @param dstOffset    the index in {@code dst} of the block's first byte
     * @param blockLength  the block's length in bytes: exactly this many are written
     * @param verify       check the CRC32C of the decoded bytes against {@code expectedCrc}.
     * @param expectedCrc  the CRC32C of the block from its index entry
     * @param block        page block number, for messages.
     * @param fileOffset   file offset of the payload, for messages.
     * @param dictionary the file's dictionary bytes, or null when it has none; compared by
     *                   identity, so pass the same array for every block of a file
     * @throws CorruptCheckpointException on malformed data, a checksum mismatch, or a dictionary
     *                                    zstd refuses
     */
    public void decodeWithDictionary(Encoding encoding, ByteBuffer src, int srcOffset, int storedLength,
                       ByteBuffer dst, int dstOffset, int blockLength,
                       boolean verify, int expectedCrc, long block, long fileOffset, byte[] dictionary)
        throws CorruptCheckpointException {
        if (encoding != Encoding.ZSTD) {
            decode(encoding, src, srcOffset, storedLength, dst, dstOffset, blockLength, verify, expectedCrc, block,
                fileOffset, (CheckpointMetadata) null);
            return;
        }
        Object key = dictionary == null ? NO_DICTIONARY : dictionary;
        if (key != zstdKey) {
            setUp(key, dictionary == null ? null : Zstd.digestDecompressDictionary(dictionary));
        }
        zstd(src, srcOffset, storedLength, dst, dstOffset, blockLength, block, fileOffset, zstd);
        if (verify) {
            check(dst, dstOffset, blockLength, expectedCrc, block, fileOffset);
        }
    }

    private ZstdDecompressCtx context(CheckpointMetadata file) throws CorruptCheckpointException {
        if (file != zstdKey) {
            setUp(file, Zstd.decompressDictionary(file));
        }
        return zstd;
    }

    private void setUp(Object key, ZstdDictDecompress dictionary) {
        if (zstd == null) {
            zstd = Zstd.decompressContext(this);
        }
        Zstd.useDictionary(zstd, dictionary);
        zstdKey = key;
    }

    private static ByteBuffer grow(ByteBuffer b, int length) {
        return b != null && b.capacity() >= length ? b : ByteBuffer.allocateDirect(Math.max(length, 64 << 10));
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
