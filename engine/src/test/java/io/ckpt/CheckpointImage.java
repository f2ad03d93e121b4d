package io.ckpt;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;

import io.ckpt.format.HeaderDescriptor;
import io.ckpt.format.IndexEntryDescriptor;
import io.ckpt.format.StorageBlockDescriptor;
import io.ckpt.format.StorageTableDescriptor;
import io.ckpt.format.TrailerDescriptor;

/**
 * A whole checkpoint file held in a byte array, for tests that damage or rewrite it: views of
 * each structure through the format descriptors, byte flips, and recomputation of the
 * checksums that cover a rewritten field (so validation logic, not checksums, has to catch it).
 *
 * <p>Locations are taken from the file's own trailer and table, so an image that has been
 * damaged there may give nonsense views; take offsets from the pristine image.
 *
 * <p>Thread-safety: single-threaded.
 */
public final class CheckpointImage {
    public final byte[] bytes;

    public CheckpointImage(byte[] bytes) {
        this.bytes = bytes;
    }

    public static CheckpointImage read(Path file) throws IOException {
        return new CheckpointImage(Files.readAllBytes(file));
    }

    public CheckpointImage copy() {
        return new CheckpointImage(bytes.clone());
    }

    /** Writes the image to {@code file}, replacing it. */
    public Path write(Path file) throws IOException {
        Files.write(file, bytes);
        return file;
    }

    public int length() {
        return bytes.length;
    }

    /** @return a little-endian view of {@code [offset, offset + length)}; writes go to the image. */
    public ByteBuffer slice(int offset, int length) {
        return ByteBuffer.wrap(bytes, offset, length).slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** @return a little-endian view of the whole file, indexed by file offset. */
    public ByteBuffer all() {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    public ByteBuffer header() {
        return slice(0, HeaderDescriptor.LENGTH);
    }

    public int trailerAt() {
        return bytes.length - TrailerDescriptor.LENGTH;
    }

    public ByteBuffer trailer() {
        return slice(trailerAt(), TrailerDescriptor.LENGTH);
    }

    public int indexOffset() {
        return (int) TrailerDescriptor.indexOffset(trailer());
    }

    public int indexLength() {
        return (int) TrailerDescriptor.indexLength(trailer());
    }

    public ByteBuffer index() {
        return slice(indexOffset(), indexLength());
    }

    public int tableOffset() {
        return (int) TrailerDescriptor.tableOffset(trailer());
    }

    public int tableLength() {
        return (int) TrailerDescriptor.tableLength(trailer());
    }

    public ByteBuffer table() {
        return slice(tableOffset(), tableLength());
    }

    public long blockCount() {
        return HeaderDescriptor.blockCount(header());
    }

    public int storageBlockCount() {
        return tableLength() / StorageTableDescriptor.LENGTH;
    }

    public int storageBlockOffset(int sb) {
        return (int) StorageTableDescriptor.fileOffset(table(), sb);
    }

    public int storageBlockLength(int sb) {
        return StorageTableDescriptor.length(table(), sb);
    }

    /** @return the file offset of page block {@code block}'s payload (meaningless for ZERO blocks). */
    public int payloadAt(long block) {
        ByteBuffer index = index();
        return storageBlockOffset(IndexEntryDescriptor.storageBlock(index, block))
            + IndexEntryDescriptor.payloadOffset(index, block);
    }

    /** XORs the byte at {@code offset} with {@code mask} (non-zero, so the byte changes). */
    public void flip(int offset, int mask) {
        if ((mask & 0xFF) == 0) {
            throw new IllegalArgumentException("mask=" + mask + " would not change the byte");
        }
        bytes[offset] ^= (byte) mask;
    }

    public void fixHeaderCrc() {
        ByteBuffer h = header();
        HeaderDescriptor.headerCrc(h, HeaderDescriptor.computeCrc(h));
    }

    public void fixIndexCrc() {
        TrailerDescriptor.indexCrc(trailer(), crc(index()));
    }

    /** Table CRC covers the table and then the hint section. */
    public void fixTableCrc() {
        ByteBuffer t = trailer();
        CRC32C c = new CRC32C();
        c.update(table());
        c.update(slice((int) TrailerDescriptor.hintOffset(t), (int) TrailerDescriptor.hintLength(t)));
        TrailerDescriptor.tableCrc(t, (int) c.getValue());
    }

    /** Trailer CRC covers the header struct and the trailer's first 56 bytes: fix it last. */
    public void fixTrailerCrc() {
        ByteBuffer t = trailer();
        TrailerDescriptor.trailerCrc(t, TrailerDescriptor.computeTrailerCrc(header(), t));
    }

    public void fixMapCrc(int sb) {
        ByteBuffer all = all();
        int at = storageBlockOffset(sb);
        StorageBlockDescriptor.mapCrc(all, at, StorageBlockDescriptor.computeMapCrc(all, at));
    }

    /** Recomputes header, index, table and trailer checksums, in dependency order. */
    public void fixMetadataCrcs() {
        fixHeaderCrc();
        fixIndexCrc();
        fixTableCrc();
        fixTrailerCrc();
    }

    public static int crc(ByteBuffer b) {
        CRC32C c = new CRC32C();
        c.update(b.duplicate());
        return (int) c.getValue();
    }

    /** @return the first {@code length} bytes as a new image. */
    public CheckpointImage truncated(int length) {
        return new CheckpointImage(java.util.Arrays.copyOf(bytes, length));
    }

    /** @return the header region (4 KiB), a view. */
    public ByteBuffer headerRegion() {
        return slice(0, HeaderDescriptor.REGION_LENGTH);
    }

    public int hintOffset() {
        return (int) TrailerDescriptor.hintOffset(trailer());
    }

    public int hintLength() {
        return (int) TrailerDescriptor.hintLength(trailer());
    }

    /** @return the hint section, a view. */
    public ByteBuffer hint() {
        return slice(hintOffset(), hintLength());
    }

    /** Rewrites file UUID, parent UUID (null: none) and parent name (null: none), with flags and checksums. */
    public CheckpointImage identity(java.util.UUID file, java.util.UUID parent, String parentName) {
        ByteBuffer h = header();
        HeaderDescriptor.fileUuid(h, file);
        HeaderDescriptor.parentUuid(h, parent);
        HeaderDescriptor.flags(h, parent == null ? 0 : HeaderDescriptor.FLAG_INCREMENTAL);
        java.util.Arrays.fill(bytes, HeaderDescriptor.LENGTH, io.ckpt.format.ParentReferenceDescriptor.regionLength(), (byte) 0);
        if (parentName != null) {
            io.ckpt.format.ParentReferenceDescriptor.write(headerRegion(), parentName);
        }
        fixHeaderCrc();
        fixTrailerCrc();
        return this;
    }
}
