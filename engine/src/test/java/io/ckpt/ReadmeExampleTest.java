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

/** The README's embedding examples, as written there (with a smaller arena), so they stay true. */
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

    @Test
    void shouldRunTheReadmeViewExample() throws Exception {
        try (GuestMemory memory = GuestMemory.allocate(64L << 20)) {
            org.agrona.concurrent.UnsafeBuffer page = memory.writableView(0x40000, 64 << 10);
            page.putLong(0, 42);
            assertEquals(42, memory.getLong(0x40000));
            assertTrue(memory.tracking().snapshotDirty(false).get(0x40000 / memory.tracking().blockBytes()));
        }
    }

    @Test
    void shouldRunTheReadmeImageExample() throws Exception {
        Path ram = dir.resolve("vm.ram");
        byte[] bytes = new byte[3 << 20];
        new java.util.SplittableRandom(3).nextBytes(bytes);
        java.nio.file.Files.write(ram, bytes);
        Path ckpt = dir.resolve("vm.ckpt");
        io.ckpt.save.SaveStats s = Checkpoints.saveImage(ram, ckpt, SaveOptions.defaults());
        java.nio.file.Files.delete(ram);
        java.util.List<Long> seen = new java.util.ArrayList<>();
        io.ckpt.restore.RestoreStats r = Checkpoints.restoreImage(ckpt, ram,
            io.ckpt.restore.RestoreOptions.defaults().withSync(true).withProgress((done, total) -> seen.add(done)));
        assertEquals(s.arenaBytes(), r.arenaBytes());
        org.junit.jupiter.api.Assertions.assertArrayEquals(bytes, java.nio.file.Files.readAllBytes(ram));
        assertEquals(3L << 20, seen.get(seen.size() - 1));
    }
}
