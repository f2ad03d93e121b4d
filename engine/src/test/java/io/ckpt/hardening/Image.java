package io.ckpt.hardening;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;
import java.util.zip.CRC32C;

import io.ckpt.format.HeaderDescriptor;
import io.ckpt.format.IndexEntryDescriptor;
import io.ckpt.format.ParentReferenceDescriptor;
import io.ckpt.format.StorageBlockDescriptor;
import io.ckpt.format.StorageTableDescriptor;
import io.ckpt.format.TrailerDescriptor;

/**
 * A checkpoint file held in a byte array for surgery: views of each structure through the
 * format descriptors, and recomputation of every checksum that covers a rewritten field, so
 * that the validation logic, not a checksum, has to catch the rewrite. Locations come from the
 * image's own trailer and table: take offsets from a pristine image before damaging those.
 *
 * <p>Thread-safety: single-threaded.
 */
final class Image {
    final byte[] bytes;

    Image(byte[] bytes) {
        this.bytes = bytes;
    }

    static Image read(Path file) throws IOException {
        return new Image(Files.readAllBytes(file));
    }

    Image copy() {
        return new Image(bytes.clone());
    }

    /** @return the first {@code length} bytes as a new image. */
    Image truncated(int length) {
        return new Image(Arrays.copyOf(bytes, length));
    }

    Path write(Path file) throws IOException {
        return Files.write(file, bytes);
    }

    int length() {
        return bytes.length;
    }

    ByteBuffer slice(int offset, int length) {
        return ByteBuffer.wrap(bytes, offset, length).slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    ByteBuffer all() {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    ByteBuffer header() {
        return slice(0, HeaderDescriptor.LENGTH);
    }

    /** @return the header region up to the end of the parent reference's longest name. */
    ByteBuffer headerRegion() {
        return slice(0, ParentReferenceDescriptor.regionLength());
    }

    int trailerAt() {
        return bytes.length - TrailerDescriptor.LENGTH;
    }

    ByteBuffer trailer() {
        return slice(trailerAt(), TrailerDescriptor.LENGTH);
    }

    int indexOffset() {
        return (int) TrailerDescriptor.indexOffset(trailer());
    }

    ByteBuffer index() {
        return slice(indexOffset(), (int) TrailerDescriptor.indexLength(trailer()));
    }

    int tableOffset() {
        return (int) TrailerDescriptor.tableOffset(trailer());
    }

    ByteBuffer table() {
        return slice(tableOffset(), (int) TrailerDescriptor.tableLength(trailer()));
    }

    int hintOffset() {
        return (int) TrailerDescriptor.hintOffset(trailer());
    }

    int hintLength() {
        return (int) TrailerDescriptor.hintLength(trailer());
    }

    ByteBuffer hint() {
        return slice(hintOffset(), hintLength());
    }

    long blockCount() {
        return HeaderDescriptor.blockCount(header());
    }

    int storageBlockCount() {
        return (int) (TrailerDescriptor.tableLength(trailer()) / StorageTableDescriptor.LENGTH);
    }

    int storageBlockOffset(int sb) {
        return (int) StorageTableDescriptor.fileOffset(table(), sb);
    }

    /** @return the file offset of stored block {@code block}'s payload. */
    int payloadAt(long block) {
        ByteBuffer index = index();
        return storageBlockOffset(IndexEntryDescriptor.storageBlock(index, block))
            + IndexEntryDescriptor.payloadOffset(index, block);
    }

    void flip(int offset, int mask) {
        if ((mask & 0xFF) == 0) {
            throw new IllegalArgumentException("mask=" + mask + " would not change the byte");
        }
        bytes[offset] ^= (byte) mask;
    }

    /** Rewrites file UUID, parent UUID (null: none) and parent name (null: none), with flags and checksums. */
    Image identity(UUID file, UUID parent, String parentName) {
        ByteBuffer h = header();
        HeaderDescriptor.fileUuid(h, file);
        HeaderDescriptor.parentUuid(h, parent);
        HeaderDescriptor.flags(h, parent == null ? 0 : HeaderDescriptor.FLAG_INCREMENTAL);
        Arrays.fill(bytes, HeaderDescriptor.LENGTH, ParentReferenceDescriptor.regionLength(), (byte) 0);
        if (parentName != null) {
            ParentReferenceDescriptor.write(headerRegion(), parentName);
        }
        fixHeaderCrc();
        fixTrailerCrc();
        return this;
    }

    void fixHeaderCrc() {
        ByteBuffer h = header();
        HeaderDescriptor.headerCrc(h, HeaderDescriptor.computeCrc(h));
    }

    void fixIndexCrc() {
        TrailerDescriptor.indexCrc(trailer(), crc(index()));
    }

    /** The table CRC covers the table, then the hint section. */
    void fixTableCrc() {
        CRC32C c = new CRC32C();
        c.update(table());
        c.update(hint());
        TrailerDescriptor.tableCrc(trailer(), (int) c.getValue());
    }

    /** Covers the header struct and the trailer: fix it last. */
    void fixTrailerCrc() {
        ByteBuffer t = trailer();
        TrailerDescriptor.trailerCrc(t, TrailerDescriptor.computeTrailerCrc(header(), t));
    }

    void fixMapCrc(int sb) {
        ByteBuffer all = all();
        int at = storageBlockOffset(sb);
        StorageBlockDescriptor.mapCrc(all, at, StorageBlockDescriptor.computeMapCrc(all, at));
    }

    /** Recomputes header, index, table and trailer checksums in dependency order. */
    void fixMetadataCrcs() {
        fixHeaderCrc();
        fixIndexCrc();
        fixTableCrc();
        fixTrailerCrc();
    }

    static int crc(ByteBuffer b) {
        CRC32C c = new CRC32C();
        c.update(b.duplicate());
        return (int) c.getValue();
    }
}
