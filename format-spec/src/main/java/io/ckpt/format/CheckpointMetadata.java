package io.ckpt.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.zip.CRC32C;

/**
 * Everything of a checkpoint file except the block payloads: header, trailer, block-offset
 * index, storage-block table and hint section, read and fully validated on {@link #read}.
 * After a successful read every index entry points inside its storage block, every storage
 * block lies inside the data region, and all metadata checksums match; payload checksums are
 * checked when blocks are decoded.
 *
 * <p>Thread-safety: immutable after {@link #read}; the buffers it hands out are read-only
 * views that any thread may read.
 */
public final class CheckpointMetadata {
    private final Path path;
    private final String name;
    private final long fileLength;
    private final ByteBuffer header;
    private final ByteBuffer trailer;
    private final ByteBuffer index;
    private final ByteBuffer table;
    private final ByteBuffer hint;
    private final int storageBlockCount;
    private final String parentName;
    private final ByteBuffer dictionary;

    private CheckpointMetadata(Path path, String name, long fileLength, ByteBuffer header, ByteBuffer trailer,
                               ByteBuffer index, ByteBuffer table, ByteBuffer hint, String parentName,
                               ByteBuffer dictionary) {
        this.parentName = parentName;
        this.dictionary = dictionary == null ? null : dictionary.asReadOnlyBuffer();
        this.path = path;
        this.name = name;
        this.fileLength = fileLength;
        this.header = header.asReadOnlyBuffer();
        this.trailer = trailer.asReadOnlyBuffer();
        this.index = index.asReadOnlyBuffer();
        this.table = table.asReadOnlyBuffer();
        this.hint = hint.asReadOnlyBuffer();
        this.storageBlockCount = table.capacity() / StorageTableDescriptor.LENGTH;
    }

    /**
     * Reads and validates the metadata of the checkpoint at {@code path}.
     *
     * @param path the checkpoint file
     * @return the validated metadata
     * @throws NoSuchFileException       if the file does not exist.
     * @throws NotACheckpointException   if it is not a checkpoint file.
     * @throws CorruptCheckpointException if it is damaged, truncated or was never committed.
     * @throws CheckpointException       on an unsupported format version.
     * @throws IOException              if the file cannot be read.
     */
    public static CheckpointMetadata read(Path path) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            return read(path, ch);
        }
    }

    /**
     * As {@link #read(Path)} on an open channel; the channel's position is not used.
     *
     * @param path the file {@code ch} reads, named in messages and returned by {@link #path()}
     * @param ch   an open channel on {@code path}, readable; left open
     * @return the validated metadata
     * @throws IOException as {@link #read(Path)}
     */
    public static CheckpointMetadata read(Path path, FileChannel ch) throws IOException {
        return read(path, CheckpointSource.of(ch, path.toString()));
    }

    /**
     * As {@link #read(Path)} from any {@link CheckpointSource} (an object in a store, say);
     * {@link #path()} is then null and {@link #name()} the source's name.
     *
     * @param source where the checkpoint's bytes are read from
     * @return the validated metadata
     * @throws IOException as {@link #read(Path)}, and when the source cannot be read
     */
    public static CheckpointMetadata read(CheckpointSource source) throws IOException {
        return read(null, source);
    }

    private static CheckpointMetadata read(Path path, CheckpointSource ch) throws IOException {
        long fileLength = ch.size();
        ByteBuffer header = readFully(ch, 0, (int) Math.min(HeaderDescriptor.LENGTH, fileLength), "header");
        if (header.capacity() < HeaderDescriptor.LENGTH) {
            if (header.capacity() < 8 || HeaderDescriptor.magic(header) != HeaderDescriptor.MAGIC) {
                throw new NotACheckpointException("file is only " + fileLength + " bytes");
            }
            throw new CorruptCheckpointException("header", 0, "file is only " + fileLength + " bytes; truncated?");
        }
        HeaderDescriptor.checkHeader(header, fileLength);
        String parentName = null;
        if ((HeaderDescriptor.flags(header) & HeaderDescriptor.FLAG_INCREMENTAL) != 0) {
            parentName = ParentReferenceDescriptor.read(
                readFully(ch, 0, ParentReferenceDescriptor.regionLength(), "parent reference"));
        }

        ByteBuffer dictionary = null;
        int dictionaryLength = DictionaryDescriptor.length(header);
        if (dictionaryLength > 0) {
            // checkHeader bounded the length (at most 1 MiB) and the file holds the data offset after it.
            dictionary = readFully(ch, DictionaryDescriptor.OFFSET, dictionaryLength, "dictionary");
            int found = crc(dictionary);
            if (found != HeaderDescriptor.dictionaryCrc(header)) {
                throw new CorruptCheckpointException("dictionary", DictionaryDescriptor.OFFSET, String.format(
                    "checksum mismatch: expected 0x%08x, found 0x%08x (%d dictionary bytes)",
                    HeaderDescriptor.dictionaryCrc(header), found, dictionaryLength));
            }
        }

        long trailerAt = fileLength - TrailerDescriptor.LENGTH;
        ByteBuffer trailer = readFully(ch, trailerAt, TrailerDescriptor.LENGTH, "trailer");
        checkTrailer(header, trailer, trailerAt);

        long blockCount = HeaderDescriptor.blockCount(header);
        long indexOffset = TrailerDescriptor.indexOffset(trailer);
        long indexLength = TrailerDescriptor.indexLength(trailer);
        long tableOffset = TrailerDescriptor.tableOffset(trailer);
        long tableLength = TrailerDescriptor.tableLength(trailer);
        long hintOffset = TrailerDescriptor.hintOffset(trailer);
        long hintLength = TrailerDescriptor.hintLength(trailer);
        if (indexOffset < HeaderDescriptor.dataOffset(header) || indexOffset % StorageBlockDescriptor.FILE_ALIGNMENT != 0
            || indexLength != blockCount * IndexEntryDescriptor.LENGTH
            || tableOffset != indexOffset + indexLength
            || tableLength < 0 || tableLength % StorageTableDescriptor.LENGTH != 0
            || tableLength / StorageTableDescriptor.LENGTH > blockCount
            || hintOffset != tableOffset + tableLength
            || hintLength % HintDescriptor.ENTRY_LENGTH != 0 || hintLength > blockCount * HintDescriptor.ENTRY_LENGTH
            || hintOffset + hintLength != trailerAt) {
            throw new CorruptCheckpointException("trailer", trailerAt, "inconsistent layout: index@" + indexOffset
                + "+" + indexLength + " table@" + tableOffset + "+" + tableLength + " hint@" + hintOffset + "+"
                + hintLength + " trailer@" + trailerAt + " blocks=" + blockCount);
        }

        ByteBuffer index = readFully(ch, indexOffset, (int) indexLength, "index");
        int indexCrc = crc(index);
        if (indexCrc != TrailerDescriptor.indexCrc(trailer)) {
            throw new CorruptCheckpointException("index", indexOffset, String.format(
                "checksum mismatch: expected 0x%08x, found 0x%08x", TrailerDescriptor.indexCrc(trailer), indexCrc));
        }
        ByteBuffer table = readFully(ch, tableOffset, (int) tableLength, "storage table");
        ByteBuffer hint = readFully(ch, hintOffset, (int) hintLength, "hint section");
        CRC32C tc = new CRC32C();
        tc.update(table.duplicate());
        tc.update(hint.duplicate());
        if ((int) tc.getValue() != TrailerDescriptor.tableCrc(trailer)) {
            throw new CorruptCheckpointException("storage table", tableOffset, String.format(
                "checksum mismatch: expected 0x%08x, found 0x%08x", TrailerDescriptor.tableCrc(trailer), (int) tc.getValue()));
        }
        CheckpointMetadata m = new CheckpointMetadata(path, ch.name(), fileLength, header, trailer, index, table, hint, parentName,
            dictionary);
        m.checkTable();
        m.checkIndex(index.array(), index.arrayOffset());
        return m;
    }

    private static void checkTrailer(ByteBuffer header, ByteBuffer trailer, long at) throws CorruptCheckpointException {
        if (TrailerDescriptor.commitMagic(trailer) != TrailerDescriptor.COMMIT_MAGIC) {
            throw new CorruptCheckpointException("trailer", at, String.format(
                "commit magic 0x%08x, expected 0x%08x: the checkpoint is incomplete or truncated",
                TrailerDescriptor.commitMagic(trailer), TrailerDescriptor.COMMIT_MAGIC));
        }
        if (TrailerDescriptor.checksumAlgorithm(trailer) != TrailerDescriptor.CHECKSUM_CRC32C) {
            throw new CorruptCheckpointException("trailer", at,
                "unknown checksum algorithm " + TrailerDescriptor.checksumAlgorithm(trailer));
        }
        int expected = TrailerDescriptor.computeTrailerCrc(header, trailer);
        if (TrailerDescriptor.trailerCrc(trailer) != expected) {
            throw new CorruptCheckpointException("trailer", at, String.format(
                "checksum mismatch: expected 0x%08x, found 0x%08x", TrailerDescriptor.trailerCrc(trailer), expected));
        }
    }

    private void checkTable() throws CorruptCheckpointException {
        long next = HeaderDescriptor.dataOffset(header);
        for (int s = 0; s < storageBlockCount; s++) {
            String bad = StorageTableDescriptor.checkEntry(table, s, next, indexOffset(), storageBlockSize());
            if (bad != null) {
                throw new CorruptCheckpointException("storage table entry " + s,
                    tableOffset() + (long) s * StorageTableDescriptor.LENGTH, bad);
            }
            next = StorageTableDescriptor.paddedEnd(table, s);
        }
    }

    /** @param a the index's bytes from {@code from} (the heap buffer it was read into, before the read-only view) */
    private void checkIndex(byte[] a, int from) throws CorruptCheckpointException {
        int[] held = new int[storageBlockCount];
        Codec codec = codec();
        long blocks = blockCount();
        boolean incremental = incremental();
        // The fields come straight from the array (readFully gives heap buffers), not through
        // ByteBuffer getters: this loop runs once per restore, at a restart mostly before the JIT
        // has compiled it, where each getter's chain of calls costs more than the check itself
        // (8 GiB: 131,072 entries).
        int fullLength = blockBytes();
        int lastLength = blockLength(blocks - 1);
        int raw = Encoding.RAW.id();
        int lz4 = Encoding.LZ4.id();
        int zstd = Encoding.ZSTD.id();
        int[] sbLengths = new int[storageBlockCount];
        for (int i = 0; i < storageBlockCount; i++) {
            sbLengths[i] = StorageTableDescriptor.length(table, i);
        }
        for (int n = 0, at = from; n < blocks; n++, at += IndexEntryDescriptor.LENGTH) {
            int sb = le32(a, at + IndexEntryDescriptor.STORAGE_BLOCK_OFFSET);
            int e = a[at + IndexEntryDescriptor.ENCODING_OFFSET] & 0xFF;
            String bad = IndexEntryDescriptor.checkEntry(sb, le32(a, at + IndexEntryDescriptor.PAYLOAD_OFFSET_OFFSET),
                le32(a, at + IndexEntryDescriptor.STORED_LENGTH_OFFSET), e, n == blocks - 1 ? lastLength : fullLength,
                codec, incremental, sb >= 0 && sb < storageBlockCount ? sbLengths[sb] : -1, storageBlockCount);
            if (bad != null) {
                throw new CorruptCheckpointException("index entry " + n,
                    indexOffset() + (long) n * IndexEntryDescriptor.LENGTH, bad);
            }
            if (e == raw || e == lz4 || e == zstd) {
                held[sb]++;
            }
        }
        for (int i = 0; i + HintDescriptor.ENTRY_LENGTH <= hint.capacity(); i += HintDescriptor.ENTRY_LENGTH) {
            long block = Integer.toUnsignedLong(LittleEndian.getInt(hint, i));
            if (block >= blocks) {
                throw new CorruptCheckpointException("hint section", TrailerDescriptor.hintOffset(trailer) + i,
                    "names block " + block + " of " + blocks);
            }
        }
        for (int s = 0; s < storageBlockCount; s++) {
            if (held[s] != StorageTableDescriptor.entryCount(table, s)) {
                throw new CorruptCheckpointException("storage table entry " + s,
                    tableOffset() + (long) s * StorageTableDescriptor.LENGTH, "holds "
                        + StorageTableDescriptor.entryCount(table, s) + " blocks, index names " + held[s]);
            }
        }
    }

    private static final int READ_CHUNK = 1 << 20;

    /**
     * Into a heap buffer: a fresh direct buffer of megabytes costs more to allocate (zeroing,
     * page faults) than the read. The JDK reads a heap buffer through a temporary direct one of
     * the requested size, which it keeps per thread; reading at most {@link #READ_CHUNK} at a time
     * keeps that at 1 MiB however large the index.
     */
    private static ByteBuffer readFully(CheckpointSource ch, long at, int length, String what) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (b.position() < length) {
            b.limit(Math.min(length, b.position() + READ_CHUNK));
            int n = ch.read(b, at + b.position());
            if (n < 0) {
                throw new CorruptCheckpointException(what, at, "file ends at " + ch.size() + " bytes; truncated?");
            }
        }
        return b.clear();
    }

    private static int le32(byte[] a, int at) {
        return (a[at] & 0xFF) | (a[at + 1] & 0xFF) << 8 | (a[at + 2] & 0xFF) << 16 | a[at + 3] << 24;
    }

    private static int crc(ByteBuffer b) {
        CRC32C c = new CRC32C();
        c.update(b.duplicate().clear());
        return (int) c.getValue();
    }

    /**
     * @return the read-only dictionary section (format 1.1: the zstd dictionary of the file's ZSTD
     *         blocks, its checksum already checked), or null when the file has none.
     */
    public ByteBuffer dictionary() { return dictionary == null ? null : dictionary.duplicate(); }
    /** @return the dictionary section's length in bytes, 0 when there is none. */
    public int dictionaryLength() { return dictionary == null ? 0 : dictionary.capacity(); }
    /** @return the file offset of the first storage block (4096, or after the dictionary). */
    public long dataOffset() { return HeaderDescriptor.dataOffset(header); }

    /** @return the file this was read from, or null when it was read from another {@link CheckpointSource}. */
    public Path path() { return path; }
    /** @return what to call the checkpoint in messages: its path, or its store URI. */
    public String name() { return name; }
    /** @return the file's length in bytes. */
    public long fileLength() { return fileLength; }
    /** @return read-only header struct, {@link HeaderDescriptor#LENGTH} bytes. */
    public ByteBuffer header() { return header.duplicate(); }
    /** @return read-only trailer, {@link TrailerDescriptor#LENGTH} bytes. */
    public ByteBuffer trailer() { return trailer.duplicate(); }
    /** @return read-only index, {@link #blockCount()} entries of {@link IndexEntryDescriptor}. */
    public ByteBuffer index() { return index.duplicate(); }
    /** @return read-only storage-block table. */
    public ByteBuffer table() { return table.duplicate(); }
    /** @return read-only hint section: u32 block numbers, ascending; empty when the writer stored no hint. */
    public ByteBuffer hint() { return hint.duplicate(); }

    /** @return the major format version */
    public int majorVersion() { return HeaderDescriptor.majorVersion(header); }
    /** @return the minor format version */
    public int minorVersion() { return HeaderDescriptor.minorVersion(header); }
    /** @return the UUID of this checkpoint, never null */
    public UUID fileUuid() { return HeaderDescriptor.fileUuid(header); }
    /** @return the parent's file name relative to this file's directory, or null for a full checkpoint. */
    public String parentName() { return parentName; }
    /** @return true for an incremental checkpoint (some blocks are resolved through the parent). */
    public boolean incremental() { return parentUuid() != null; }
    /** @return the number of blocks named in the working-set hint. */
    public int hintBlockCount() { return hint.capacity() / HintDescriptor.ENTRY_LENGTH; }
    /** @return the parent checkpoint's UUID, or null for a full checkpoint. */
    public UUID parentUuid() { return HeaderDescriptor.parentUuid(header); }
    /** @return the page size in bytes, 4096 in v1 */
    public int pageSize() { return HeaderDescriptor.pageSize(header); }
    /** @return pages per page block, a power of two */
    public int pagesPerBlock() { return HeaderDescriptor.pagesPerBlock(header); }
    /** @return bytes per page block. */
    public int blockBytes() { return pageSize() * pagesPerBlock(); }
    /** @return the storage block size in bytes, a multiple of the page size */
    public int storageBlockSize() { return HeaderDescriptor.storageBlockSize(header); }
    /** @return the codec the checkpoint was written with, never null (validated on read) */
    public Codec codec() { return Codec.ofId(HeaderDescriptor.codec(header)); }
    /** @return the header's flags byte */
    public int flags() { return HeaderDescriptor.flags(header); }
    /** @return the arena size in bytes, a positive multiple of the page size */
    public long arenaSize() { return HeaderDescriptor.arenaSize(header); }
    /** @return the real length of the saved content (a raw image's length; at most the arena size). */
    public long dataLength() { return HeaderDescriptor.dataLength(header); }
    /** @return the number of page blocks covering the arena */
    public long blockCount() { return HeaderDescriptor.blockCount(header); }
    /** @return when the checkpoint was written, milliseconds since the epoch (informative) */
    public long createdMillis() { return HeaderDescriptor.createdMillis(header); }
    /** @return the file offset of the block-offset index, the end of the data region */
    public long indexOffset() { return TrailerDescriptor.indexOffset(trailer); }
    /** @return the file offset of the storage-block table */
    public long tableOffset() { return TrailerDescriptor.tableOffset(trailer); }
    /** @return the file offset of the trailer, {@link TrailerDescriptor#LENGTH} bytes before the end */
    public long trailerOffset() { return fileLength - TrailerDescriptor.LENGTH; }
    /** @return the number of storage blocks, entries in {@link #table()} */
    public int storageBlockCount() { return storageBlockCount; }

    /**
     * @param block the page block number, in {@code [0, blockCount())}
     * @return the length of page block {@code block}: the block size, or less for a short last block.
     */
    public int blockLength(long block) {
        return (int) Math.min(blockBytes(), arenaSize() - block * blockBytes());
    }

    /**
     * @param sb the storage block number, in {@code [0, storageBlockCount())}
     * @return the file offset of storage block {@code sb}.
     */
    public long storageBlockOffset(int sb) { return StorageTableDescriptor.fileOffset(table, sb); }
    /**
     * @param sb the storage block number, in {@code [0, storageBlockCount())}
     * @return the unpadded length of storage block {@code sb}.
     */
    public int storageBlockLength(int sb) { return StorageTableDescriptor.length(table, sb); }
}
