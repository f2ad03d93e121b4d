package io.ckpt.codec;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

import com.github.luben.zstd.EndDirective;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDictCompress;
import io.ckpt.format.Codec;
import io.ckpt.format.Encoding;
import io.ckpt.format.Lz4Bounds;
import io.ckpt.memory.BufferZero;
import net.jpountz.lz4.LZ4Compressor;

/**
 * Encodes one page block: recognises an all-zero block without compressing it, compresses
 * the others (LZ4 JNI: the fast compressor at level 1, LZ4 HC above; or one zstd frame, with
 * the save's dictionary when it has one), and falls back to a raw copy when compression does
 * not shrink the block. Computes the CRC32C of the uncompressed bytes.
 *
 * <p>Thread-safety: single-threaded (holds reusable views, a CRC and a zstd context); one per
 * compressor thread. Allocates nothing per block. {@link #close} frees the zstd context.
 */
public final class BlockEncoder implements AutoCloseable {
    private final Codec codec;
    private final LZ4Compressor lz4;
    private final ZstdCompressCtx zstd;
    private final CRC32C crc = new CRC32C();
    private final ByteBuffer zeros = BufferZero.zeros();
    private final ViewCache views = new ViewCache();
    /** Apart from {@link #views}: an arena of many slabs would evict the staging slot's view there. */
    private final ViewCache dstViews = new ViewCache();
    /** With a dictionary: frames through {@link #zstdStreamed}. */
    private final boolean attachDictionary;

    private Encoding lastEncoding;
    private int lastCrc;

    /** @param codec the codec for non-zero blocks, LZ4 at level 1 (the fast compressor). */
    public BlockEncoder(Codec codec) {
        this(codec, 1);
    }

    /**
     * @param codec    the codec for non-zero blocks
     * @param lz4Level LZ4 compression level, see {@link Lz4#compressor(int)}; any level
     *                 writes the same LZ4 block format, read by the same decoder
     */
    public BlockEncoder(Codec codec, int lz4Level) {
        this(codec, lz4Level, Zstd.DEFAULT_LEVEL, null);
    }

    /**
     * @param codec      the codec for non-zero blocks
     * @param lz4Level   LZ4 level (codec LZ4)
     * @param zstdLevel  zstd level (codec ZSTD), see {@link Zstd#checkLevel}
     * @param dictionary the digested dictionary every ZSTD block is compressed with, or null for
     *                   none; shared with other encoders, not closed by this one
     */
    public BlockEncoder(Codec codec, int lz4Level, int zstdLevel, ZstdDictCompress dictionary) {
        this.codec = codec;
        this.lz4 = codec == Codec.LZ4 ? Lz4.compressor(lz4Level) : null;
        this.zstd = codec == Codec.ZSTD ? Zstd.compressContext(Zstd.checkLevel(zstdLevel), dictionary) : null;
        this.attachDictionary = zstd != null && dictionary != null;
    }

    /**
     * @param blockLength the block's length in bytes
     * @return the largest stored length {@link #encode} may write for a block of {@code blockLength}.
     */
    public int maxStoredLength(int blockLength) {
        switch (codec) {
            case LZ4: return Lz4Bounds.maxCompressedLength(blockLength);
            case ZSTD: return Zstd.maxCompressedLength(blockLength);
            default: return blockLength;
        }
    }

    /**
     * @param src    the buffer holding the block; its position and limit are not used or changed
     * @param offset the index of the block's first byte
     * @param length the block's length in bytes
     * @return true if {@code src[offset, offset + length)} is all zero; afterwards
     *         {@link #lastEncoding()} is {@link Encoding#ZERO} when true.
     */
    public boolean isZero(ByteBuffer src, int offset, int length) {
        boolean zero = BufferZero.isZero(view(src), zeros, offset, length);
        if (zero) {
            lastEncoding = Encoding.ZERO;
            lastCrc = 0;
        }
        return zero;
    }

    /**
     * Encodes a non-zero block into {@code dst} at {@code dstOffset}, which must have room
     * for {@link #maxStoredLength(int)} bytes.
     *
     * @param src       the buffer holding the block; its position and limit are not used or changed
     * @param srcOffset the index of the block's first byte in {@code src}
     * @param length    the block's length in bytes
     * @param dst       where the stored form goes; its position and limit are not used or changed
     * @param dstOffset the index in {@code dst} of the stored form's first byte
     * @return the stored length; {@link #lastEncoding()} and {@link #lastCrc()} describe it.
     */
    public int encode(ByteBuffer src, int srcOffset, int length, ByteBuffer dst, int dstOffset) {
        ByteBuffer v = view(src);
        v.limit(srcOffset + length).position(srcOffset);
        crc.reset();
        crc.update(v);
        lastCrc = (int) crc.getValue();
        if (lz4 != null) {
            int n = lz4.compress(src, srcOffset, length, dst, dstOffset, maxStoredLength(length));
            if (n < length) {
                lastEncoding = Encoding.LZ4;
                return n;
            }
        } else if (zstd != null) {
            int room = maxStoredLength(length);
            // Native code: it must never be handed a range past the buffers' ends.
            if (srcOffset < 0 || length < 0 || srcOffset > src.limit() - length
                || dstOffset < 0 || dstOffset > dst.limit() - room || !src.isDirect() || !dst.isDirect()) {
                throw new IllegalArgumentException("zstd encode: src [" + srcOffset + ", +" + length + ") of "
                    + src.limit() + (src.isDirect() ? "" : " (heap)") + ", dst [" + dstOffset + ", +" + room
                    + ") of " + dst.limit() + (dst.isDirect() ? "" : " (heap)"));
            }
            // The bound is the worst case, so zstd cannot fail for lack of room.
            int n;
            if (attachDictionary) {
                n = zstdStreamed(v.limit(srcOffset + length).position(srcOffset), length, dst, dstOffset, room);
            } else {
                n = zstd.compressDirectByteBuffer(dst, dstOffset, room, src, srcOffset, length);
            }
            if (n < length) {
                lastEncoding = Encoding.ZSTD;
                return n;
            }
        }
        dst.put(dstOffset, src, srcOffset, length);
        lastEncoding = Encoding.RAW;
        return length;
    }

    /**
     * One frame through zstd's streaming entry: the block goes in with "continue", so the frame
     * starts with its size unknown, and zstd then references the dictionary's tables instead of
     * copying them into the context (it copies them for every frame larger than a cut-off of a
     * few KiB whose size it knows: hundreds of KiB per 64 KiB block at level 3); "end" finishes it.
     * The frame carries no content size, which section 10.7 of FORMAT.md allows.
     */
    private int zstdStreamed(ByteBuffer in, int length, ByteBuffer dst, int dstOffset, int room) {
        ByteBuffer out = dstView(dst);
        out.limit(dstOffset + room).position(dstOffset);
        zstd.compressDirectByteBufferStream(out, in, EndDirective.CONTINUE);
        if (!zstd.compressDirectByteBufferStream(out, in, EndDirective.END) || in.hasRemaining()) {
            throw new IllegalStateException("zstd did not finish the frame of a " + length + "-byte block in "
                + room + " bytes of room (" + in.remaining() + " bytes left unread)");
        }
        return out.position() - dstOffset;
    }

    /** @return the encoding chosen by the last {@link #isZero} (when true) or {@link #encode}. */
    public Encoding lastEncoding() {
        return lastEncoding;
    }

    /** @return the CRC32C of the last encoded block's uncompressed bytes (0 for ZERO). */
    public int lastCrc() {
        return lastCrc;
    }

    /** Frees the zstd context; the encoder must not be used afterwards. */
    @Override
    public void close() {
        if (zstd != null) {
            zstd.close();
        }
    }

    private ByteBuffer dstView(ByteBuffer dst) {
        return dstViews.view(dst);
    }

    private ByteBuffer view(ByteBuffer src) {
        return views.view(src);
    }
}
