package io.ckpt.save;

import java.nio.file.Path;

import io.ckpt.ArenaAssert;
import io.ckpt.Checkpoints;
import io.ckpt.memory.GuestMemory;
import io.ckpt.workload.ArenaFiller;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Lz4LevelTest {
    @TempDir
    Path dir;

    @Test
    void shouldRestoreEveryLevelByteForByteAndShrinkAsTheLevelRises() throws Exception {
        try (GuestMemory memory = GuestMemory.allocate(8L << 20, 1 << 20)) {
            ArenaFiller.fill(memory, ArenaFiller.Profile.MIXED, 21);
            long previous = Long.MAX_VALUE;
            for (int level : new int[] {1, 2, 9}) {
                Path file = dir.resolve("level" + level + ".ckpt");
                SaveStats s = Checkpoints.save(memory, file, SaveOptions.defaults().withLz4Level(level));
                assertTrue(s.fileBytes() < previous, "level " + level + " wrote " + s.fileBytes()
                    + " bytes, not less than the level before (" + previous + ")");
                previous = s.fileBytes();
                try (GuestMemory restored = Checkpoints.restore(file)) {
                    ArenaAssert.assertArenasEqual(memory, restored, "LZ4 level " + level);
                }
                assertEquals(s.blocks(), Checkpoints.verify(file).blocks(), "verifies at level " + level);
            }
        }
    }

    @Test
    void shouldRejectLevelsOutOfRangeAndKeepTheLevelThroughOtherWithers() {
        assertThrows(IllegalArgumentException.class, () -> SaveOptions.defaults().withLz4Level(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> SaveOptions.defaults().withLz4Level(13));
        assertTrue(e.getMessage().contains("13"), e.getMessage());
        assertEquals(1, SaveOptions.defaults().lz4Level());
        assertEquals(2, SaveOptions.defaults().withLz4Level(2).withPagesPerBlock(8).withCompressors(1).lz4Level());
    }
}
