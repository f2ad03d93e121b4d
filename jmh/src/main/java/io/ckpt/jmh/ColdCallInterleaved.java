package io.ckpt.jmh;

import java.util.Arrays;

import org.agrona.UnsafeApi;

/**
 * Evidence for the host-access write cost that remains after a guard's slow path has run
 * (README, "Host access cost"), without any ckpt code: two copies of the same random-store loop
 * over 1 GiB of off-heap memory, each store checking a permission byte and calling an
 * out-of-line method when it is clear, as {@code GuestMemory.putLong} does. Copy {@code B}'s
 * check is seen failing a few times while it is profiled (one store in a thousand), copy
 * {@code A}'s never; then both run with every permission set, so neither ever calls. The JIT
 * compiles {@code A}'s rare branch as an uncommon trap and {@code B}'s as a call; with a call in
 * the loop, C2 (JDK 17 and 25) keeps the loop's variables in stack slots, two more stores per
 * iteration, and a loop bound by store misses loses throughput to them. Interleaved rounds in one
 * JVM; prints the median of B's speed over A's.
 *
 * <pre>java --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED -cp jmh/target/benchmarks.jar io.ckpt.jmh.ColdCallInterleaved [rounds]</pre>
 *
 * <p>Thread-safety: single-threaded main.
 */
public final class ColdCallInterleaved {
    private static final long SIZE = 1L << 30;
    private static final int PERMIT_SHIFT = 16;
    private static final long STORES = 5_000_000;
    private static long memory;
    private static long permits;
    private static long seedA = 1;
    private static long seedB = 1;
    private static long slowCalls;

    private ColdCallInterleaved() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 21;
        memory = UnsafeApi.allocateMemory(SIZE);
        permits = UnsafeApi.allocateMemory(SIZE >>> PERMIT_SHIFT);
        try {
            UnsafeApi.setMemory(memory, SIZE, (byte) 0);
            UnsafeApi.setMemory(permits, SIZE >>> PERMIT_SHIFT, (byte) 1);
            for (int r = 0; r < 30_000; r++) {
                long address = mix(r) & (SIZE - 1) & ~7L;
                if (r % 1000 == 0) {
                    UnsafeApi.putByte(permits + (address >>> PERMIT_SHIFT), (byte) 0);
                }
                putB(address, r);
                putA(address, r);
            }
            UnsafeApi.setMemory(permits, SIZE >>> PERMIT_SHIFT, (byte) 1);
            double[] ratio = new double[rounds];
            for (int round = -5; round < rounds; round++) {
                long t0 = System.nanoTime();
                loopA();
                long t1 = System.nanoTime();
                loopB();
                long t2 = System.nanoTime();
                if (round >= 0) {
                    ratio[round] = (double) (t1 - t0) / (t2 - t1);
                }
            }
            Arrays.sort(ratio);
            System.out.printf("java %s: B (call profiled) / A (never) speed, median of %d rounds %.3f,"
                    + " quartiles %.3f..%.3f (slow calls after profiling: %d)%n",
                System.getProperty("java.version"), rounds, ratio[rounds / 2], ratio[rounds / 4],
                ratio[rounds * 3 / 4], slowCalls - 30);
        } finally {
            UnsafeApi.freeMemory(memory);
            UnsafeApi.freeMemory(permits);
        }
    }

    private static long loopA() {
        long s = seedA;
        long mask = (SIZE - 1) & ~7L;
        for (int i = 0; i < STORES; i++) {
            s += 0x9E3779B97F4A7C15L;
            putA(mix(s) & mask, s);
        }
        seedA = s;
        return s;
    }

    private static long loopB() {
        long s = seedB;
        long mask = (SIZE - 1) & ~7L;
        for (int i = 0; i < STORES; i++) {
            s += 0x9E3779B97F4A7C15L;
            putB(mix(s) & mask, s);
        }
        seedB = s;
        return s;
    }

    private static void putA(long address, long value) {
        if (UnsafeApi.getByte(permits + (address >>> PERMIT_SHIFT)) == 0) {
            slowA(address, value);
            return;
        }
        UnsafeApi.putLong(memory + address, value);
    }

    private static void putB(long address, long value) {
        if (UnsafeApi.getByte(permits + (address >>> PERMIT_SHIFT)) == 0) {
            slowB(address, value);
            return;
        }
        UnsafeApi.putLong(memory + address, value);
    }

    // Separate call sites, so each loop's profile is its own; one body, larger than the JIT inlines
    // at a cold call site (MaxInlineSize, 35 bytes), as GuestMemory's slow path is.
    private static void slowA(long address, long value) {
        slow(address, value);
    }

    private static void slowB(long address, long value) {
        slow(address, value);
    }

    private static void slow(long address, long value) {
        if (address < 0 || address > SIZE - 8) {
            throw new IndexOutOfBoundsException("address=" + address + " outside " + SIZE + " bytes");
        }
        slowCalls++;
        UnsafeApi.putByte(permits + (address >>> PERMIT_SHIFT), (byte) 1);
        UnsafeApi.putLong(memory + address, value);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
