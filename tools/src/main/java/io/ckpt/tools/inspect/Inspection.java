package io.ckpt.tools.inspect;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import io.ckpt.format.CheckpointMetadata;
import io.ckpt.format.Codec;
import io.ckpt.format.Encoding;
import io.ckpt.format.HeaderDescriptor;
import io.ckpt.format.HintDescriptor;
import io.ckpt.format.IndexEntryDescriptor;
import io.ckpt.format.LittleEndian;
import io.ckpt.format.Lz4Bounds;
import io.ckpt.format.StorageBlockDescriptor;
import io.ckpt.format.StorageTableDescriptor;
import io.ckpt.format.TrailerDescriptor;

/**
 * What {@link TolerantReader} could read of one checkpoint file: each metadata structure
 * (header, parent reference, trailer, index, storage table, hint section) if it lies inside the
 * file, whether it checked out, and the {@link Problem}s found, first damage first. A healthy
 * file also carries the engine's {@link CheckpointMetadata}; a damaged one carries whatever is
 * still readable, so the views can show it.
 *
 * <p>Buffers are read-only views; a structure that could not be located is null. Fields of a
 * structure whose checksum failed are shown but not trusted for further reads: geometry
 * ({@link #geometryKnown()}) needs a valid header, block rows need a located index.
 *
 * <p>Thread-safety: immutable after {@link TolerantReader#read}.
 */
public final class Inspection {
    /** The file, or null for a checkpoint in another store (see {@link #location}). */
    final Path path;
    /** Where the checkpoint lives. */
    final io.ckpt.store.CheckpointLocation location;
    final long fileLength;
    /** Header struct ({@link HeaderDescriptor#LENGTH} bytes), or null if the file is shorter. */
    final ByteBuffer header;
    /** The header passed every check of {@link HeaderDescriptor#checkHeader}. */
    final boolean headerValid;
    /** The parent's file name (incremental checkpoints whose parent reference reads), or null. */
    final String parentName;
    /** The trailer (last 64 bytes), or null if the file cannot hold one. */
    final ByteBuffer trailer;
    /** Commit magic, checksum algorithm and trailer CRC all match. */
    final boolean trailerValid;
    /** Index, table, hint and trailer are where the trailer says, inside the file. */
    final boolean layoutValid;
    /** Page blocks, from the header if valid, else from the trailer's index length; -1 if unknown. */
    public final long blockCount;
    final ByteBuffer index;
    final boolean indexCrcOk;
    final ByteBuffer table;
    final ByteBuffer hint;
    final boolean tableCrcOk;
    /** Problems found, first damage first; at most {@link TolerantReader#MAX_PROBLEMS}. */
    final List<Problem> problems;
    /** Problems found beyond the ones listed. */
    final int omittedProblems;
    /** The engine's view of a healthy file, or null when any problem was found. */
    final CheckpointMetadata meta;

    Inspection(io.ckpt.store.CheckpointLocation location, long fileLength, ByteBuffer header, boolean headerValid, String parentName, ByteBuffer trailer,
               boolean trailerValid, boolean layoutValid, long blockCount, ByteBuffer index, boolean indexCrcOk,
               ByteBuffer table, ByteBuffer hint, boolean tableCrcOk, List<Problem> problems, int omittedProblems,
               CheckpointMetadata meta) {
        this.location = location;
        this.path = location.file();
        this.fileLength = fileLength;
        this.header = header == null ? null : header.asReadOnlyBuffer();
        this.headerValid = headerValid;
        this.parentName = parentName;
        this.trailer = trailer == null ? null : trailer.asReadOnlyBuffer();
        this.trailerValid = trailerValid;
        this.layoutValid = layoutValid;
        this.blockCount = blockCount;
        this.index = index == null ? null : index.asReadOnlyBuffer();
        this.indexCrcOk = indexCrcOk;
        this.table = table == null ? null : table.asReadOnlyBuffer();
        this.hint = hint == null ? null : hint.asReadOnlyBuffer();
        this.tableCrcOk = tableCrcOk;
        this.problems = List.copyOf(problems);
        this.omittedProblems = omittedProblems;
        this.meta = meta;
    }

    /** @return the file name only (never a directory: output must not depend on where the file is). */
    public String name() {
        if (path != null) {
            return String.valueOf(path.getFileName());
        }
        String s = location.toString();
        return s.substring(s.lastIndexOf('/') + 1);
    }

    /** @return a reader of the checkpoint's bytes (a file channel, or ranged GETs); the caller closes it. */
    io.ckpt.store.CheckpointReader open() throws java.io.IOException {
        return location.openReader();
    }

    /** @return true if no problem was found (then {@link #meta} is set). */
    boolean healthy() {
        return problems.isEmpty();
    }

    /** @return true if page block geometry (arena size, block size, storage block size) can be trusted. */
    public boolean geometryKnown() {
        return headerValid;
    }

    /** @return true if the index and the storage table were located (their checksums may still have failed). */
    public boolean indexReadable() {
        return index != null && table != null && blockCount >= 0;
    }

    // Header fields: meaningful whenever header != null, trustworthy when headerValid.

    UUID fileUuid() { return HeaderDescriptor.fileUuid(header); }
    UUID parentUuid() { return HeaderDescriptor.parentUuid(header); }
    boolean incremental() { return (HeaderDescriptor.flags(header) & HeaderDescriptor.FLAG_INCREMENTAL) != 0; }
    int pageSize() { return HeaderDescriptor.pageSize(header); }
    int pagesPerBlock() { return HeaderDescriptor.pagesPerBlock(header); }
    public int blockBytes() { return pageSize() * pagesPerBlock(); }
    int storageBlockSize() { return HeaderDescriptor.storageBlockSize(header); }
    public long arenaSize() { return HeaderDescriptor.arenaSize(header); }
    long dataLength() { return HeaderDescriptor.dataLength(header); }
    /** @return the codec's name in lower case, or {@code unknown (id)}. */
    String codecName() {
        Codec c = Codec.ofId(HeaderDescriptor.codec(header));
        return c == null ? "unknown (" + HeaderDescriptor.codec(header) + ")" : c.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** @return the length of page block {@code n}; needs {@link #geometryKnown()}. */
    int blockLength(long n) {
        return (int) Math.min(blockBytes(), arenaSize() - n * blockBytes());
    }

    // Trailer fields: meaningful whenever trailer != null.

    long trailerOffset() { return fileLength - TrailerDescriptor.LENGTH; }
    long indexOffset() { return TrailerDescriptor.indexOffset(trailer); }
    long tableOffset() { return TrailerDescriptor.tableOffset(trailer); }
    long hintOffset() { return TrailerDescriptor.hintOffset(trailer); }

    /** Where storage blocks start: after the header region, and after the dictionary section of a 1.1 ZSTD file. */
    long dataStart() {
        int dictionary = header != null && headerValid ? io.ckpt.format.DictionaryDescriptor.length(header) : 0;
        return dictionary > 0 ? io.ckpt.format.DictionaryDescriptor.dataOffsetFor(dictionary) : HeaderDescriptor.REGION_LENGTH;
    }

    // Index and table: need indexReadable().

    public int storageBlockCount() { return table.capacity() / StorageTableDescriptor.LENGTH; }
    long storageBlockOffset(int sb) { return StorageTableDescriptor.fileOffset(table, sb); }
    int storageBlockLength(int sb) { return StorageTableDescriptor.length(table, sb); }
    int storageBlockEntries(int sb) { return StorageTableDescriptor.entryCount(table, sb); }
    int encodingId(long n) { return IndexEntryDescriptor.encodingId(index, n); }
    /** @return the encoding of page block {@code n}, or null for an unknown id. */
    Encoding encoding(long n) { return IndexEntryDescriptor.encoding(index, n); }
    int storageBlock(long n) { return IndexEntryDescriptor.storageBlock(index, n); }
    int payloadOffset(long n) { return IndexEntryDescriptor.payloadOffset(index, n); }
    int storedLength(long n) { return IndexEntryDescriptor.storedLength(index, n); }
    int crc(long n) { return IndexEntryDescriptor.crc(index, n); }

    /** @return true if storage block {@code sb} is a table entry (0 <= sb < count). */
    boolean hasStorageBlock(int sb) {
        return sb >= 0 && sb < storageBlockCount();
    }

    /**
     * @return true if storage block {@code sb}'s table extent can be read: 4 KiB aligned inside
     *         the data region, at most one storage block size long (FORMAT.md step 6, without
     *         the ordering check).
     */
    boolean storageExtentValid(int sb) {
        long off = storageBlockOffset(sb);
        int len = storageBlockLength(sb);
        return geometryKnown() && layoutValid && off >= HeaderDescriptor.REGION_LENGTH && off % 4096 == 0
            && len >= StorageBlockDescriptor.HEADER_LENGTH + StorageBlockDescriptor.MAP_ENTRY_LENGTH
            && len <= storageBlockSize() && len <= indexOffset() - off;
    }

    /** @return blocks named in the hint section (0 when it is unreadable). */
    int hintBlocks() {
        return hint == null ? 0 : hint.capacity() / HintDescriptor.ENTRY_LENGTH;
    }

    /** @return the {@code i}-th page block of the hint section. */
    long hintBlock(int i) {
        return LittleEndian.getU32(hint, i * HintDescriptor.ENTRY_LENGTH);
    }

    /**
     * @return true if index entry {@code n} can be used to read its payload: a known encoding
     *         and, for RAW and LZ4, a payload inside its storage block's table extent (the
     *         checks of FORMAT.md step 7, without the cross-checks).
     */
    boolean entryUsable(long n) {
        Encoding e = encoding(n);
        if (e == null) {
            return false;
        }
        if (e == Encoding.ZERO || e == Encoding.PARENT) {
            return true;
        }
        int sb = storageBlock(n);
        int off = payloadOffset(n);
        int len = storedLength(n);
        return geometryKnown() && hasStorageBlock(sb) && off >= StorageBlockDescriptor.HEADER_LENGTH
            && off % StorageBlockDescriptor.PAYLOAD_ALIGNMENT == 0 && len > 0
            && (long) off + len <= storageBlockLength(sb) - StorageBlockDescriptor.MAP_ENTRY_LENGTH
            && (e != Encoding.RAW || len == blockLength(n))
            && (e != Encoding.LZ4 || len <= Lz4Bounds.maxCompressedLength(blockLength(n)))
            && storageExtentValid(sb);
    }
}
