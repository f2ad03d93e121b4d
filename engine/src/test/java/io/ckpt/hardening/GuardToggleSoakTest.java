package io.ckpt.hardening;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.BitSet;
import java.util.SplittableRandom;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.ckpt.Checkpoints;
import io.ckpt.memory.GuestMemory;
import io.ckpt.restore.lazy.LazyRestore;
import io.ckpt.restore.lazy.LazyRestoreOptions;
import io.ckpt.restore.lazy.Neighbours;
import io.ckpt.restore.lazy.Prefetch;
import io.ckpt.save.PendingCheckpoint;
import io.ckpt.save.SaveOptions;
import io.ckpt.workload.ArenaFiller;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Soak: guards come and go while host threads run. Host threads write and read their own slots
 * (8 bytes each, some straddling tracking blocks and slabs) through every accessor; a controller
 * pauses them the way a host would (a barrier: happens-before both ways), and in the pause takes
 * a lazy checkpoint (full or incremental against the previous one), or starts a lazy restore of
 * the last checkpoint; then resumes them. Every committed checkpoint is restored eagerly and must
 * equal the arena as the host threads left it at the pause: no write before {@code begin} is lost
 * from it (nor from an incremental one, whose dirty bits come from the accessors' slow path),
 * none after {@code begin} leaks into it. Host threads check every value they read against what
 * they last wrote (or what the lazy restore brought back), so a lazy fault missed by a fast path
 * shows too.
 *
 * <p>{@code -Dckpt.soak.iterations=N} (default 40) and {@code -Dckpt.soak.seed=S} for longer runs.
 */
class GuardToggleSoakTest {
    private static final int ITERATIONS = Integer.getInteger("ckpt.soak.iterations", 40);
    private static final long SEED = Long.getLong("ckpt.soak.seed", 0x70661EL);
    private static final long ARENA = 4L << 20;
    private static final int SLAB = 1 << 20;
    private static final int TRACK = 64 << 10;
    private static final int HOSTS = 2;
    private static final int SLOTS_PER_HOST = 512;

    @TempDir
    Path dir;

    private final CyclicBarrier barrier = new CyclicBarrier(HOSTS + 1);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean pauseRequested;
    private volatile boolean stop;

    @Test
    void shouldKeepEveryWriteBeforeBeginAndNoneAfterWhileGuardsComeAndGo() throws Exception {
        assertTimeoutPreemptively(Duration.ofSeconds(240), this::soak, "soak seed=" + SEED + " hung");
    }

    private void soak() throws Exception {
        SplittableRandom rnd = new SplittableRandom(SEED);
        try (GuestMemory memory = GuestMemory.allocate(ARENA, SLAB, TRACK);
             GuestMemory check = GuestMemory.allocate(ARENA, SLAB, TRACK)) {
            ArenaFiller.fill(memory, ArenaFiller.Profile.MIXED, SEED);
            long[][] slots = slots(rnd);
            Host[] hosts = new Host[HOSTS];
            Thread[] threads = new Thread[HOSTS];
            for (int h = 0; h < HOSTS; h++) {
                hosts[h] = new Host(memory, slots[h], SEED * 31 + h);
                threads[h] = new Thread(hosts[h], "soak-host-" + h);
            }
            Path full = dir.resolve("base.ckpt");
            Checkpoints.save(memory, full);          // tracking now relative to it
            byte[] lastImage = image(memory);
            Path last = full;
            int chain = 1;
            for (Thread t : threads) {
                t.start();
            }
            int saves = 0;
            int incrementals = 0;
            int restores = 0;
            try {
                for (int it = 0; it < ITERATIONS && failure.get() == null; it++) {
                    String ctx = "iteration " + it + " (seed " + SEED + ")";
                    Thread.sleep(rnd.nextInt(5));
                    pause();
                    int kind = rnd.nextInt(3);
                    if (kind == 2) {
                        // Lazy restore of the last checkpoint into the running host's arena.
                        LazyRestoreOptions o = LazyRestoreOptions.defaults()
                            .withPrefetch(rnd.nextBoolean() ? Prefetch.SEQUENTIAL : Prefetch.NONE)
                            .withNeighbours(rnd.nextBoolean() ? Neighbours.BACKGROUND : Neighbours.SAME_THREAD);
                        LazyRestore r = LazyRestore.start(last, memory, o);
                        for (Host h : hosts) {
                            h.reloadFrom(lastImage);
                        }
                        resume();
                        Thread.sleep(rnd.nextInt(10));
                        // Touch what the host threads did not, so the restore completes and removes its guard.
                        for (long p = 0; p < ARENA && failure.get() == null; p += GuestMemory.PAGE_SIZE) {
                            memory.getByte(p + 1);
                        }
                        assertTrue(r.awaitCompletion(60, TimeUnit.SECONDS), ctx + ": lazy restore did not complete");
                        r.close();
                        assertNull(memory.guard(), ctx + ": guard left after the lazy restore completed");
                        chain = 1 + chainLength(last);
                        restores++;
                        continue;
                    }
                    byte[] atBegin = image(memory);
                    boolean incremental = kind == 1 && chain < 8;
                    Path file = dir.resolve("ckpt-" + it + ".ckpt");
                    SaveOptions options = SaveOptions.defaults().withPreImageBuffers(1 + rnd.nextInt(16));
                    if (incremental) {
                        options = options.withParent(last);
                    }
                    PendingCheckpoint c = PendingCheckpoint.prepare(memory, file, options);
                    c.begin();   // (a small incremental one may be saved, and its guard gone, before the hosts resume)
                    resume();
                    c.await();
                    c.close();
                    Checkpoints.restore(file, check);
                    byte[] restored = image(check);
                    int at = Arrays.mismatch(atBegin, restored);
                    if (at >= 0) {
                        fail(ctx + ": " + (incremental ? "incremental " : "") + "checkpoint differs from the arena at begin"
                            + " at 0x" + Integer.toHexString(at) + " (tracking block " + at / TRACK + "): expected "
                            + atBegin[at] + ", found " + restored[at]);
                    }
                    saves++;
                    incrementals += incremental ? 1 : 0;
                    chain = incremental ? chain + 1 : 1;
                    last = file;
                    lastImage = atBegin;
                }
            } finally {
                stop = true;
                pauseRequested = false;
                barrier.reset();
                for (Thread t : threads) {
                    t.join(10_000);
                }
            }
            if (failure.get() != null) {
                throw new AssertionError("host thread failed (seed " + SEED + ")", failure.get());
            }
            long writes = 0;
            for (Host h : hosts) {
                writes += h.writes;
            }
            System.out.printf("guard toggle soak: %d iterations (seed %d): %d checkpoints (%d incremental), %d lazy"
                + " restores, %d host writes%n", ITERATIONS, SEED, saves, incrementals, restores, writes);
            assertTrue(writes > 0, "the host threads never wrote");
        }
    }

    private int chainLength(Path file) throws Exception {
        return io.ckpt.restore.ResolvedCheckpoint.chain(file).size();
    }

    private void pause() throws Exception {
        pauseRequested = true;
        try {
            barrier.await(30, TimeUnit.SECONDS);   // every host thread is out of the arena
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.BrokenBarrierException e) {
            if (failure.get() != null) {
                throw new AssertionError("host thread failed (seed " + SEED + ")", failure.get());
            }
            throw e;
        }
    }

    private void resume() throws Exception {
        pauseRequested = false;
        barrier.await(30, TimeUnit.SECONDS);
    }

    private static byte[] image(GuestMemory m) {
        byte[] b = new byte[(int) m.size()];
        m.getBytes(0, b, 0, b.length);
        return b;
    }

    /**
     * Disjoint 8-byte slots, dealt round-robin to the hosts: one in every 32-byte cell picked, at
     * a random offset, and one across each tracking block and slab edge picked.
     */
    private static long[][] slots(SplittableRandom rnd) {
        int cells = (int) (ARENA / 32);
        BitSet used = new BitSet(cells);
        long[] all = new long[HOSTS * SLOTS_PER_HOST];
        int n = 0;
        for (long edge = TRACK; edge < ARENA && n < all.length / 4; edge += TRACK * (1 + rnd.nextInt(3))) {
            int cell = (int) (edge / 32);
            used.set(cell - 1);
            used.set(cell);
            all[n++] = edge - 1 - rnd.nextInt(7);   // crosses the edge
        }
        while (n < all.length) {
            int cell = rnd.nextInt(cells);
            if (!used.get(cell)) {
                used.set(cell);
                all[n++] = cell * 32L + rnd.nextInt(25);
            }
        }
        long[][] out = new long[HOSTS][SLOTS_PER_HOST];
        for (int i = 0; i < all.length; i++) {
            out[i % HOSTS][i / HOSTS] = all[i];
        }
        return out;
    }

    /** A host thread: writes and reads its own slots, checking each read, and stops at every pause. */
    private final class Host implements Runnable {
        private final GuestMemory memory;
        private final long[] slots;
        /** What this thread last wrote to (or the lazy restore brought back into) each slot. */
        private final long[] values;
        private final SplittableRandom rnd;
        private final byte[] eight = new byte[8];
        private final ByteBuffer eightBuffer = ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        long writes;

        Host(GuestMemory memory, long[] slots, long seed) {
            this.memory = memory;
            this.slots = slots;
            this.values = new long[slots.length];
            this.rnd = new SplittableRandom(seed);
            for (int i = 0; i < slots.length; i++) {
                values[i] = memory.getLong(slots[i]);
            }
        }

        /** In a pause: the slots hold what the restored image holds. */
        void reloadFrom(byte[] image) {
            ByteBuffer b = ByteBuffer.wrap(image).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < slots.length; i++) {
                values[i] = b.getLong((int) slots[i]);
            }
        }

        @Override
        public void run() {
            try {
                while (!stop) {
                    if (pauseRequested) {
                        barrier.await();   // paused
                        barrier.await();   // resumed
                        continue;
                    }
                    for (int k = 0; k < 64; k++) {
                        int i = rnd.nextInt(slots.length);
                        if (rnd.nextInt(4) == 0) {
                            long found = read(slots[i], rnd.nextInt(3));
                            if (found != values[i]) {
                                throw new AssertionError("slot 0x" + Long.toHexString(slots[i]) + ": read 0x"
                                    + Long.toHexString(found) + ", last wrote 0x" + Long.toHexString(values[i]));
                            }
                        } else {
                            long v = rnd.nextLong();
                            write(slots[i], v, rnd.nextInt(4));
                            values[i] = v;
                            writes++;
                        }
                    }
                }
            } catch (java.util.concurrent.BrokenBarrierException e) {
                // the controller reset the barrier to stop
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
                stop = true;
            }
        }

        private long read(long a, int how) {
            switch (how) {
                case 0:
                    return memory.getLong(a);
                case 1:
                    return (memory.getInt(a) & 0xFFFF_FFFFL) | ((long) memory.getInt(a + 4) << 32);
                default:
                    memory.getBytes(a, eight, 0, 8);
                    return ByteBuffer.wrap(eight).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong(0);
            }
        }

        private void write(long a, long v, int how) {
            switch (how) {
                case 0:
                    memory.putLong(a, v);
                    break;
                case 1:
                    memory.putInt(a, (int) v);
                    memory.putInt(a + 4, (int) (v >>> 32));
                    break;
                case 2:
                    for (int j = 0; j < 8; j++) {
                        memory.putByte(a + j, (byte) (v >>> (8 * j)));
                    }
                    break;
                default:
                    eightBuffer.clear();
                    eightBuffer.putLong(0, v);
                    memory.putBytes(a, eightBuffer);
                    break;
            }
        }
    }

    @Test
    void shouldRefuseIncrementalSavesWhileTrackingIsOffAndAfterUntilAFullSave() throws Exception {
        try (GuestMemory memory = GuestMemory.allocate(1 << 20, 1 << 20, TRACK)) {
            ArenaFiller.fill(memory, ArenaFiller.Profile.MIXED, SEED);
            Path base = dir.resolve("t-base.ckpt");
            Checkpoints.save(memory, base);
            memory.tracking().setEnabled(false);
            memory.putLong(8, 42);
            assertTrue(memory.tracking().snapshotDirty(false).isEmpty(), "tracking off recorded a dirty bit");
            IllegalArgumentException off = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Checkpoints.save(memory, dir.resolve("t-inc.ckpt"), SaveOptions.defaults().withParent(base)));
            assertTrue(off.getMessage().contains("dirty tracking is off"), off.getMessage());
            memory.tracking().setEnabled(true);
            assertNull(memory.tracking().base(), "tracking on again must not claim a base it did not follow");
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Checkpoints.save(memory, dir.resolve("t-inc.ckpt"), SaveOptions.defaults().withParent(base)));
            Path full = dir.resolve("t-full.ckpt");
            Checkpoints.save(memory, full);
            memory.putLong(TRACK * 3 + 16, 7);
            Path inc = dir.resolve("t-inc2.ckpt");
            Checkpoints.save(memory, inc, SaveOptions.defaults().withParent(full));
            try (GuestMemory back = Checkpoints.restore(inc)) {
                assertEquals(42, back.getLong(8));
                assertEquals(7, back.getLong(TRACK * 3 + 16));
                assertEquals(-1, io.ckpt.ArenaAssert.mismatch(memory, back), "incremental after tracking on again");
            }
        }
    }
}
