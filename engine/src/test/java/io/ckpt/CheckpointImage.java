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
final class CheckpointImage {
    final byte[] bytes;

    CheckpointImage(byte[] bytes) {
        this.bytes = bytes;
    }

    static CheckpointImage read(Path file) throws IOException {
        return new CheckpointImage(Files.readAllBytes(file));
    }

    CheckpointImage copy() {
        return new CheckpointImage(bytes.clone());
    }

    /** Writes the image to {@code file}, replacing it. */
    Path write(Path file) throws IOException {
        Files.write(file, bytes);
        return file;
    }

    int length() {
        return bytes.length;
    }

    /** @return a little-endian view of {@code [offset, offset + length)}; writes go to the image. */
    ByteBuffer slice(int offset, int length) {
        return ByteBuffer.wrap(bytes, offset, length).slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** @return a little-endian view of the whole file, indexed by file offset. */
    ByteBuffer all() {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    ByteBuffer header() {
        return slice(0, HeaderDescriptor.LENGTH);
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

    int indexLength() {
        return (int) TrailerDescriptor.indexLength(trailer());
    }

    ByteBuffer index() {
        return slice(indexOffset(), indexLength());
    }

    int tableOffset() {
        return (int) TrailerDescriptor.tableOffset(trailer());
    }

    int tableLength() {
        return (int) TrailerDescriptor.tableLength(trailer());
    }

    ByteBuffer table() {
        return slice(tableOffset(), tableLength());
    }

    long blockCount() {
        return HeaderDescriptor.blockCount(header());
    }

    int storageBlockCount() {
        return tableLength() / StorageTableDescriptor.LENGTH;
    }

    int storageBlockOffset(int sb) {
        return (int) StorageTableDescriptor.fileOffset(table(), sb);
    }

    int storageBlockLength(int sb) {
        return StorageTableDescriptor.length(table(), sb);
    }

    /** @return the file offset of page block {@code block}'s payload (meaningless for ZERO blocks). */
    int payloadAt(long block) {
        ByteBuffer index = index();
        return storageBlockOffset(IndexEntryDescriptor.storageBlock(index, block))
            + IndexEntryDescriptor.payloadOffset(index, block);
    }

    /** XORs the byte at {@code offset} with {@code mask} (non-zero, so the byte changes). */
    void flip(int offset, int mask) {
        if ((mask & 0xFF) == 0) {
            throw new IllegalArgumentException("mask=" + mask + " would not change the byte");
        }
        bytes[offset] ^= (byte) mask;
    }

    void fixHeaderCrc() {
        ByteBuffer h = header();
        HeaderDescriptor.headerCrc(h, HeaderDescriptor.computeCrc(h));
    }

    void fixIndexCrc() {
        TrailerDescriptor.indexCrc(trailer(), crc(index()));
    }

    /** Table CRC covers the table and then the hint section. */
    void fixTableCrc() {
        ByteBuffer t = trailer();
        CRC32C c = new CRC32C();
        c.update(table());
        c.update(slice((int) TrailerDescriptor.hintOffset(t), (int) TrailerDescriptor.hintLength(t)));
        TrailerDescriptor.tableCrc(t, (int) c.getValue());
    }

    /** Trailer CRC covers the header struct and the trailer's first 56 bytes: fix it last. */
    void fixTrailerCrc() {
        ByteBuffer t = trailer();
        TrailerDescriptor.trailerCrc(t, TrailerDescriptor.computeTrailerCrc(header(), t));
    }

    void fixMapCrc(int sb) {
        ByteBuffer all = all();
        int at = storageBlockOffset(sb);
        StorageBlockDescriptor.mapCrc(all, at, StorageBlockDescriptor.computeMapCrc(all, at));
    }

    /** Recomputes header, index, table and trailer checksums, in dependency order. */
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
