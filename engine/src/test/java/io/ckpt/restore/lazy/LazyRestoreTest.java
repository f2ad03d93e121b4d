package io.ckpt.restore.lazy;

import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import io.ckpt.Checkpoints;
import io.ckpt.format.CheckpointMetadata;
import io.ckpt.format.Encoding;
import io.ckpt.format.IndexEntryDescriptor;
import io.ckpt.memory.GuestMemory;
import io.ckpt.save.SaveOptions;
import io.ckpt.workload.ArenaFiller;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LazyRestoreTest {
    private static final long SIZE = 16L << 20;
    private static final int SLAB = 4 << 20;

    @TempDir
    Path dir;
    Path file;

    @BeforeEach
    void save() throws Exception {
        file = dir.resolve("lazy.ckpt");
        try (GuestMemory source = source()) {
            Checkpoints.save(source, file, SaveOptions.defaults().withStorageBlockSize(256 << 10));
        }
    }

    static GuestMemory source() {
        GuestMemory m = GuestMemory.allocate(SIZE, SLAB);
        ArenaFiller.fill(m, ArenaFiller.Profile.MIXED, 7);
        return m;
    }

    static Stream<Arguments> policies() {
        return Stream.of(Prefetch.values()).flatMap(p -> Stream.of(Neighbours.values()).flatMap(
            n -> Stream.of(ReadMode.values()).flatMap(m ->
                Stream.of(Arguments.of(p, n, true, m), Arguments.of(p, n, false, m)))));
    }

    @ParameterizedTest
    @MethodSource("policies")
    void shouldRestoreEveryByteAfterLazyFaults(Prefetch prefetch, Neighbours neighbours, boolean zeroed, ReadMode mode)
        throws Exception {
        try (GuestMemory expected = source(); GuestMemory target = GuestMemory.allocate(SIZE, SLAB)) {
            if (!zeroed) {
                target.fill(0, SIZE, (byte) 0x77);
            }
            LazyRestoreOptions options = LazyRestoreOptions.defaults().withPrefetch(prefetch).withNeighbours(neighbours)
                .withArenaZeroed(zeroed).withReadMode(mode);
            try (LazyRestore r = LazyRestore.start(file, target, options)) {
                assertTrue(target.guard() != null || r.isComplete(), "guarded until complete");
                // Touch pages in a seeded random order through the guarded accessors.
                SplittableRandom rnd = new SplittableRandom(11);
                long pages = SIZE / GuestMemory.PAGE_SIZE;
                byte[] a = new byte[GuestMemory.PAGE_SIZE];
                byte[] b = new byte[GuestMemory.PAGE_SIZE];
                for (int i = 0; i < pages; i++) {
                    long p = rnd.nextLong(pages);
                    target.readPage(p, a, 0);
                    expected.readPage(p, b, 0);
                    assertTrue(java.util.Arrays.equals(a, b), "page " + p + " differs");
                }
                for (long p = 0; p < pages; p++) {
                    target.readPage(p, a, 0);
                }
                r.awaitCompletion();
                LazyRestoreStats s = r.stats();
                CheckpointMetadata meta = CheckpointMetadata.read(file);
                assertEquals(meta.blockCount(), s.installedByFault() + s.installedByNeighbour() + s.installedByPrefetch()
                    + s.presetZero(), "every block installed exactly once: " + s);
                assertTrue(s.completeNanos() >= 0);
                assertNull(target.guard(), "guard removed at completion");
            }
            io.ckpt.ArenaAssert.assertArenasEqual(expected, target, prefetch + "/" + neighbours);
        }
    }

    @Test
    void shouldCompleteInBackgroundWithoutTouches() throws Exception {
        try (GuestMemory expected = source(); GuestMemory target = GuestMemory.allocate(SIZE, SLAB);
             LazyRestore r = LazyRestore.start(file, target, LazyRestoreOptions.defaults())) {
            r.awaitCompletion();
            assertEquals(0, r.stats().faults());
            io.ckpt.ArenaAssert.assertArenasEqual(expected, target, "prefetch only");
        }
    }

    @Test
    void shouldReportCorruptBlockToTheTouchingThreadOnly() throws Exception {
        CheckpointMetadata meta = CheckpointMetadata.read(file);
        long victim = -1;
        for (long b = 0; b < meta.blockCount() && victim < 0; b++) {
            if (IndexEntryDescriptor.encoding(meta.index(), b) == Encoding.LZ4) {
                victim = b;
            }
        }
        int sb = IndexEntryDescriptor.storageBlock(meta.index(), victim);
        long at = meta.storageBlockOffset(sb) + IndexEntryDescriptor.payloadOffset(meta.index(), victim)
            + IndexEntryDescriptor.storedLength(meta.index(), victim) / 2;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer one = java.nio.ByteBuffer.allocate(1);
            ch.read(one, at);
            one.put(0, (byte) (one.get(0) ^ 0x5A));
            ch.write(one.clear(), at);
        }
        long bad = victim;
        try (GuestMemory expected = source(); GuestMemory target = GuestMemory.allocate(SIZE, SLAB);
             LazyRestore r = LazyRestore.start(file, target,
                 LazyRestoreOptions.defaults().withPrefetch(Prefetch.NONE).withNeighbours(Neighbours.NONE))) {
            long address = bad * meta.blockBytes();
            LazyRestoreException e = assertThrows(LazyRestoreException.class, () -> target.getLong(address));
            assertEquals(bad, e.block());
            assertTrue(e.getMessage().contains("0x"), e.getMessage());
            assertThrows(LazyRestoreException.class, () -> target.getByte(address + 100), "stays failed");
            assertEquals(1, r.stats().failedBlocks());
            long other = bad == 0 ? meta.blockBytes() : 0;
            assertEquals(expected.getLong(other), target.getLong(other), "other blocks still restore");
            assertThrows(io.ckpt.format.CorruptCheckpointException.class, r::awaitCompletion);
        }
    }

    @Test
    void shouldKeepPresentBlocksAfterCloseAndRefuseAbsentOnes() throws Exception {
        try (GuestMemory expected = source(); GuestMemory target = GuestMemory.allocate(SIZE, SLAB)) {
            LazyRestore r = LazyRestore.start(file, target,
                LazyRestoreOptions.defaults().withPrefetch(Prefetch.NONE).withNeighbours(Neighbours.NONE));
            assertEquals(expected.getLong(0), target.getLong(0));
            r.close();
            assertEquals(expected.getLong(8), target.getLong(8), "present block usable after close");
            assertThrows(IllegalStateException.class, () -> target.getLong(SIZE - 8));
            assertThrows(IllegalStateException.class, r::awaitCompletion);
        }
    }

    @Test
    void shouldLetALateFaultOnAPresentBlockThroughAfterTheRestoreCompletedAndClosed() throws Exception {
        // A host thread that saw a block absent, then lost the race to the thread that installed it,
        // the restore's completion and its close: its fault must find the block present, not refuse it.
        try (GuestMemory expected = source(); GuestMemory target = GuestMemory.allocate(SIZE, SLAB)) {
            LazyRestore r = LazyRestore.start(file, target, LazyRestoreOptions.defaults());
            r.awaitCompletion();
            r.close();
            long last = SIZE / (16 * GuestMemory.PAGE_SIZE) - 1;   // the default 64 KiB page blocks
            for (long b : new long[] {0, last / 2, last}) {
                r.fault(b);
            }
            io.ckpt.ArenaAssert.assertArenasEqual(expected, target, "after late faults");
        }
        // ...while an absent block of a closed, unfinished restore is still refused.
        try (GuestMemory target = GuestMemory.allocate(SIZE, SLAB)) {
            LazyRestore r = LazyRestore.start(file, target,
                LazyRestoreOptions.defaults().withPrefetch(Prefetch.NONE).withNeighbours(Neighbours.NONE));
            r.close();
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> r.fault(1));
            assertTrue(e.getMessage().contains("closed before page block 1"), e.getMessage());
        }
    }

    @Test
    void shouldLetARestoreReplaceAnUnfinishedLazyRestoreButRefuseASave() throws Exception {
        try (GuestMemory expected = source(); GuestMemory target = GuestMemory.allocate(SIZE, SLAB)) {
            LazyRestore r = LazyRestore.start(file, target,
                LazyRestoreOptions.defaults().withPrefetch(Prefetch.NONE).withNeighbours(Neighbours.NONE));
            target.getLong(0);
            r.close();
            IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Checkpoints.save(target, dir.resolve("partial.ckpt")));
            assertTrue(e.getMessage().contains("unfinished lazy restore"), e.getMessage());
            Checkpoints.restore(file, target);
            assertNull(target.guard(), "the eager restore replaced the closed lazy restore's guard");
            io.ckpt.ArenaAssert.assertArenasEqual(expected, target, "eager restore after an unfinished lazy one");
            try (LazyRestore again = LazyRestore.start(file, target, LazyRestoreOptions.defaults())) {
                again.awaitCompletion();
            }
            io.ckpt.ArenaAssert.assertArenasEqual(expected, target, "lazy restore again");
        }
    }

    @Test
    void shouldNotOverwriteHostWritesWithPrefetchedData() throws Exception {
        try (GuestMemory target = GuestMemory.allocate(SIZE, SLAB);
             LazyRestore r = LazyRestore.start(file, target, LazyRestoreOptions.defaults())) {
            for (long a = 0; a < SIZE; a += 4096) {
                target.putLong(a, a ^ 0x5555);
            }
            r.awaitCompletion();
            for (long a = 0; a < SIZE; a += 4096) {
                assertEquals(a ^ 0x5555, target.getLong(a), "write at " + a + " survived");
            }
        }
    }
}
