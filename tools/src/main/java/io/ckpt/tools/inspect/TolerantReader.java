package io.ckpt.tools.inspect;

import io.ckpt.tools.text.Format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

import io.ckpt.format.CheckpointException;
import io.ckpt.format.CheckpointFormatTooNewException;
import io.ckpt.format.CheckpointFormatTooOldException;
import io.ckpt.format.CheckpointMetadata;
import io.ckpt.format.Codec;
import io.ckpt.format.CorruptCheckpointException;
import io.ckpt.format.Encoding;
import io.ckpt.format.HeaderDescriptor;
import io.ckpt.format.HintDescriptor;
import io.ckpt.format.IndexEntryDescriptor;
import io.ckpt.format.LittleEndian;
import io.ckpt.format.NotACheckpointException;
import io.ckpt.format.ParentReferenceDescriptor;
import io.ckpt.format.StorageBlockDescriptor;
import io.ckpt.format.StorageTableDescriptor;
import io.ckpt.format.TrailerDescriptor;

/**
 * Reads a checkpoint's metadata structure by structure with the format descriptors and, where
 * {@link CheckpointMetadata#read} stops at the first damage, goes on: it records a
 * {@link Problem} and reads whatever does not depend on the damaged structure. The checks and
 * their order are those of {@code CheckpointMetadata.read} (FORMAT.md section 12, steps 1-7),
 * with the same messages, so the first problem is the error the engine reports. A file with
 * no problem is then read by {@code CheckpointMetadata.read} itself, which stays the judge of
 * a healthy file.
 *
 * <p>Every read is bounded by the file's size before anything is allocated: a damaged length
 * field can neither exhaust memory nor make a read run past the end.
 *
 * <p>Thread-safety: stateless; each {@link #read} opens its own channel.
 */
public final class TolerantReader {
    /** Problems listed per file; more are counted, not kept (a shredded index has millions). */
    static final int MAX_PROBLEMS = 100;

    private final io.ckpt.store.CheckpointLocation location;
    /** The file's channel, or null for a checkpoint in another store. */
    private final FileChannel file;
    private final io.ckpt.format.CheckpointSource ch;
    private final long fileLength;
    private final List<Problem> problems = new ArrayList<>();
    private int omitted;

    private TolerantReader(io.ckpt.store.CheckpointLocation location, FileChannel file, io.ckpt.format.CheckpointSource ch)
        throws IOException {
        this.location = location;
        this.file = file;
        this.ch = ch;
        this.fileLength = ch.size();
    }

    /**
     * Reads what can be read of {@code path}.
     *
     * @throws java.nio.file.NoSuchFileException if it does not exist.
     * @throws NotACheckpointException            if it does not start with the checkpoint magic.
     * @throws CheckpointFormatTooNewException    or {@link CheckpointFormatTooOldException} for
     *                                            another major version, whose layout is unknown.
     * @throws IOException                        if reading fails.
     */
    public static Inspection read(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            throw new IOException(path + " is a directory, not a checkpoint file");
        }
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            return new TolerantReader(io.ckpt.store.FileLocation.of(path), ch,
                io.ckpt.format.CheckpointSource.of(ch, path.toString())).read();
        }
    }

    /** As {@link #read(Path)} for a checkpoint in any store (each structure one ranged GET of an object). */
    public static Inspection read(io.ckpt.store.CheckpointLocation location) throws IOException {
        if (location.file() != null) {
            return read(location.file());
        }
        try (io.ckpt.store.CheckpointReader r = location.openReader()) {
            return new TolerantReader(location, null, r).read();
        }
    }

    private Inspection read() throws IOException {
        // Step 1: short files.
        ByteBuffer header = readAt(0, (int) Math.min(HeaderDescriptor.LENGTH, fileLength));
        if (header.capacity() < HeaderDescriptor.LENGTH) {
            if (header.capacity() < 8 || HeaderDescriptor.magic(header) != HeaderDescriptor.MAGIC) {
                throw new NotACheckpointException("file is only " + fileLength + " bytes");
            }
            problem("header", 0, "file is only " + fileLength + " bytes; truncated?");
            return done(null, false, null, null, false, false, -1, null, false, null, null, false);
        }

        // Step 2: header. A foreign file or another major version ends the reading here.
        boolean headerValid;
        boolean fileLongEnough = fileLength >= HeaderDescriptor.REGION_LENGTH + TrailerDescriptor.LENGTH;
        try {
            HeaderDescriptor.checkHeader(header, fileLength);
            headerValid = true;
        } catch (NotACheckpointException | CheckpointFormatTooNewException | CheckpointFormatTooOldException e) {
            throw e;
        } catch (CorruptCheckpointException e) {
            add(Problem.of(e));
            // checkHeader checks the file length last, as the trailer's problem: then the header itself is fine.
            headerValid = "trailer".equals(e.structure());
        }

        String parentName = null;
        if ((HeaderDescriptor.flags(header) & HeaderDescriptor.FLAG_INCREMENTAL) != 0
            && fileLength >= ParentReferenceDescriptor.regionLength()) {
            try {
                parentName = ParentReferenceDescriptor.read(readAt(0, ParentReferenceDescriptor.regionLength()));
            } catch (CorruptCheckpointException e) {
                add(Problem.of(e));
            }
        }
        // Format 1.1: the dictionary section of a ZSTD file, checked against its CRC32C in the header.
        int dictionaryLength = headerValid ? io.ckpt.format.DictionaryDescriptor.length(header) : 0;
        if (dictionaryLength > 0 && fileLength >= io.ckpt.format.DictionaryDescriptor.OFFSET + dictionaryLength) {
            java.util.zip.CRC32C c = new java.util.zip.CRC32C();
            c.update(readAt(io.ckpt.format.DictionaryDescriptor.OFFSET, dictionaryLength));
            int expected = HeaderDescriptor.dictionaryCrc(header);
            if ((int) c.getValue() != expected) {
                problem("dictionary", io.ckpt.format.DictionaryDescriptor.OFFSET, String.format(
                    "checksum mismatch: expected 0x%08x, found 0x%08x (%d dictionary bytes)", expected,
                    (int) c.getValue(), dictionaryLength));
            }
        }
        if (!fileLongEnough) {
            if (!hasProblem("trailer")) {
                problem("trailer", fileLength, "file is " + fileLength
                    + " bytes, shorter than header and trailer; truncated?");
            }
            return done(header, headerValid, parentName, null, false, false, -1, null, false, null, null, false);
        }

        // Step 3: trailer.
        long trailerAt = fileLength - TrailerDescriptor.LENGTH;
        ByteBuffer trailer = readAt(trailerAt, TrailerDescriptor.LENGTH);
        String trailerBad = checkTrailer(header, trailer);
        if (trailerBad != null) {
            problem("trailer", trailerAt, trailerBad);
        }

        // Step 4: layout. A damaged header cannot give the block count; the index length can.
        long indexLength = TrailerDescriptor.indexLength(trailer);
        long blockCount = headerValid ? HeaderDescriptor.blockCount(header)
            : indexLength >= 0 && indexLength % IndexEntryDescriptor.LENGTH == 0
                && indexLength / IndexEntryDescriptor.LENGTH <= IndexEntryDescriptor.MAX_BLOCK_COUNT
                ? indexLength / IndexEntryDescriptor.LENGTH : -1;
        String layoutBad = checkLayout(trailer, trailerAt, blockCount);
        if (layoutBad != null) {
            if (trailerBad == null) {
                problem("trailer", trailerAt, layoutBad);
            }
            return done(header, headerValid, parentName, trailer, trailerBad == null, false, blockCount, null, false,
                null, null, false);
        }

        // Step 5: metadata checksums.
        long indexOffset = TrailerDescriptor.indexOffset(trailer);
        ByteBuffer index = readAt(indexOffset, (int) indexLength);
        int indexCrc = crc(index, null);
        boolean indexCrcOk = indexCrc == TrailerDescriptor.indexCrc(trailer);
        if (!indexCrcOk) {
            problem("index", indexOffset, Format.of("checksum mismatch: expected 0x%08x, found 0x%08x",
                TrailerDescriptor.indexCrc(trailer), indexCrc));
        }
        long tableOffset = TrailerDescriptor.tableOffset(trailer);
        ByteBuffer table = readAt(tableOffset, (int) TrailerDescriptor.tableLength(trailer));
        ByteBuffer hint = readAt(TrailerDescriptor.hintOffset(trailer), (int) TrailerDescriptor.hintLength(trailer));
        int tableCrc = crc(table, hint);
        boolean tableCrcOk = tableCrc == TrailerDescriptor.tableCrc(trailer);
        if (!tableCrcOk) {
            problem("storage table", tableOffset, Format.of("checksum mismatch: expected 0x%08x, found 0x%08x",
                TrailerDescriptor.tableCrc(trailer), tableCrc));
        }

        // Steps 6 and 7: the table's extents and every index entry; need the header's geometry.
        if (headerValid) {
            checkTable(header, table, indexOffset, tableOffset);
            checkIndex(header, index, table, hint, indexOffset, tableOffset, TrailerDescriptor.hintOffset(trailer));
        }
        return done(header, headerValid, parentName, trailer, trailerBad == null, true, blockCount, index, indexCrcOk,
            table, hint, tableCrcOk);
    }

    /** @return what is wrong with the trailer (commit magic, algorithm, CRC, in that order), or null. */
    private static String checkTrailer(ByteBuffer header, ByteBuffer trailer) {
        if (TrailerDescriptor.commitMagic(trailer) != TrailerDescriptor.COMMIT_MAGIC) {
            return Format.of("commit magic 0x%08x, expected 0x%08x: the checkpoint is incomplete or truncated",
                TrailerDescriptor.commitMagic(trailer), TrailerDescriptor.COMMIT_MAGIC);
        }
        if (TrailerDescriptor.checksumAlgorithm(trailer) != TrailerDescriptor.CHECKSUM_CRC32C) {
            return "unknown checksum algorithm " + TrailerDescriptor.checksumAlgorithm(trailer);
        }
        int expected = TrailerDescriptor.computeTrailerCrc(header, trailer);
        if (TrailerDescriptor.trailerCrc(trailer) != expected) {
            return Format.of("checksum mismatch: expected 0x%08x, found 0x%08x",
                TrailerDescriptor.trailerCrc(trailer), expected);
        }
        return null;
    }

    /** @return what is wrong with the layout the trailer describes, or null if every region lies inside the file. */
    private static String checkLayout(ByteBuffer trailer, long trailerAt, long blockCount) {
        long indexOffset = TrailerDescriptor.indexOffset(trailer);
        long indexLength = TrailerDescriptor.indexLength(trailer);
        long tableOffset = TrailerDescriptor.tableOffset(trailer);
        long tableLength = TrailerDescriptor.tableLength(trailer);
        long hintOffset = TrailerDescriptor.hintOffset(trailer);
        long hintLength = TrailerDescriptor.hintLength(trailer);
        if (blockCount < 0 || indexOffset < HeaderDescriptor.REGION_LENGTH
            || indexOffset % StorageBlockDescriptor.FILE_ALIGNMENT != 0
            || indexLength != blockCount * IndexEntryDescriptor.LENGTH
            || tableOffset != indexOffset + indexLength
            || tableLength < 0 || tableLength % StorageTableDescriptor.LENGTH != 0
            || tableLength / StorageTableDescriptor.LENGTH > blockCount
            || hintOffset != tableOffset + tableLength
            || hintLength % HintDescriptor.ENTRY_LENGTH != 0 || hintLength > blockCount * HintDescriptor.ENTRY_LENGTH
            || hintOffset + hintLength != trailerAt) {
            return "inconsistent layout: index@" + indexOffset + "+" + indexLength + " table@" + tableOffset + "+"
                + tableLength + " hint@" + hintOffset + "+" + hintLength + " trailer@" + trailerAt + " blocks=" + blockCount;
        }
        return null;
    }

    /** Step 6: every storage table entry's extent; each bad entry is a problem. */
    private void checkTable(ByteBuffer header, ByteBuffer table, long indexOffset, long tableOffset) {
        long next = HeaderDescriptor.REGION_LENGTH;
        int sbs = HeaderDescriptor.storageBlockSize(header);
        for (int s = 0, count = table.capacity() / StorageTableDescriptor.LENGTH; s < count; s++) {
            String bad = StorageTableDescriptor.checkEntry(table, s, next, indexOffset, sbs);
            if (bad != null) {
                problem("storage table entry " + s, tableOffset + (long) s * StorageTableDescriptor.LENGTH, bad);
            } else {
                next = StorageTableDescriptor.paddedEnd(table, s);
            }
        }
    }

    /** Step 7: every index entry, the hint section, and the table's entry counts. */
    private void checkIndex(ByteBuffer header, ByteBuffer index, ByteBuffer table, ByteBuffer hint, long indexOffset,
                            long tableOffset, long hintOffset) {
        int sbCount = table.capacity() / StorageTableDescriptor.LENGTH;
        int[] held = new int[sbCount];
        Codec codec = Codec.ofId(HeaderDescriptor.codec(header));
        long blocks = HeaderDescriptor.blockCount(header);
        int blockBytes = HeaderDescriptor.pageSize(header) * HeaderDescriptor.pagesPerBlock(header);
        long arena = HeaderDescriptor.arenaSize(header);
        boolean hasParent = HeaderDescriptor.parentUuid(header) != null;
        for (long n = 0; n < blocks; n++) {
            int blockLen = (int) Math.min(blockBytes, arena - n * blockBytes);
            String bad = IndexEntryDescriptor.checkEntry(index, n, blockLen, codec, hasParent, table, sbCount);
            if (bad != null) {
                problem("index entry " + n, indexOffset + n * IndexEntryDescriptor.LENGTH, bad);
            } else {
                int e = IndexEntryDescriptor.encodingId(index, n);
                if (e == Encoding.RAW.id() || e == Encoding.LZ4.id() || e == Encoding.ZSTD.id()) {
                    held[IndexEntryDescriptor.storageBlock(index, n)]++;
                }
            }
        }
        for (int i = 0; i + HintDescriptor.ENTRY_LENGTH <= hint.capacity(); i += HintDescriptor.ENTRY_LENGTH) {
            long block = Integer.toUnsignedLong(LittleEndian.getInt(hint, i));
            if (block >= blocks) {
                problem("hint section", hintOffset + i, "names block " + block + " of " + blocks);
            }
        }
        for (int s = 0; s < sbCount; s++) {
            if (held[s] != StorageTableDescriptor.entryCount(table, s)) {
                problem("storage table entry " + s, tableOffset + (long) s * StorageTableDescriptor.LENGTH, "holds "
                    + StorageTableDescriptor.entryCount(table, s) + " blocks, index names " + held[s]);
            }
        }
    }

    private Inspection done(ByteBuffer header, boolean headerValid, String parentName, ByteBuffer trailer,
                            boolean trailerValid, boolean layoutValid, long blockCount, ByteBuffer index,
                            boolean indexCrcOk, ByteBuffer table, ByteBuffer hint, boolean tableCrcOk) throws IOException {
        CheckpointMetadata meta = null;
        if (problems.isEmpty()) {
            // No damage found: the engine's reader has the last word (and must agree).
            try {
                meta = file != null ? CheckpointMetadata.read(location.file(), file) : CheckpointMetadata.read(ch);
            } catch (NotACheckpointException | CheckpointFormatTooNewException | CheckpointFormatTooOldException e) {
                throw e;
            } catch (CheckpointException e) {
                add(Problem.of(e));
            }
        }
        return new Inspection(location, fileLength, header, headerValid, parentName, trailer, trailerValid, layoutValid,
            blockCount, index, indexCrcOk, table, hint, tableCrcOk, problems, omitted, meta);
    }

    private boolean hasProblem(String structure) {
        for (Problem p : problems) {
            if (p.structure().equals(structure)) {
                return true;
            }
        }
        return false;
    }

    private void problem(String structure, long fileOffset, String detail) {
        add(new Problem(structure, fileOffset, detail));
    }

    private void add(Problem p) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(p);
        } else {
            omitted++;
        }
    }

    /** Reads {@code length} bytes at {@code at}; the caller has checked that they lie inside the file. */
    private ByteBuffer readAt(long at, int length) throws IOException {
        return readFully(ch, at, length);
    }

    /**
     * Reads {@code length} bytes of {@code ch} at {@code at} into a new little-endian heap buffer.
     *
     * @throws IOException if the file ends first (it shrank while being read).
     */
    static ByteBuffer readFully(io.ckpt.format.CheckpointSource ch, long at, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            if (ch.read(b, at + b.position()) < 0) {
                throw new IOException("file ends at " + ch.size() + " bytes, reading " + length + " bytes at offset 0x"
                    + Long.toHexString(at) + " (did it shrink while being read?)");
            }
        }
        return b.clear();
    }

    private static int crc(ByteBuffer a, ByteBuffer b) {
        CRC32C c = new CRC32C();
        c.update(a.duplicate().clear());
        if (b != null) {
            c.update(b.duplicate().clear());
        }
        return (int) c.getValue();
    }
}
