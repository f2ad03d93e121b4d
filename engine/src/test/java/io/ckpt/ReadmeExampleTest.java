package io.ckpt;

import java.nio.file.Path;

import io.ckpt.memory.GuestMemory;
import io.ckpt.restore.lazy.LazyRestore;
import io.ckpt.restore.lazy.LazyRestoreOptions;
import io.ckpt.restore.lazy.Prefetch;
import io.ckpt.save.PendingCheckpoint;
import io.ckpt.save.SaveOptions;
import io.ckpt.save.SaveStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's embedding example, as written there (with a smaller arena), so it stays true. */
class ReadmeExampleTest {
    @TempDir
    Path dir;

    @Test
    void shouldRunTheReadmeExample() throws Exception {
        Path vm = dir.resolve("vm.ckpt");
        Path vm1 = dir.resolve("vm-1.ckpt");
        try (GuestMemory memory = GuestMemory.allocate(64L << 20)) {
            memory.putLong(0x1000, 42);
            SaveStats full = Checkpoints.save(memory, vm);
            assertTrue(full.fileBytes() > 0);

            try (PendingCheckpoint c = PendingCheckpoint.prepare(memory, vm1, SaveOptions.defaults().withParent(vm))) {
                c.begin();
                memory.putLong(0x2000, 7);
                SaveStats s = c.await();
                assertEquals(0, s.blocks() - s.parentBlocks(), "nothing was written between the two checkpoints");
            }
        }
        try (GuestMemory memory = GuestMemory.allocate(64L << 20);
             LazyRestore r = LazyRestore.start(vm1, memory,
                 LazyRestoreOptions.defaults().withPrefetch(Prefetch.WORKING_SET).withArenaZeroed(true))) {
            long v = memory.getLong(0x1000);
            r.awaitCompletion();
            assertEquals(42, v);
            assertEquals(0, memory.getLong(0x2000), "the write after begin() is not in the checkpoint");
        }
    }
}
