package io.ckpt.events;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;

import io.ckpt.Checkpoints;
import io.ckpt.format.CheckpointMetadata;
import io.ckpt.format.Encoding;
import io.ckpt.format.IndexEntryDescriptor;
import io.ckpt.memory.GuestMemory;
import io.ckpt.restore.RestoreStats;
import io.ckpt.restore.lazy.LazyRestore;
import io.ckpt.restore.lazy.LazyRestoreOptions;
import io.ckpt.restore.lazy.LazyRestoreStats;
import io.ckpt.restore.lazy.Neighbours;
import io.ckpt.restore.lazy.Prefetch;
import io.ckpt.save.PendingCheckpoint;
import io.ckpt.save.PreImagePool;
import io.ckpt.save.SaveOptions;
import io.ckpt.save.SaveStats;
import io.ckpt.workload.ArenaFiller;
import jdk.jfr.EventType;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JFR events, recorded to a file with every threshold at zero, against the stats of the same operations. */
class JfrEventsTest {
    private static final long SIZE = 8L << 20;
    private static final int SLAB = 4 << 20;
    private static final List<String> ALL = List.of(CheckpointEvent.NAME, RestoreEvent.NAME, LazyFaultEvent.NAME,
        PrefetchBatchEvent.NAME, PreImageWaitEvent.NAME);

    @TempDir
    Path dir;

    interface Body {
        void run() throws Exception;
    }

    private List<RecordedEvent> record(Body body) throws Exception {
        Path jfr = dir.resolve("events-" + System.nanoTime() + ".jfr");
        try (Recording recording = new Recording()) {
            for (String name : ALL) {
                recording.enable(name).withThreshold(Duration.ZERO);
            }
            recording.start();
            body.run();
            recording.stop();
            recording.dump(jfr);
        }
        return RecordingFile.readAllEvents(jfr);
    }

    private static List<RecordedEvent> named(List<RecordedEvent> events, String name) {
        List<RecordedEvent> out = new ArrayList<>();
        for (RecordedEvent e : events) {
            if (e.getEventType().getName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }

    private static RecordedEvent only(List<RecordedEvent> events, String name) {
        List<RecordedEvent> n = named(events, name);
        assertEquals(1, n.size(), name + " events: " + n);
        return n.get(0);
    }

    private static GuestMemory source() {
        GuestMemory m = GuestMemory.allocate(SIZE, SLAB);
        ArenaFiller.fill(m, ArenaFiller.Profile.MIXED, 5);
        return m;
    }

    @Test
    void shouldDeclareEveryEventInCategoryCkptWithTheDocumentedThresholds() {
        for (Class<? extends jdk.jfr.Event> c : List.of(CheckpointEvent.class, RestoreEvent.class, LazyFaultEvent.class,
            PrefetchBatchEvent.class, PreImageWaitEvent.class)) {
            EventType t = EventType.getEventType(c);
            assertTrue(ALL.contains(t.getName()), t.getName());
            assertEquals(List.of("ckpt"), t.getCategoryNames(), t.getName());
        }
        assertEquals("100 us", threshold(LazyFaultEvent.class));
        assertEquals("100 us", threshold(PreImageWaitEvent.class));
        assertEquals("0 ns", threshold(PrefetchBatchEvent.class));
    }

    private static String threshold(Class<? extends jdk.jfr.Event> c) {
        return EventType.getEventType(c).getSettingDescriptors().stream().filter(d -> d.getName().equals("threshold"))
            .findFirst().orElseThrow().getDefaultValue();
    }

    @Test
    void shouldRecordSavesAndEagerRestoresWithTheirStats() throws Exception {
        Path full = dir.resolve("full.ckpt");
        Path inc = dir.resolve("inc.ckpt");
        SaveStats[] saves = new SaveStats[2];
        RestoreStats[] restore = new RestoreStats[1];
        List<RecordedEvent> events;
        try (GuestMemory memory = source(); GuestMemory target = GuestMemory.allocate(SIZE, SLAB)) {
            events = record(() -> {
                saves[0] = Checkpoints.save(memory, full);
                memory.putLong(3 * 65536 + 8, 42);
                saves[1] = Checkpoints.save(memory, inc, SaveOptions.defaults().withParent(full));
                restore[0] = Checkpoints.restore(inc, target);
            });
        }
        List<RecordedEvent> checkpoints = named(events, CheckpointEvent.NAME);
        assertEquals(2, checkpoints.size(), checkpoints.toString());
        checkpoints.sort(java.util.Comparator.comparing(c -> c.getString("file").endsWith("inc.ckpt")));
        for (int i = 0; i < 2; i++) {
            RecordedEvent e = checkpoints.get(i);
            SaveStats s = saves[i];
            assertEquals((i == 0 ? full : inc).toString(), e.getString("file"));
            assertEquals("committed", e.getString("outcome"));
            assertNull(e.getString("failure"));
            assertFalse(e.getBoolean("lazy"));
            assertEquals(i == 1, e.getBoolean("incremental"));
            assertEquals(s.arenaBytes(), e.getLong("arenaBytes"));
            assertEquals(s.fileBytes(), e.getLong("fileBytes"));
            assertEquals(s.payloadBytes(), e.getLong("payloadBytes"));
            assertEquals(s.blocks(), e.getLong("blocks"));
            assertEquals(s.zeroBlocks(), e.getLong("zeroBlocks"));
            assertEquals(s.rawBlocks(), e.getLong("rawBlocks"));
            assertEquals(s.lz4Blocks(), e.getLong("lz4Blocks"));
            assertEquals(s.parentBlocks(), e.getLong("parentBlocks"));
            assertEquals(s.storageBlocks(), e.getInt("storageBlocks"));
            assertEquals(s.compressors(), e.getInt("compressors"));
            assertEquals(s.stagingWaits(), e.getLong("stagingWaits"));
            assertEquals(s.commitNanos(), e.getDuration("commitTime").toNanos());
            assertEquals(0, e.getLong("preImages"));
            assertEquals(0, e.getDuration("beginPause").toNanos());
            long duration = e.getDuration().toNanos();
            assertTrue(duration > s.commitNanos() && duration <= s.totalNanos(), duration + " vs " + s);
        }
        assertEquals(saves[1].blocks() - 1, checkpoints.get(1).getLong("parentBlocks"), "one dirty block");

        RecordedEvent r = only(events, RestoreEvent.NAME);
        RestoreStats s = restore[0];
        assertEquals(inc.toString(), r.getString("file"));
        assertEquals("eager", r.getString("mode"));
        assertTrue(r.getBoolean("completed"));
        assertEquals(s.arenaBytes(), r.getLong("arenaBytes"));
        assertEquals(s.totalNanos(), r.getDuration("resumeTime").toNanos());
        assertEquals(s.totalNanos(), r.getDuration("completionTime").toNanos());
        assertEquals(s.storageBlocks(), r.getLong("storageBlocksRead"));
        assertEquals(s.bytesRead(), r.getLong("bytesRead"));
        assertEquals(s.threads(), r.getInt("threads"));
        assertTrue(r.getDuration().toNanos() >= s.totalNanos());
        assertTrue(named(events, LazyFaultEvent.NAME).isEmpty());
    }

    @Test
    void shouldRecordImageSavesAndRestoresWithTheirStats() throws Exception {
        Path image = io.ckpt.ImageFiles.write(dir.resolve("vm.ram"), SIZE - 1000, 5);
        Path ckpt = dir.resolve("vm.ckpt");
        Path back = dir.resolve("back.ram");
        SaveStats[] save = new SaveStats[1];
        RestoreStats[] restore = new RestoreStats[1];
        List<RecordedEvent> events = record(() -> {
            save[0] = Checkpoints.saveImage(image, ckpt, SaveOptions.defaults());
            restore[0] = Checkpoints.restoreImage(ckpt, back, io.ckpt.restore.RestoreOptions.defaults());
        });
        RecordedEvent c = only(events, CheckpointEvent.NAME);
        assertEquals(ckpt.toString(), c.getString("file"));
        assertEquals("committed", c.getString("outcome"));
        assertEquals(save[0].arenaBytes(), c.getLong("arenaBytes"));
        assertEquals(save[0].fileBytes(), c.getLong("fileBytes"));
        assertEquals(save[0].zeroBlocks(), c.getLong("zeroBlocks"));
        RecordedEvent r = only(events, RestoreEvent.NAME);
        assertEquals("image", r.getString("mode"));
        assertEquals(ckpt.toString(), r.getString("file"));
        assertEquals(restore[0].arenaBytes(), r.getLong("arenaBytes"));
        assertEquals(restore[0].bytesRead(), r.getLong("bytesRead"));
        assertEquals(restore[0].storageBlocks(), r.getLong("storageBlocksRead"));
        assertEquals(restore[0].totalNanos(), r.getDuration("completionTime").toNanos());
    }

    @Test
    void shouldRecordALazyCheckpointItsPreImageWaitsAndACancel() throws Exception {
        Path file = dir.resolve("lazy.ckpt");
        SaveStats[] stats = new SaveStats[1];
        List<RecordedEvent> events;
        try (GuestMemory memory = source(); PreImagePool pool = PreImagePool.create(1)) {
            // One pre-image buffer and a compressor held back by a rate limit: the second write to
            // a block not saved yet waits for the first pre-image to be encoded.
            SaveOptions options = SaveOptions.defaults().withPreImagePool(pool).withCompressors(1)
                .withRateLimit(16L << 20);
            events = record(() -> {
                try (PendingCheckpoint p = PendingCheckpoint.prepare(memory, file, options)) {
                    p.begin();
                    for (long a = SIZE - 8; a > SIZE / 2; a -= options.blockBytes()) {
                        memory.putLong(a, a);
                    }
                    stats[0] = p.await();
                }
                try (PendingCheckpoint p = PendingCheckpoint.prepare(memory, dir.resolve("cancelled.ckpt"), options)) {
                    p.begin();
                    p.cancel();
                    assertThrows(CancellationException.class, p::await);
                }
            });
        }
        SaveStats s = stats[0];
        assertTrue(s.preImageWaits() > 0, s.toString());
        List<RecordedEvent> checkpoints = named(events, CheckpointEvent.NAME);
        assertEquals(2, checkpoints.size(), checkpoints.toString());
        // Events come in the order of the threads' buffers, not of commits.
        checkpoints.sort(java.util.Comparator.comparing(c -> c.getString("file").endsWith("cancelled.ckpt")));
        RecordedEvent e = checkpoints.get(0);
        assertEquals("committed", e.getString("outcome"));
        assertTrue(e.getBoolean("lazy"));
        assertEquals(s.beginNanos(), e.getDuration("beginPause").toNanos());
        assertEquals(s.preImages(), e.getLong("preImages"));
        assertEquals(s.preImageWaits(), e.getLong("preImageWaits"));
        assertEquals(s.claimWaits(), e.getLong("claimWaits"));
        assertEquals(s.stallP99Nanos(), e.getDuration("stallP99").toNanos());
        assertEquals(s.stallMaxNanos(), e.getDuration("stallMax").toNanos());
        assertEquals(s.fileBytes(), e.getLong("fileBytes"));
        assertEquals("ckpt-save-commit", e.getThread().getJavaName());

        RecordedEvent cancelled = checkpoints.get(1);
        assertEquals("cancelled", cancelled.getString("outcome"));
        assertTrue(cancelled.getString("failure").contains("cancelled"), cancelled.getString("failure"));
        assertEquals(dir.resolve("cancelled.ckpt").toString(), cancelled.getString("file"));

        List<RecordedEvent> waits = named(events, PreImageWaitEvent.NAME);
        assertEquals(s.preImageWaits(), waits.size());
        long blockBytes = SaveOptions.defaults().blockBytes();
        for (RecordedEvent w : waits) {
            long block = w.getLong("block");
            assertTrue(block >= SIZE / 2 / blockBytes && block < SIZE / blockBytes, "a written block: " + block);
            assertEquals(block * blockBytes, w.getLong("guestAddress"));
            assertEquals(1, w.getInt("poolBuffers"));
            assertTrue(w.getDuration().toNanos() > 0);
            assertEquals(Thread.currentThread().getName(), w.getThread().getJavaName(), "the writer's thread");
            assertTrue(w.getStackTrace() != null && !w.getStackTrace().getFrames().isEmpty(), "with the writer's stack");
        }
    }

    @Test
    void shouldRecordEveryFaultOfALazyRestoreAndTheRestoreWhenClosedEarly() throws Exception {
        Path file = dir.resolve("faults.ckpt");
        try (GuestMemory memory = source()) {
            Checkpoints.save(memory, file);
        }
        CheckpointMetadata meta = CheckpointMetadata.read(file);
        int blockBytes = meta.blockBytes();
        // Every fourth block, and a ZERO block if there is one (the mixed profile has runs of zero pages).
        Set<Long> touched = new HashSet<>();
        long zeroBlock = -1;
        for (long b = 0; b < meta.blockCount(); b++) {
            if (IndexEntryDescriptor.encoding(meta.index(), b) == Encoding.ZERO) {
                zeroBlock = b;
                break;
            }
        }
        for (long b = 1; b < meta.blockCount(); b += 4) {
            touched.add(b);
        }
        if (zeroBlock >= 0) {
            touched.add(zeroBlock);
        }
        LazyRestoreStats[] stats = new LazyRestoreStats[1];
        List<RecordedEvent> events;
        try (GuestMemory target = GuestMemory.allocate(SIZE, SLAB)) {
            events = record(() -> {
                LazyRestore r = LazyRestore.start(file, target, LazyRestoreOptions.defaults()
                    .withPrefetch(Prefetch.NONE).withNeighbours(Neighbours.NONE));
                for (long b : touched) {
                    target.getLong(b * blockBytes + 16);
                    target.getLong(b * blockBytes + 24);   // present now: no second fault
                }
                r.close();
                stats[0] = r.stats();
            });
        }
        LazyRestoreStats s = stats[0];
        assertEquals(touched.size(), s.faults());
        List<RecordedEvent> faults = named(events, LazyFaultEvent.NAME);
        assertEquals(s.faults() + s.faultWaits(), faults.size());
        Set<Long> faulted = new HashSet<>();
        for (RecordedEvent f : faults) {
            long b = f.getLong("block");
            faulted.add(b);
            assertEquals(b * blockBytes, f.getLong("guestAddress"));
            assertEquals(IndexEntryDescriptor.encoding(meta.index(), b) == Encoding.ZERO ? LazyFaultEvent.ZERO_FILLED : LazyFaultEvent.DECODED, f.getString("outcome"),
                "block " + b);
            assertTrue(f.getDuration().toNanos() > 0, f.getDuration().toString());
            assertTrue(f.getStackTrace() != null && f.getStackTrace().getFrames().stream()
                .anyMatch(fr -> fr.getMethod().getName().contains("shouldRecordEveryFault")), "the host's stack");
        }
        assertEquals(touched, faulted);

        RecordedEvent r = only(events, RestoreEvent.NAME);
        assertEquals("lazy", r.getString("mode"));
        assertEquals(file.toString(), r.getString("file"));
        assertFalse(r.getBoolean("completed"), "closed before complete");
        assertEquals(0, r.getDuration("completionTime").toNanos());
        assertEquals(s.resumeNanos(), r.getDuration("resumeTime").toNanos());
        assertEquals(s.faults(), r.getLong("faults"));
        assertEquals(s.faultWaits(), r.getLong("faultWaits"));
        assertEquals(s.faultP99Nanos(), r.getDuration("faultP99").toNanos());
        assertEquals(s.faultMaxNanos(), r.getDuration("faultMax").toNanos());
        assertEquals(s.installedByFault(), r.getLong("blocksByFault"));
        assertEquals(s.storageBlocksRead(), r.getLong("storageBlocksRead"));
        assertEquals(s.bytesRead(), r.getLong("bytesRead"));
        assertEquals("NONE", r.getString("prefetch"));
        assertTrue(named(events, PrefetchBatchEvent.NAME).isEmpty(), "no prefetch");
    }

    @Test
    void shouldRecordPrefetchBatchesThatAddUpToTheRestoresCounts() throws Exception {
        Path file = dir.resolve("prefetch.ckpt");
        try (GuestMemory memory = source()) {
            Checkpoints.save(memory, file, SaveOptions.defaults().withStorageBlockSize(256 << 10));
        }
        CheckpointMetadata meta = CheckpointMetadata.read(file);
        LazyRestoreStats[] stats = new LazyRestoreStats[1];
        List<RecordedEvent> events;
        try (GuestMemory target = GuestMemory.allocate(SIZE, SLAB)) {
            events = record(() -> {
                LazyRestore r = LazyRestore.start(file, target, LazyRestoreOptions.defaults()
                    .withPrefetch(Prefetch.SEQUENTIAL).withNeighbours(Neighbours.BACKGROUND));
                target.getLong(SIZE - 8);   // a fault whose neighbours go to the background thread
                r.awaitCompletion();
                r.close();
                stats[0] = r.stats();
            });
        }
        LazyRestoreStats s = stats[0];
        long prefetched = 0;
        long neighbours = 0;
        for (RecordedEvent b : named(events, PrefetchBatchEvent.NAME)) {
            String kind = b.getString("kind");
            int blocks = b.getInt("blocks");
            assertEquals("ckpt-lazy-restore", b.getThread().getJavaName());
            if (kind.equals(PrefetchBatchEvent.ZERO)) {
                assertEquals(-1, b.getInt("storageBlock"));
                assertEquals(0, b.getLong("bytes"));
                prefetched += blocks;
            } else {
                int sb = b.getInt("storageBlock");
                assertEquals(0, b.getInt("chainFile"));
                assertEquals(meta.storageBlockLength(sb), b.getLong("bytes"), "storage block " + sb);
                if (kind.equals(PrefetchBatchEvent.PREFETCH)) {
                    prefetched += blocks;
                } else {
                    assertEquals(PrefetchBatchEvent.NEIGHBOURS, kind);
                    neighbours += blocks;
                }
            }
        }
        assertEquals(s.installedByPrefetch(), prefetched);
        assertEquals(s.installedByNeighbour(), neighbours);

        RecordedEvent r = only(events, RestoreEvent.NAME);
        assertTrue(r.getBoolean("completed"));
        assertEquals(s.completeNanos(), r.getDuration("completionTime").toNanos());
        assertEquals(s.resumeNanos(), r.getDuration("resumeTime").toNanos());
        assertEquals(s.installedByFault(), r.getLong("blocksByFault"));
        assertEquals(s.installedByNeighbour(), r.getLong("blocksByNeighbour"));
        assertEquals(s.installedByPrefetch(), r.getLong("blocksByPrefetch"));
        assertEquals(s.faults(), r.getLong("faults"));
        assertEquals("SEQUENTIAL", r.getString("prefetch"));
        assertEquals(meta.blockCount(), s.installedByFault() + s.installedByNeighbour() + s.installedByPrefetch()
            + s.presetZero());
    }
}
