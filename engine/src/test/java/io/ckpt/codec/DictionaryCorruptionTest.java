package io.ckpt.codec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;

import io.ckpt.Checkpoints;
import io.ckpt.format.CheckpointMetadata;
import io.ckpt.format.Codec;
import io.ckpt.format.CorruptCheckpointException;
import io.ckpt.format.DictionaryDescriptor;
import io.ckpt.format.Encoding;
import io.ckpt.format.HeaderDescriptor;
import io.ckpt.format.IndexEntryDescriptor;
import io.ckpt.format.TrailerDescriptor;
import io.ckpt.memory.GuestMemory;
import io.ckpt.restore.CheckpointVerifier;
import io.ckpt.restore.RestoreOptions;
import io.ckpt.restore.lazy.LazyRestore;
import io.ckpt.restore.lazy.LazyRestoreOptions;
import io.ckpt.restore.lazy.Prefetch;
import io.ckpt.save.SaveOptions;
import io.ckpt.workload.ArenaFiller;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Damage to the dictionary section, its header fields or a ZSTD payload ends in a typed
 * {@link CorruptCheckpointException} that names the structure, before any native zstd code
 * sees an unchecked length: never a crash, a hang or wrong bytes reported as good.
 */
class DictionaryCorruptionTest {
    private static final long SIZE = 8L << 20;

    @TempDir
    Path dir;
    private Path good;
    private byte[] bytes;
    private int dictionaryLength;

    @BeforeEach
    void save() throws Exception {
        good = dir.resolve("good.ckpt");
        try (GuestMemory memory = GuestMemory.allocate(SIZE)) {
            ArenaFiller.fill(memory, ArenaFiller.Profile.MIXED, 41);
            Checkpoints.save(memory, good, SaveOptions.defaults().withCodec(Codec.ZSTD).withPagesPerBlock(4)
                .withDictionarySize(16 << 10));
        }
        bytes = Files.readAllBytes(good);
        dictionaryLength = CheckpointMetadata.read(good).dictionaryLength();
        assertTrue(dictionaryLength > 0, "the save trained a dictionary");
    }

    @Test
    void shouldNameTheDictionaryWhenOneOfItsBytesIsFlipped() throws Exception {
        for (int at : new int[] {0, 7, dictionaryLength / 2, dictionaryLength - 1}) {
            byte[] b = bytes.clone();
            b[(int) DictionaryDescriptor.OFFSET + at] ^= 0x10;
            Path bad = write("flip-" + at, b);
            CorruptCheckpointException e = assertThrows(CorruptCheckpointException.class,
                () -> CheckpointMetadata.read(bad));
            assertEquals("dictionary", e.structure(), e.getMessage());
            assertTrue(e.getMessage().contains("checksum mismatch"), e.getMessage());
            assertEquals("dictionary", assertThrows(CorruptCheckpointException.class,
                () -> Checkpoints.restore(bad).close()).structure());
            assertThrows(CorruptCheckpointException.class, () -> CheckpointVerifier.verify(bad));
        }
    }

    @Test
    void shouldRejectDictionaryFieldsOutOfRangeBeforeReadingThem() throws Exception {
        // Each variant is resealed (header and trailer CRCs recomputed), so only the field check can catch it.
        int[] lengths = {1, DictionaryDescriptor.MIN_LENGTH - 1, DictionaryDescriptor.MAX_LENGTH + 1, -1,
            Integer.MAX_VALUE};
        for (int length : lengths) {
            byte[] b = bytes.clone();
            ByteBuffer h = header(b);
            HeaderDescriptor.dictionaryLength(h, length);
            reseal(b);
            CorruptCheckpointException e = assertThrows(CorruptCheckpointException.class,
                () -> CheckpointMetadata.read(write("len-" + length, b)));
            assertEquals("header", e.structure(), "length " + length + ": " + e.getMessage());
        }
        byte[] b = bytes.clone();
        HeaderDescriptor.dictionaryOffset(header(b), 8192);
        reseal(b);
        assertEquals("header", assertThrows(CorruptCheckpointException.class,
            () -> CheckpointMetadata.read(write("offset", b))).structure());
    }

    @Test
    void shouldRejectAFileTruncatedInsideTheDictionary() throws Exception {
        byte[] b = java.util.Arrays.copyOf(bytes, (int) DictionaryDescriptor.OFFSET + dictionaryLength / 2);
        assertThrows(CorruptCheckpointException.class, () -> CheckpointMetadata.read(write("cut", b)));
    }

    /**
     * A dictionary altered and resealed (its CRC32C and the header's recomputed, as a crafted
     * file would be) still cannot produce wrong bytes: zstd either refuses the frames or the
     * blocks' own CRC32C catches the output, on every restore path.
     */
    @Test
    void shouldCatchAResealedForeignDictionaryThroughTheBlockChecksums() throws Exception {
        byte[] b = bytes.clone();
        int from = (int) DictionaryDescriptor.OFFSET;
        for (int i = from + 8; i < from + dictionaryLength; i += 3) {
            b[i] ^= 0x5A;
        }
        CRC32C c = new CRC32C();
        c.update(b, from, dictionaryLength);
        HeaderDescriptor.dictionaryCrc(header(b), (int) c.getValue());
        reseal(b);
        Path bad = write("foreign", b);
        CheckpointMetadata.read(bad); // the structure is consistent: only decoding can tell
        assertThrows(CorruptCheckpointException.class, () -> Checkpoints.restore(bad).close());
        assertThrows(CorruptCheckpointException.class, () -> CheckpointVerifier.verify(bad));
        assertThrows(CorruptCheckpointException.class,
            () -> Checkpoints.restoreImage(bad, dir.resolve("foreign.raw"), RestoreOptions.defaults()));
        try (GuestMemory target = GuestMemory.allocate(SIZE);
             LazyRestore r = LazyRestore.start(bad, target, LazyRestoreOptions.defaults()
                 .withPrefetch(Prefetch.SEQUENTIAL))) {
            assertThrows(CorruptCheckpointException.class, r::awaitCompletion);
        }
    }

    @Test
    void shouldNameTheBlockWhenAZstdPayloadIsDamaged() throws Exception {
        CheckpointMetadata m = CheckpointMetadata.read(good);
        ByteBuffer index = m.index();
        long block = -1;
        for (long n = 0; n < m.blockCount() && block < 0; n++) {
            if (IndexEntryDescriptor.encoding(index, n) == Encoding.ZSTD) {
                block = n;
            }
        }
        assertTrue(block >= 0, "a ZSTD block");
        long at = m.storageBlockOffset(IndexEntryDescriptor.storageBlock(index, block))
            + IndexEntryDescriptor.payloadOffset(index, block);
        int stored = IndexEntryDescriptor.storedLength(index, block);
        int caught = 0;
        for (int i = 0; i < stored; i += Math.max(1, stored / 64)) {
            byte[] b = bytes.clone();
            b[(int) (at + i)] ^= 0x01;
            Path bad = write("payload-" + i, b);
            try {
                CheckpointVerifier.verify(bad);
            } catch (CorruptCheckpointException e) {
                assertEquals("block " + block, e.structure(), "payload byte " + i + ": " + e.getMessage());
                // zstd frames carry no checksum of their own (the block's CRC32C is the check), so
                // an eager restore catches a damaged payload when it verifies, as for LZ4.
                try (GuestMemory target = GuestMemory.allocate(SIZE)) {
                    assertThrows(CorruptCheckpointException.class, () -> Checkpoints.restore(bad, target,
                        RestoreOptions.defaults().withVerifyChecksums(true)));
                }
                caught++;
                continue;
            }
            // A bit zstd never reads (bitstream padding) changes nothing: then every byte must still be right.
            try (GuestMemory expected = GuestMemory.allocate(SIZE); GuestMemory restored = Checkpoints.restore(bad)) {
                ArenaFiller.fill(expected, ArenaFiller.Profile.MIXED, 41);
                io.ckpt.ArenaAssert.assertArenasEqual(expected, restored, "payload byte " + i + " flipped, verify passed");
            }
        }
        assertTrue(caught > 32, caught + " of 64 flips caught");
    }

    private static ByteBuffer header(byte[] b) {
        return ByteBuffer.wrap(b, 0, HeaderDescriptor.LENGTH).slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Recomputes the header CRC and the trailer CRC that binds the trailer to the header. */
    private static void reseal(byte[] b) {
        ByteBuffer h = header(b);
        HeaderDescriptor.headerCrc(h, HeaderDescriptor.computeCrc(h));
        ByteBuffer t = ByteBuffer.wrap(b, b.length - TrailerDescriptor.LENGTH, TrailerDescriptor.LENGTH).slice()
            .order(ByteOrder.LITTLE_ENDIAN);
        TrailerDescriptor.trailerCrc(t, TrailerDescriptor.computeTrailerCrc(h, t));
    }

    private Path write(String name, byte[] b) throws Exception {
        Path p = dir.resolve(name + ".ckpt");
        Files.write(p, b);
        return p;
    }
}
