package io.ckpt.save;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.ckpt.ArenaAssert;
import io.ckpt.Checkpoints;
import io.ckpt.memory.GuestMemory;
import io.ckpt.workload.ArenaFiller;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimitTest {
    private static final long SIZE = 4L << 20;

    @TempDir
    Path dir;

    @Test
    void shouldNotFinishBeforeTheScheduleAllows() throws Exception {
        // 4 MiB at 16 MiB/s: the last block may start no earlier than (4 MiB - 64 KiB) / 16 MiB/s.
        long rate = 16L << 20;
        Path file = dir.resolve("paced.ckpt");
        try (GuestMemory memory = GuestMemory.allocate(SIZE, 1 << 20)) {
            ArenaFiller.fill(memory, ArenaFiller.Profile.MIXED, 9);
            SaveOptions options = SaveOptions.defaults().withRateLimit(rate);
            long t0 = System.nanoTime();
            Checkpoints.save(memory, file, options);
            long elapsed = System.nanoTime() - t0;
            long floor = (long) ((SIZE - options.blockBytes()) * 1e9 / rate);
            assertTrue(elapsed >= floor, "took " + elapsed / 1e6 + " ms, schedule allows no less than " + floor / 1e6 + " ms");
            try (GuestMemory restored = Checkpoints.restore(file)) {
                ArenaAssert.assertArenasEqual(memory, restored, "rate-limited save");
            }
        }
    }

    /**
     * At 4 KiB/s each 64 KiB block waits 16 s for its turn. A writer waiting for the only
     * pre-image buffer lifts the limit, so a writer touching every block in reverse (each a
     * pre-image) finishes long before the timeout instead of after 16 minutes; a cancel
     * interrupts the compressor's sleep at once.
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void shouldNeverHoldUpAWriterWaitingForAPreImageBuffer() throws Exception {
        Path file = dir.resolve("lifted.ckpt");
        try (GuestMemory memory = GuestMemory.allocate(SIZE, 1 << 20)) {
            ArenaFiller.fill(memory, ArenaFiller.Profile.MIXED, 10);
            SaveOptions options = SaveOptions.defaults().withRateLimit(4096).withPreImageBuffers(1).withCompressors(1);
            PendingCheckpoint p = PendingCheckpoint.begin(memory, file, options);
            for (long a = SIZE - 8; a >= 0; a -= options.blockBytes()) {
                memory.putLong(a, ~a);
            }
            p.cancel();
            assertThrows(java.util.concurrent.CancellationException.class, p::await);
            assertEquals(null, memory.guard(), "guard removed");
            assertTrue(!java.nio.file.Files.exists(file), "nothing committed");
        }
    }

    /** A lazy checkpoint under a limit that its writers keep lifting is still the arena as at begin. */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void shouldSaveTheArenaAsAtBeginUnderALimit() throws Exception {
        Path file = dir.resolve("paced-lazy.ckpt");
        try (GuestMemory memory = GuestMemory.allocate(SIZE, 1 << 20);
             GuestMemory snapshot = GuestMemory.allocate(SIZE, 1 << 20)) {
            ArenaFiller.fill(memory, ArenaFiller.Profile.MIXED, 11);
            LazySaveTest.copy(memory, snapshot);
            SaveOptions options = SaveOptions.defaults().withRateLimit(64L << 20).withPreImageBuffers(2)
                .withCompressors(1);
            SaveStats stats;
            try (PendingCheckpoint p = PendingCheckpoint.begin(memory, file, options)) {
                for (long a = SIZE - 8; a >= 0; a -= 4096) {
                    memory.putLong(a, a * 31);
                }
                stats = p.await();
            }
            assertTrue(stats.preImages() > 0, stats.toString());
            try (GuestMemory restored = Checkpoints.restore(file)) {
                ArenaAssert.assertArenasEqual(snapshot, restored, "lazy checkpoint under a rate limit");
            }
        }
    }

    @Test
    void shouldRejectANegativeRate() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> SaveOptions.defaults().withRateLimit(-1));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
        assertEquals(0, SaveOptions.defaults().rateLimit());
        assertEquals(5, SaveOptions.defaults().withRateLimit(5).withCodec(io.ckpt.format.Codec.NONE).rateLimit(),
            "kept by the other withers");
    }
}
