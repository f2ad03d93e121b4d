package io.ckpt.hardening;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;

import io.ckpt.ArenaAssert;
import io.ckpt.Checkpoints;
import io.ckpt.io.AtomicCommit;
import io.ckpt.memory.GuestMemory;
import io.ckpt.save.PendingCheckpoint;
import io.ckpt.save.SaveOptions;
import io.ckpt.workload.ArenaFiller;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Saves onto a small filesystem that fills up mid-save (a size-limited tmpfs and a loop-mounted
 * ext4 image, both mounted by the test; skipped where mounting is impossible). The save must end
 * in an {@link IOException} that names the file and says there is no space, with nothing under
 * the final name, the previous checkpoint there byte for byte, no temporary file left, and the
 * next save that fits succeeding. The engine reserves disk blocks ({@code fallocate}) ahead of
 * its mapped writes, so a full disk must never become a SIGBUS: the first failing save runs in
 * a child JVM, so that a crash fails the test instead of killing the test JVM.
 */
class FullDiskTest {
    private static final long SEED = Long.getLong("ckpt.test.seed", 0xD15CL);
    /** Filesystem size: room for the small checkpoints, not for the large one. */
    private static final long FS_BYTES = 16L << 20;
    /** An arena of random pages whose checkpoint is about 24 MiB: more than the filesystem holds. */
    private static final long LARGE = 24L << 20;
    /** An arena whose checkpoint fits (MIXED content, a few hundred KiB). */
    private static final long SMALL = 2L << 20;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(SmallFilesystem.Kind.class)
    void shouldFailWithNoSpaceAndKeepThePreviousCheckpointWhenTheDiskFillsMidSave(SmallFilesystem.Kind kind)
        throws Exception {
        try (SmallFilesystem fs = SmallFilesystem.mount(kind, dir, "fs", FS_BYTES);
             GuestMemory small = GuestMemory.allocate(SMALL, 1 << 20)) {
            String ctx = fs + " (seed=" + SEED + ")";
            Path target = fs.root().resolve("vm.ckpt");
            ArenaFiller.fill(small, ArenaFiller.Profile.MIXED, SEED);
            Checkpoints.save(small, target);
            byte[] before = Files.readAllBytes(target);
            long free = fs.usable();

            // The first large save in a child JVM: a SIGBUS there fails this test, not the whole run.
            ChildJvm.Result child = ChildJvm.run(SaveChild.class, dir, Duration.ofSeconds(90), target.toString(),
                Long.toString(LARGE), Long.toString(SEED), ArenaFiller.Profile.RANDOM.name());
            assertEquals(3, child.status(), ctx + ": the save should fail with an IOException (status 3): " + child);
            assertNoSpaceMessage(child.out(), target, ctx);
            assertArrayEquals(before, Files.readAllBytes(target), ctx + ": the previous checkpoint changed");
            assertEquals(List.of(), tempFiles(target), ctx + ": temporary file left by the failed save");
            assertTrue(fs.usable() >= free - (1 << 20), ctx + ": space not given back: " + fs.usable() + " < " + free);

            // In process now that it is known not to crash: a fresh name stays absent.
            try (GuestMemory large = GuestMemory.allocate(LARGE, 1 << 20)) {
                ArenaFiller.fill(large, ArenaFiller.Profile.RANDOM, SEED);
                Path fresh = fs.root().resolve("fresh.ckpt");
                IOException e = assertThrows(IOException.class, () -> Checkpoints.save(large, fresh), ctx);
                assertNoSpaceMessage(e.getMessage(), fresh, ctx);
                assertFalse(Files.exists(fresh), ctx + ": a failed save left a file under the final name");
                assertEquals(List.of(), tempFiles(fresh), ctx + ": temporary file left");

                // A lazy checkpoint fails the same way, and puts the guard and the dirty bits back.
                large.tracking().reset(null);
                large.putLong(0, 42);
                PendingCheckpoint p = PendingCheckpoint.begin(large, target, SaveOptions.defaults());
                IOException lazy = assertThrows(IOException.class, p::await, ctx + ": lazy checkpoint");
                assertNoSpaceMessage(lazy.getMessage(), target, ctx);
                p.close();
                assertNull(large.guard(), ctx + ": guard left on the arena");
                assertTrue(large.tracking().snapshotDirty(false).get(0), ctx + ": dirty bit of block 0 not restored");
                assertArrayEquals(before, Files.readAllBytes(target), ctx + ": the previous checkpoint changed");
            }

            // A leftover of an interrupted save, then the next save that fits: no temporary file remains.
            Files.write(AtomicCommit.tempFor(target), new byte[4096]);
            small.putLong(8, SEED);
            Checkpoints.save(small, target);
            assertEquals(List.of(), tempFiles(target), ctx + ": leftover temporary file after the next save");
            Checkpoints.verify(target);
            try (GuestMemory restored = Checkpoints.restore(target)) {
                ArenaAssert.assertArenasEqual(small, restored, ctx + ": checkpoint saved after the full disk");
            }
        }
    }

    /**
     * A save that fits into the free space must succeed even when that space is far less than
     * the engine's reservation step: it reserves ahead, but not more than the file needs when
     * the disk is nearly full.
     */
    @ParameterizedTest
    @EnumSource(SmallFilesystem.Kind.class)
    void shouldSaveACheckpointThatFitsOntoANearlyFullDisk(SmallFilesystem.Kind kind) throws Exception {
        try (SmallFilesystem fs = SmallFilesystem.mount(kind, dir, "fs", FS_BYTES);
             GuestMemory memory = GuestMemory.allocate(8L << 20, 1 << 20)) {
            ArenaFiller.fill(memory, ArenaFiller.Profile.RANDOM, SEED);
            Path target = fs.root().resolve("fits.ckpt");
            long file = Checkpoints.save(memory, target, SaveOptions.defaults().withCompressors(1)).fileBytes();
            assertTrue(file > 8L << 20 && file < fs.usable() + file, fs + ": file of " + file + " bytes");
            try (GuestMemory restored = Checkpoints.restore(target)) {
                ArenaAssert.assertArenasEqual(memory, restored, fs + " (seed=" + SEED + ")");
            }
        }
    }

    static void assertNoSpaceMessage(String message, Path target, String ctx) {
        assertTrue(message != null && message.toLowerCase(Locale.ROOT).contains("no space"),
            ctx + ": the message does not say there is no space: " + message);
        assertTrue(message.contains(target.getFileName().toString()), ctx + ": the message does not name "
            + target.getFileName() + ": " + message);
    }

    static List<Path> tempFiles(Path target) throws IOException {
        try (Stream<Path> files = Files.list(target.toAbsolutePath().getParent())) {
            return files.filter(f -> AtomicCommit.isTempOf(f, target)).sorted().toList();
        }
    }
}
