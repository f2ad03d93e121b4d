package io.ckpt.memory;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A long-lived host takes thousands of checkpoints: each installs a guard and removes it. The
 * accessors must stay compiled through that: no cycle may leave a host loop deoptimised for
 * good (HotSpot stops recompiling a method after PerMethodRecompilationCutoff deoptimisations
 * and runs it in the interpreter, 10-50x slower). The guard here lets everything through, so the
 * loop's speed after 2000 cycles can be compared with its speed before any.
 */
class AccessorRecompilationTest {
    private static final long ARENA = 16L << 20;
    private static final int CYCLES = Integer.getInteger("ckpt.test.guardCycles", 2000);

    /** A guard that lets every access through and settles every block at once, as a finished checkpoint does. */
    private static final class PassGuard extends AccessGuard {
        long calls;

        @Override
        public void beforeRead(long address, long length) {
            calls++;
        }

        @Override
        public void beforeWrite(long address, long length) {
            calls++;
        }

        @Override
        protected boolean readSettled(long address, long length) {
            return true;
        }

        @Override
        protected boolean writeSettled(long address, long length) {
            return true;
        }
    }

    @Test
    void shouldStayCompiledAcrossThousandsOfGuardInstallsAndRemovals() {
        try (GuestMemory memory = GuestMemory.allocate(ARENA, 1 << 20)) {
            long seed = 42;
            for (int i = 0; i < 200; i++) {
                seed = hostLoop(memory, seed, 1 << 14);   // warm up: compiled
            }
            double before = bestRate(memory);
            long calls = 0;
            for (int c = 0; c < CYCLES; c++) {
                PassGuard g = new PassGuard();
                memory.installGuard(g);                // the host's pause: this thread is the host
                if (c % 2 == 0) {
                    memory.tracking().snapshotDirty(true);
                }
                seed = hostLoop(memory, seed, 1 << 10);
                memory.removeGuard(g);
                seed = hostLoop(memory, seed, 1 << 10);
                calls += g.calls;
            }
            assertNull(memory.guard());
            assertTrue(calls > CYCLES, "the guards were never called: calls=" + calls);
            double after = bestRate(memory);
            System.out.printf("accessor loop before / after %d guard cycles: %.1f / %.1f M accesses/s%n",
                CYCLES, before / 1e6, after / 1e6);
            // The interpreter runs this loop 10-50x slower; noise on a shared machine is far below 3x.
            assertTrue(after > before / 3, "accessors slowed down after " + CYCLES + " guard cycles: "
                + before + " -> " + after + " accesses/s (left interpreted?)");
            memory.putLong(8, 1234);
            assertEquals(1234, memory.getLong(8));
        }
    }

    private static double bestRate(GuestMemory memory) {
        double best = 0;
        long seed = 7;
        for (int round = 0; round < 5; round++) {
            long t0 = System.nanoTime();
            long n = 0;
            while (System.nanoTime() - t0 < TimeUnit.MILLISECONDS.toNanos(100)) {
                seed = hostLoop(memory, seed, 1 << 12);
                n += 1 << 12;
            }
            best = Math.max(best, n * 1e9 / (System.nanoTime() - t0));
        }
        return best;
    }

    /** A host's loop: random reads and writes of longs, one in eight a write. */
    private static long hostLoop(GuestMemory memory, long seed, int n) {
        long mask = (ARENA - 1) & ~7L;
        long sum = 0;
        for (int i = 0; i < n; i++) {
            seed += 0x9E3779B97F4A7C15L;
            long r = (seed ^ (seed >>> 31)) * 0xBF58476D1CE4E5B9L;
            long a = r & mask;
            if ((r >>> 61) == 0) {
                memory.putLong(a, r);
            } else {
                sum += memory.getLong(a);
            }
        }
        return seed + (sum & 1);
    }
}
