package io.ckpt.format;

import java.nio.ByteBuffer;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import static io.ckpt.format.TestCheckpoint.SB1;
import static io.ckpt.format.TestCheckpoint.SB_LENGTH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link StorageBlockDescriptor#check}: the storage block header and reverse map, one bad field at a time. */
class StorageBlockValidationTest {
    private static void corrupt(Consumer<ByteBuffer> change, boolean recomputeCrc, int available, int sequence,
                                String expectedDetail) {
        ByteBuffer f = ByteBuffer.wrap(TestCheckpoint.build());
        change.accept(f);
        if (recomputeCrc) {
            StorageBlockDescriptor.mapCrc(f, SB1, StorageBlockDescriptor.computeMapCrc(f, SB1));
        }
        CorruptCheckpointException e = assertThrows(CorruptCheckpointException.class,
            () -> StorageBlockDescriptor.check(f, SB1, available, sequence, SB1));
        assertEquals("storage block " + sequence, e.structure());
        assertEquals(SB1, e.fileOffset());
        assertTrue(e.getMessage().contains(expectedDetail), e.getMessage());
    }

    @Test
    void shouldAcceptValidStorageBlock() throws Exception {
        ByteBuffer f = ByteBuffer.wrap(TestCheckpoint.build());
        StorageBlockDescriptor.check(f, SB1, SB_LENGTH, 1, SB1);
        assertEquals(1, StorageBlockDescriptor.entryCount(f, SB1));
        assertEquals(2, StorageBlockDescriptor.mapEntry(f, SB1, 0));
        assertEquals(SB_LENGTH - 4, StorageBlockDescriptor.mapOffset(f, SB1));
    }

    @Test
    void shouldRejectBadMagic() {
        corrupt(f -> f.put(SB1, (byte) 'X'), true, SB_LENGTH, 1, "bad magic");
    }

    @Test
    void shouldRejectLengthDifferentFromTable() {
        corrupt(f -> { }, true, SB_LENGTH + 8, 1, "inconsistent header");
    }

    @Test
    void shouldRejectTableLengthBelowHeader() {
        corrupt(f -> { }, true, 16, 1, "below header length");
    }

    @Test
    void shouldRejectNoEntries() {
        corrupt(f -> StorageBlockDescriptor.entryCount(f, SB1, 0), true, SB_LENGTH, 1, "inconsistent header");
    }

    @Test
    void shouldRejectMapInsideHeader() {
        corrupt(f -> StorageBlockDescriptor.mapOffset(f, SB1, 16), true, SB_LENGTH, 1, "inconsistent header");
    }

    @Test
    void shouldRejectMapNotEndingTheBlock() {
        corrupt(f -> StorageBlockDescriptor.mapOffset(f, SB1, SB_LENGTH - 8), true, SB_LENGTH, 1, "inconsistent header");
    }

    @Test
    void shouldRejectWrongSequence() {
        corrupt(f -> { }, true, SB_LENGTH, 0, "sequence 1, expected 0");
    }

    @Test
    void shouldRejectMapCrcMismatch() {
        corrupt(f -> f.put(SB1 + SB_LENGTH - 4, (byte) 3), false, SB_LENGTH, 1, "map checksum mismatch");
        corrupt(f -> StorageBlockDescriptor.sequence(f, SB1, 0), false, SB_LENGTH, 0, "map checksum mismatch");
    }
}
