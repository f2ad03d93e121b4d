package io.ckpt;

import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import io.ckpt.format.CheckpointMetadata;
import io.ckpt.format.CorruptCheckpointException;
import io.ckpt.format.IndexEntryDescriptor;
import io.ckpt.format.Encoding;
import io.ckpt.memory.GuestMemory;
import io.ckpt.save.SaveOptions;
import io.ckpt.workload.ArenaFiller;
import net.openhft.chronicle.core.io.BackgroundResourceReleaser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Repeated saves, restores and verifies, successful and failing, must not leak file
 * descriptors, file mappings, mapped buffers or threads. Reads /proc/self (Linux only).
 */
class ResourceTest {
    private static final long SEED = Long.getLong("ckpt.test.seed", 0xFD5L);
    private static final long ARENA = 8L << 20;
    private static final int SLAB = 1 << 20;
    private static final int CYCLES = 20;
    /** Slack for descriptors the JVM or the test harness opens meanwhile (class loading, jar files). */
    private static final int FD_SLACK = 3;

    @TempDir
    Path dir;

    @BeforeEach
    void requireProcfs() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs /proc/self");
    }

    @Test
    void shouldNotLeakDescriptorsMappingsOrThreadsOverRepeatedCycles() throws Exception {
        try (GuestMemory source = GuestMemory.allocate(ARENA, SLAB);
             GuestMemory target = GuestMemory.allocate(ARENA, SLAB)) {
            ArenaFiller.fill(source, ArenaFiller.Profile.MIXED, SEED);
            Path[] files = {dir.resolve("a.ckpt"), dir.resolve("b.ckpt")};
            // Warm-up: the first cycles load native libraries and classes, which keep descriptors open for good.
            cycle(source, target, files[0]);
            cycle(source, target, files[1]);
            Snapshot before = Snapshot.take();
            for (int i = 0; i < CYCLES; i++) {
                // Each save replaces the file of two cycles ago: a leaked mapping of it would show as "(deleted)".
                cycle(source, target, files[i % 2]);
            }
            Snapshot.take().assertNoLeaksSince(before, dir, CYCLES + " save+restore+verify cycles");
        }
    }

    @Test
    void shouldNotLeakDescriptorsMappingsOrThreadsOnFailedRestoresAndSaves() throws Exception {
        Path good = dir.resolve("good.ckpt");
        Path bad = dir.resolve("bad.ckpt");
        try (GuestMemory source = GuestMemory.allocate(ARENA, SLAB);
             GuestMemory target = GuestMemory.allocate(ARENA, SLAB)) {
            ArenaFiller.fill(source, ArenaFiller.Profile.MIXED, SEED);
            Checkpoints.save(source, good, SaveOptions.defaults().withStorageBlockSize(256 << 10));
            // Damage the last stored block's payload: metadata reads fine, the file gets mapped, decoding fails.
            CheckpointImage img = CheckpointImage.read(good);
            CheckpointMetadata meta = CheckpointMetadata.read(good);
            long last = -1;
            for (long n = 0; n < meta.blockCount(); n++) {
                if (IndexEntryDescriptor.encoding(meta.index(), n) != Encoding.ZERO) {
                    last = n;
                }
            }
            img.flip(img.payloadAt(last) + 1, 0x40);
            img.write(bad);
            GuestMemory closed = GuestMemory.allocate(ARENA, SLAB);
            closed.close();
            failures(target, bad, closed);
            Snapshot before = Snapshot.take();
            for (int i = 0; i < CYCLES; i++) {
                failures(target, bad, closed);
            }
            Snapshot.take().assertNoLeaksSince(before, dir, CYCLES + " failed restores, verifies and saves");
        }
    }

    private static void cycle(GuestMemory source, GuestMemory target, Path file) throws IOException {
        Checkpoints.save(source, file);
        target.fill(0, ARENA, (byte) 0x5A);
        Checkpoints.restore(file, target);
        Checkpoints.verify(file);
        Checkpoints.inspect(file);
        Arenas.assertEqual(source, target, "cycle on " + file.getFileName() + " (seed=" + SEED + ")");
        try (GuestMemory restored = Checkpoints.restore(file)) {
            assertEquals(source.getLong(4096), restored.getLong(4096));
        }
    }

    private void failures(GuestMemory target, Path bad, GuestMemory closed) {
        assertThrows(CorruptCheckpointException.class, () -> Checkpoints.restore(bad, target));
        assertThrows(CorruptCheckpointException.class, () -> Checkpoints.verify(bad));
        assertThrows(CorruptCheckpointException.class, () -> Checkpoints.restore(bad));
        assertThrows(IllegalStateException.class, () -> Checkpoints.save(closed, dir.resolve("never.ckpt")));
    }

    /** Open descriptors, file mappings, JDK mapped buffers and engine threads at one instant. */
    private record Snapshot(Set<String> fds, List<String> maps, long mappedBuffers, List<String> threads) {
        static Snapshot take() throws IOException {
            // Chronicle unmaps and closes in a background releaser; JDK mappings of the read path are unmapped explicitly.
            BackgroundResourceReleaser.releasePendingResources();
            Set<String> fds = new TreeSet<>();
            try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
                for (Path fd : s.toList()) {
                    try {
                        fds.add(fd.getFileName() + " -> " + Files.readSymbolicLink(fd));
                    } catch (IOException e) {
                        // The directory stream's own descriptor is gone by now.
                    }
                }
            }
            List<String> maps = Files.readAllLines(Path.of("/proc/self/maps"));
            long mapped = 0;
            for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
                if (pool.getName().equals("mapped")) {
                    mapped = pool.getCount();
                }
            }
            List<String> threads = new ArrayList<>();
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.getName().startsWith("ckpt-") && t.isAlive()) {
                    threads.add(t.getName());
                }
            }
            return new Snapshot(fds, maps, mapped, threads);
        }

        void assertNoLeaksSince(Snapshot before, Path dir, String what) {
            Set<String> added = new TreeSet<>(fds);
            added.removeAll(before.fds);
            String dirName = dir.toAbsolutePath().toString();
            List<String> ours = new ArrayList<>();
            for (String fd : fds) {
                if (fd.contains(dirName)) {
                    ours.add(fd);
                }
            }
            assertEquals(List.of(), ours, what + ": descriptors of checkpoint files still open");
            assertTrue(fds.size() - before.fds.size() <= FD_SLACK, what + ": open descriptors grew from "
                + before.fds.size() + " to " + fds.size() + "; new: " + added);
            List<String> mapped = maps.stream().filter(l -> l.contains(dirName)).toList();
            assertEquals(List.of(), mapped, what + ": checkpoint files still mapped");
            assertEquals(before.mappedBuffers, mappedBuffers, what + ": JDK mapped buffers not released");
            assertEquals(List.of(), threads, what + ": engine threads still alive");
        }
    }
}
