package io.ckpt.hardening;

import io.ckpt.CheckpointImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;

import io.ckpt.ArenaAssert;
import io.ckpt.Checkpoints;
import io.ckpt.format.CheckpointMetadata;
import io.ckpt.format.Encoding;
import io.ckpt.format.IndexEntryDescriptor;
import io.ckpt.memory.GuestMemory;
import io.ckpt.restore.lazy.LazyRestore;
import io.ckpt.restore.lazy.LazyRestoreException;
import io.ckpt.restore.lazy.LazyRestoreOptions;
import io.ckpt.restore.lazy.Neighbours;
import io.ckpt.restore.lazy.Prefetch;
import io.ckpt.restore.lazy.ReadMode;
import io.ckpt.save.PendingCheckpoint;
import io.ckpt.save.SaveOptions;
import io.ckpt.workload.ArenaFiller;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Resource limits and release: an arena that disagrees with a checkpoint in size or block
 * geometry is refused with a clear error before anything is touched (eager and lazy); and
 * after {@link LazyRestore#close()} (complete, incomplete, failed) and
 * {@link PendingCheckpoint#close()} / {@link PendingCheckpoint#cancel()} no descriptor, mapping,
 * mapped buffer or {@code ckpt-*} thread is left (read from /proc/self, as ResourceTest does).
 */
class GeometryAndReleaseTest {
    private static final long SEED = Long.getLong("ckpt.test.seed", 0x6E0L);
    private static final long ARENA = 8L << 20;
    private static final int SLAB = 1 << 20;
    private static final int CYCLES = 6;

    @TempDir
    Path dir;
    private Path file;

    @BeforeEach
    void save() throws Exception {
        file = dir.resolve("vm.ckpt");
        try (GuestMemory m = source()) {
            Checkpoints.save(m, file, SaveOptions.defaults().withStorageBlockSize(256 << 10));
        }
    }

    private static GuestMemory source() {
        GuestMemory m = GuestMemory.allocate(ARENA, SLAB);
        ArenaFiller.fill(m, ArenaFiller.Profile.MIXED, SEED);
        return m;
    }

    // ---------------------------------------------------------------- geometry

    @ParameterizedTest
    @ValueSource(longs = {ARENA - 4096, ARENA + 4096, ARENA / 2, 2 * ARENA})
    void shouldRefuseAnArenaOfAnotherSizeEagerlyAndLazilyBeforeTouchingIt(long size) throws Exception {
        try (GuestMemory target = GuestMemory.allocate(size, SLAB)) {
            target.fill(0, size, (byte) 0x33);
            target.tracking().reset(null);
            IllegalArgumentException eager = assertThrows(IllegalArgumentException.class,
                () -> Checkpoints.restore(file, target));
            IllegalArgumentException lazy = assertThrows(IllegalArgumentException.class,
                () -> LazyRestore.start(file, target, LazyRestoreOptions.defaults()));
            for (IllegalArgumentException e : List.of(eager, lazy)) {
                assertTrue(e.getMessage().contains(Long.toString(ARENA)) && e.getMessage().contains(Long.toString(size)),
                    "names both sizes: " + e.getMessage());
            }
            assertNull(target.guard(), "a refused lazy restore left a guard");
            assertEquals(0x33333333_33333333L, target.getLong(0), "a refused restore wrote to the arena");
            assertEquals(null, target.tracking().base(), "a refused restore reset the dirty tracking");
        }
        Resources.joinEngineThreads(5_000);
        assertEquals(List.of(), Resources.engineThreads());
    }

    /**
     * A checkpoint in 16 KiB blocks restores exactly into an arena that tracks 64 KiB blocks,
     * eagerly and lazily; an incremental save on top must use the arena's tracking blocks, and
     * says so, instead of writing a chain whose links disagree in block size.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void shouldRestoreAcrossBlockGeometriesAndRefuseAnIncrementalOfAnotherOne(boolean lazy) throws Exception {
        Path small = dir.resolve("small-blocks.ckpt");
        try (GuestMemory m = source()) {
            Checkpoints.save(m, small, SaveOptions.defaults().withPagesPerBlock(4).withStorageBlockSize(64 << 10));
        }
        try (GuestMemory expected = source(); GuestMemory target = GuestMemory.allocate(ARENA, SLAB)) {
            if (lazy) {
                try (LazyRestore r = LazyRestore.start(small, target, LazyRestoreOptions.defaults())) {
                    r.awaitCompletion();
                }
            } else {
                Checkpoints.restore(small, target);
            }
            ArenaAssert.assertArenasEqual(expected, target, "16 KiB blocks into a 64 KiB-tracking arena, lazy=" + lazy);
            target.putLong(0, 1);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Checkpoints.save(target,
                dir.resolve("inc.ckpt"), SaveOptions.defaults().withPagesPerBlock(4).withParent(small)));
            assertTrue(e.getMessage().contains("pagesPerBlock") || e.getMessage().contains("-byte blocks"), e.getMessage());
            assertFalse(Files.exists(dir.resolve("inc.ckpt")));
            // The refused save put the dirty bit back: a full save, then an incremental in the arena's own blocks, work.
            Checkpoints.save(target, dir.resolve("full.ckpt"));
            target.putLong(8, 2);
            Checkpoints.save(target, dir.resolve("inc.ckpt"), SaveOptions.defaults().withParent(dir.resolve("full.ckpt")));
            try (GuestMemory again = Checkpoints.restore(dir.resolve("inc.ckpt"))) {
                ArenaAssert.assertArenasEqual(target, again, "incremental after the refused one");
            }
        }
    }

    /**
     * A restore into an arena that a lazy operation still guards (here a lazy restore with no
     * prefetch, so the guard stays until every block is touched) is refused, eagerly and lazily,
     * without touching the arena's dirty tracking: an incremental save afterwards still holds the
     * host's writes. (A lazy checkpoint's guard is refused the same way; LazySaveTest and the
     * cancel soak cover that side.)
     */
    @Test
    void shouldRefuseARestoreIntoAnArenaWithALazyOperationInProgress() throws Exception {
        Path other = dir.resolve("other.ckpt");
        try (GuestMemory m = GuestMemory.allocate(ARENA, SLAB)) {
            ArenaFiller.fill(m, ArenaFiller.Profile.TEXT, SEED);
            Checkpoints.save(m, other);
        }
        try (GuestMemory memory = GuestMemory.allocate(ARENA, SLAB);
             LazyRestore first = LazyRestore.start(file, memory,
                 LazyRestoreOptions.defaults().withPrefetch(Prefetch.NONE).withNeighbours(Neighbours.NONE))) {
            java.util.UUID base = memory.tracking().base();
            memory.putLong(0, 7);
            assertThrows(IllegalStateException.class, () -> Checkpoints.restore(other, memory));
            assertThrows(IllegalStateException.class, () -> LazyRestore.start(other, memory, LazyRestoreOptions.defaults()));
            assertEquals(base, memory.tracking().base(), "a refused restore changed the arena's tracking base");
            assertTrue(memory.tracking().snapshotDirty(false).get(0), "a refused restore cleared the dirty bits");
            for (long a = 0; a < ARENA; a += 4096) {
                memory.getLong(a);   // fault everything in: the first restore completes
            }
            assertTrue(first.isComplete());
            Path inc = dir.resolve("inc.ckpt");
            Checkpoints.save(memory, inc, SaveOptions.defaults().withParent(file));
            try (GuestMemory restored = Checkpoints.restore(inc)) {
                ArenaAssert.assertArenasEqual(memory, restored, "incremental after refused restores");
            }
            assertEquals(7, Checkpoints.restore(inc).getLong(0));
        }
    }

    // ---------------------------------------------------------------- release

    enum LazyEnd {
        /** Closed after completing. */
        COMPLETE,
        /** Closed with most blocks absent, the background prefetcher running. */
        EARLY,
        /** Closed after a block was found corrupt. */
        CORRUPT
    }

    @ParameterizedTest
    @EnumSource(LazyEnd.class)
    void shouldReleaseEverythingAfterLazyRestoreClose(LazyEnd end) throws Exception {
        assumeTrue(Resources.available(), "needs /proc/self");
        Path subject = end == LazyEnd.CORRUPT ? corruptCopy() : file;
        lazyCycle(subject, end, ReadMode.MAPPED);   // warm-up: class loading, native libraries
        Resources before = Resources.of(dir);
        for (int i = 0; i < CYCLES; i++) {
            lazyCycle(subject, end, i % 2 == 0 ? ReadMode.POOL : ReadMode.MAPPED);
            Resources.of(dir).assertReleased(before, "lazy restore closed " + end + " (cycle " + i + ")");
        }
    }

    private void lazyCycle(Path subject, LazyEnd end, ReadMode mode) throws Exception {
        try (GuestMemory expected = source(); GuestMemory target = GuestMemory.allocate(ARENA, SLAB)) {
            LazyRestoreOptions options = LazyRestoreOptions.defaults().withReadMode(mode);
            if (end == LazyEnd.EARLY) {
                options = options.withPrefetch(Prefetch.SEQUENTIAL).withPrefetchRate(1 << 20);
            }
            LazyRestore r = LazyRestore.start(subject, target, options);
            switch (end) {
                case COMPLETE -> {
                    r.awaitCompletion();
                    r.close();
                    ArenaAssert.assertArenasEqual(expected, target, "complete lazy restore");
                }
                case EARLY -> {
                    assertEquals(expected.getLong(ARENA - 8), target.getLong(ARENA - 8));
                    r.close();
                    assertFalse(r.isComplete(), "closed early");
                }
                case CORRUPT -> {
                    long bad = corruptBlock();
                    assertThrows(LazyRestoreException.class, () -> target.getLong(bad * (64 << 10)));
                    r.close();
                }
            }
            assertEquals(List.of(), Resources.engineThreads(), "close() joined the background thread");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cancel", "close", "close-before-begin", "cancel-then-close"})
    void shouldReleaseEverythingAfterALazyCheckpointIsCancelledOrClosed(String how) throws Exception {
        assumeTrue(Resources.available(), "needs /proc/self");
        try (GuestMemory memory = GuestMemory.allocate(32L << 20, 8 << 20)) {
            ArenaFiller.fill(memory, ArenaFiller.Profile.MIXED, SEED);
            Path target = dir.resolve("lazy.ckpt");
            Checkpoints.save(memory, target);
            byte[] before = Files.readAllBytes(target);
            endLazySave(memory, target, how);   // warm-up
            Resources start = Resources.of(dir);
            for (int i = 0; i < CYCLES; i++) {
                memory.putLong(4096L * i, i);
                endLazySave(memory, target, how);
                Resources.joinEngineThreads(5_000);
                Resources.of(dir).assertReleased(start, "lazy checkpoint ended by " + how + " (cycle " + i + ")");
                assertNull(memory.guard(), how + ": guard left on the arena");
                try (Stream<Path> files = Files.list(dir)) {
                    assertEquals(List.of(target, file).stream().sorted().toList(), files.sorted().toList(),
                        how + ": files left in the directory");
                }
                if (!java.util.Arrays.equals(before, Files.readAllBytes(target))) {
                    // The checkpoint committed before the cancel reached it: a complete one of the arena.
                    Checkpoints.verify(target);
                    before = Files.readAllBytes(target);
                }
            }
        }
    }

    private static void endLazySave(GuestMemory memory, Path target, String how) throws Exception {
        PendingCheckpoint p = how.equals("close-before-begin")
            ? PendingCheckpoint.prepare(memory, target, SaveOptions.defaults())
            : PendingCheckpoint.begin(memory, target, SaveOptions.defaults());
        switch (how) {
            case "cancel" -> {
                p.cancel();
                try {
                    p.await();
                } catch (CancellationException expected) {
                    // the usual outcome; a save that committed first is fine too
                }
            }
            case "cancel-then-close" -> {
                p.cancel();
                p.close();
                assertTrue(p.isDone());
            }
            default -> {
                p.close();
                assertTrue(p.isDone());
            }
        }
    }

    // ---------------------------------------------------------------- machinery

    private long corruptBlock() throws Exception {
        CheckpointMetadata meta = CheckpointMetadata.read(file);
        for (long b = meta.blockCount() - 1; b >= 0; b--) {
            if (IndexEntryDescriptor.encoding(meta.index(), b) == Encoding.LZ4) {
                return b;
            }
        }
        throw new AssertionError("no LZ4 block");
    }

    private Path corruptCopy() throws Exception {
        CheckpointImage img = CheckpointImage.read(file);
        long b = corruptBlock();
        img.flip(img.payloadAt(b) + IndexEntryDescriptor.storedLength(img.index(), b) / 2, 0x21);
        return img.write(dir.resolve("corrupt.ckpt"));
    }
}
