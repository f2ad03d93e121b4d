package io.ckpt.save;

import io.ckpt.format.DictionaryDescriptor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class DictionaryTrainerTest {
    @Test
    void shouldRefuseADictionaryTheFormatCannotStore() {
        assertNull(DictionaryTrainer.usable(new byte[135]), "zstd once trained 135 bytes");
        assertNull(DictionaryTrainer.usable(new byte[DictionaryDescriptor.MIN_LENGTH - 1]));
        assertNull(DictionaryTrainer.usable(new byte[DictionaryDescriptor.MAX_LENGTH + 1]));
        byte[] smallest = new byte[DictionaryDescriptor.MIN_LENGTH];
        assertSame(smallest, DictionaryTrainer.usable(smallest));
        byte[] largest = new byte[DictionaryDescriptor.MAX_LENGTH];
        assertSame(largest, DictionaryTrainer.usable(largest));
    }
}
