package io.ckpt.save;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.SplittableRandom;

import io.ckpt.ArenaAssert;
import io.ckpt.Checkpoints;
import io.ckpt.format.CheckpointMetadata;
import io.ckpt.format.Encoding;
import io.ckpt.format.IndexEntryDescriptor;
import io.ckpt.format.ParentCheckpointException;
import io.ckpt.memory.GuestMemory;
import io.ckpt.restore.lazy.LazyRestore;
import io.ckpt.restore.lazy.LazyRestoreOptions;
import io.ckpt.restore.lazy.Prefetch;
import io.ckpt.workload.ArenaFiller;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IncrementalTest {
    private static final long SIZE = 32L << 20;
    private static final int SLAB = 8 << 20;

    @TempDir
    Path dir;

    /** Writes to about {@code percent}% of the blocks, seeded. */
    static void dirty(GuestMemory m, int percent, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int blockBytes = m.tracking().blockBytes();
        for (long b = 0; b < m.size() / blockBytes; b++) {
            if (rnd.nextInt(100) < percent) {
                m.putLong(b * blockBytes + 8L * rnd.nextInt(blockBytes / 8), rnd.nextLong());
            }
        }
    }

    @Test
    void shouldRestoreAChainOfIncrementalCheckpointsEagerlyAndLazily() throws Exception {
        Path base = dir.resolve("base.ckpt");
        Path inc1 = dir.resolve("inc1.ckpt");
        Path inc2 = dir.resolve("inc2.ckpt");
        try (GuestMemory memory = GuestMemory.allocate(SIZE, SLAB)) {
            ArenaFiller.fill(memory, ArenaFiller.Profile.MIXED, 5);
            SaveStats full = Checkpoints.save(memory, base);
            dirty(memory, 10, 1);
            memory.fill(3L << 20, 1 << 20, (byte) 0);   // a region that becomes zero
            SaveStats s1 = Checkpoints.save(memory, inc1, SaveOptions.defaults().withParent(base));
            dirty(memory, 1, 2);
            SaveStats s2 = PendingCheckpoint.begin(memory, inc2, SaveOptions.defaults().withParent(inc1)).await();
            assertTrue(s1.parentBlocks() > 0 && s2.parentBlocks() > s1.parentBlocks(), s1 + " / " + s2);
            assertTrue(s2.fileBytes() < full.fileBytes() / 10, "1% incremental is small: " + s2.fileBytes());
            CheckpointMetadata m2 = CheckpointMetadata.read(inc2);
            assertEquals(CheckpointMetadata.read(inc1).fileUuid(), m2.parentUuid());
            assertEquals("inc1.ckpt", m2.parentName());

            try (GuestMemory restored = Checkpoints.restore(inc2)) {
                ArenaAssert.assertArenasEqual(memory, restored, "eager chain restore");
            }
            try (GuestMemory target = GuestMemory.allocate(SIZE, SLAB);
                 LazyRestore r = LazyRestore.start(inc2, target, LazyRestoreOptions.defaults().withPrefetch(Prefetch.SEQUENTIAL))) {
                r.awaitCompletion();
                ArenaAssert.assertArenasEqual(memory, target, "lazy chain restore");
            }
        }
    }

    @Test
    void shouldNameBothUuidsWhenTheParentIsMissingOrAnother() throws Exception {
        Path base = dir.resolve("base.ckpt");
        Path child = dir.resolve("child.ckpt");
        Path other = dir.resolve("other.ckpt");
        try (GuestMemory memory = GuestMemory.allocate(SIZE, SLAB)) {
            ArenaFiller.fill(memory, ArenaFiller.Profile.MIXED, 6);
            Checkpoints.save(memory, base);
            dirty(memory, 5, 3);
            Checkpoints.save(memory, child, SaveOptions.defaults().withParent(base));
            Checkpoints.save(memory, other);
        }
        String baseUuid = CheckpointMetadata.read(base).fileUuid().toString();
        String childUuid = CheckpointMetadata.read(child).fileUuid().toString();
        String otherUuid = CheckpointMetadata.read(other).fileUuid().toString();
        Files.move(base, dir.resolve("moved.ckpt"));
        ParentCheckpointException missing = assertThrows(ParentCheckpointException.class, () -> Checkpoints.restore(child));
        assertTrue(missing.getMessage().contains(baseUuid) && missing.getMessage().contains(childUuid), missing.getMessage());
        Files.copy(other, base, StandardCopyOption.REPLACE_EXISTING);
        ParentCheckpointException wrong = assertThrows(ParentCheckpointException.class, () -> Checkpoints.restore(child));
        assertTrue(wrong.getMessage().contains(baseUuid) && wrong.getMessage().contains(otherUuid), wrong.getMessage());
    }

    @Test
    void shouldRefuseAParentTheArenaIsNotTrackingFrom() throws Exception {
        Path a = dir.resolve("a.ckpt");
        Path b = dir.resolve("b.ckpt");
        try (GuestMemory memory = GuestMemory.allocate(SIZE, SLAB)) {
            Checkpoints.save(memory, a);
            Checkpoints.save(memory, b);   // the arena now tracks from b
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Checkpoints.save(memory, dir.resolve("c.ckpt"), SaveOptions.defaults().withParent(a)));
            assertTrue(e.getMessage().contains(CheckpointMetadata.read(a).fileUuid().toString()), e.getMessage());
        }
    }

    @Test
    void shouldRefuseToOverwriteItsOwnParentChain() throws Exception {
        Path base = dir.resolve("base.ckpt");
        Path inc = dir.resolve("inc.ckpt");
        try (GuestMemory memory = GuestMemory.allocate(SIZE, SLAB)) {
            ArenaFiller.fill(memory, ArenaFiller.Profile.MIXED, 10);
            Checkpoints.save(memory, base);
            memory.putLong(0, 1);
            Checkpoints.save(memory, inc, SaveOptions.defaults().withParent(base));
            memory.putLong(8, 2);
            byte[] before = Files.readAllBytes(base);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Checkpoints.save(memory, base, SaveOptions.defaults().withParent(inc)));
            assertTrue(e.getMessage().contains("parent chain"), e.getMessage());
            assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(base)), "base untouched");
            SaveStats next = Checkpoints.save(memory, dir.resolve("inc2.ckpt"), SaveOptions.defaults().withParent(inc));
            assertEquals(1, next.blocks() - next.parentBlocks(), "the refused save put the dirty bits back");
        }
    }

    @Test
    void shouldContinueAChainFromARestoredArena() throws Exception {
        Path base = dir.resolve("base.ckpt");
        Path next = dir.resolve("next.ckpt");
        try (GuestMemory memory = GuestMemory.allocate(SIZE, SLAB)) {
            ArenaFiller.fill(memory, ArenaFiller.Profile.MIXED, 8);
            Checkpoints.save(memory, base);
        }
        try (GuestMemory restored = GuestMemory.allocate(SIZE, SLAB)) {
            Checkpoints.restore(base, restored);
            dirty(restored, 2, 9);
            SaveStats s = Checkpoints.save(restored, next, SaveOptions.defaults().withParent(base));
            assertTrue(s.parentBlocks() > 0);
            try (GuestMemory again = Checkpoints.restore(next)) {
                ArenaAssert.assertArenasEqual(restored, again, "chain from a restored arena");
            }
        }
    }

    @Test
    void shouldStoreTheWorkingSetHintAndWriteItFirst() throws Exception {
        Path file = dir.resolve("hint.ckpt");
        try (GuestMemory memory = GuestMemory.allocate(SIZE, SLAB)) {
            ArenaFiller.fill(memory, ArenaFiller.Profile.HEAP, 4);
            memory.tracking().setReadTracking(true);
            memory.tracking().reset(null);
            int blockBytes = memory.tracking().blockBytes();
            long[] touched = {300, 17, 450, 2};
            for (long b : touched) {
                memory.getLong(b * blockBytes + 64);
            }
            // One compressor: with two, which one's first storage block reaches the file first is up to the scheduler.
            SaveStats s = Checkpoints.save(memory, file, SaveOptions.defaults().withCompressors(1));
            assertEquals(touched.length, s.hintBlocks());
            CheckpointMetadata m = CheckpointMetadata.read(file);
            assertEquals(touched.length, m.hintBlockCount());
            for (long b : touched) {
                assertTrue(IndexEntryDescriptor.encoding(m.index(), b) != Encoding.ZERO);
                // Hinted blocks come first in the plan, so in the first storage block.
                assertTrue(IndexEntryDescriptor.storageBlock(m.index(), b) == 0,
                    "hinted block " + b + " is in a first storage block: " + IndexEntryDescriptor.storageBlock(m.index(), b));
            }
            assertTrue(memory.tracking().snapshotAccessed(false).isEmpty(), "accessed bits cleared at the checkpoint");
        }
    }

    @Test
    void shouldHintTheWrittenBlocksWhileReadsAreNotTracked() throws Exception {
        Path file = dir.resolve("hint-writes.ckpt");
        try (GuestMemory memory = GuestMemory.allocate(SIZE, SLAB)) {
            ArenaFiller.fill(memory, ArenaFiller.Profile.HEAP, 4);
            assertFalse(memory.tracking().isReadTracking(), "reads are not tracked by default");
            memory.tracking().reset(null);
            int blockBytes = memory.tracking().blockBytes();
            for (long b : new long[] {300, 17, 450, 2}) {
                memory.getLong(b * blockBytes + 64);
            }
            long[] written = {9, 401};
            for (long b : written) {
                memory.putLong(b * blockBytes + 128, b);
            }
            SaveStats s = Checkpoints.save(memory, file, SaveOptions.defaults().withCompressors(1));
            assertEquals(written.length, s.hintBlocks(), "the hint holds the written blocks, not the read ones");
            CheckpointMetadata m = CheckpointMetadata.read(file);
            for (long b : written) {
                assertEquals(0, IndexEntryDescriptor.storageBlock(m.index(), b), "hinted block " + b + " comes first");
            }
        }
    }
}
