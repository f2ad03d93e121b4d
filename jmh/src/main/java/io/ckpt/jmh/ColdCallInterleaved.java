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
 * iteration, and a loop bound by store misses loses throughput to them. Two more copies, {@code C}
 * and {@code D}, handle the rare path inline as a lazy save's first write could ("the guard as
 * data": a CAS on the block's state and a copy of its pre-image into a slot, with
 * {@code Unsafe.copyMemory} or a loop of longs, no Java call), profiled the same way. Interleaved
 * rounds in one JVM; prints the median of each copy's speed over A's.
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
    /** Per 64 KiB block: the state an inline copy-before-write CASes (0 needed, 2 claimed, 1 done). */
    private static long states;
    /** 64 pre-image slots of 64 KiB, and a slot counter, for the inline variants. */
    private static long slots;
    private static long slotCounter;
    private static long seedA = 1;
    private static long seedB = 1;
    private static long seedC = 1;
    private static long seedD = 1;
    private static long slowCalls;

    private ColdCallInterleaved() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 21;
        memory = UnsafeApi.allocateMemory(SIZE);
        permits = UnsafeApi.allocateMemory(SIZE >>> PERMIT_SHIFT);
        states = UnsafeApi.allocateMemory((SIZE >>> PERMIT_SHIFT) * 4);
        slots = UnsafeApi.allocateMemory(64L << PERMIT_SHIFT);
        slotCounter = UnsafeApi.allocateMemory(8);
        try {
            UnsafeApi.setMemory(memory, SIZE, (byte) 0);
            UnsafeApi.setMemory(permits, SIZE >>> PERMIT_SHIFT, (byte) 1);
            UnsafeApi.putLong(slotCounter, 0);
            for (int r = 0; r < 30_000; r++) {
                long address = mix(r) & (SIZE - 1) & ~7L;
                long block = address >>> PERMIT_SHIFT;
                for (int v = 0; v < 3; v++) {
                    if (r % 1000 == 0) {
                        UnsafeApi.putByte(permits + block, (byte) 0);
                        UnsafeApi.putInt(states + (block << 2), 0);
                    }
                    switch (v) {
                        case 0 -> putB(address, r);
                        case 1 -> putC(address, r);
                        default -> putD(address, r);
                    }
                }
                putA(address, r);
            }
            UnsafeApi.setMemory(permits, SIZE >>> PERMIT_SHIFT, (byte) 1);
            double[][] ratio = new double[3][rounds];
            for (int round = -5; round < rounds; round++) {
                long[] nanos = new long[4];
                for (int k = 0; k < 4; k++) {
                    int copy = (round & 1) == 0 ? k : 3 - k;   // every other round backwards: no copy always runs first
                    long t0 = System.nanoTime();
                    switch (copy) {
                        case 0 -> loopA();
                        case 1 -> loopB();
                        case 2 -> loopC();
                        default -> loopD();
                    }
                    nanos[copy] = System.nanoTime() - t0;
                }
                if (round >= 0) {
                    for (int v = 0; v < 3; v++) {
                        ratio[v][round] = (double) nanos[0] / nanos[v + 1];
                    }
                }
            }
            String[] names = {"B (a Java call)", "C (inline: CAS, Unsafe.copyMemory)", "D (inline: CAS, a copy loop, no call)"};
            for (int v = 0; v < 3; v++) {
                Arrays.sort(ratio[v]);
                System.out.printf("java %s: %s, rare path profiled / A never: median of %d rounds %.3f,"
                        + " quartiles %.3f..%.3f%n", System.getProperty("java.version"), names[v], rounds,
                    ratio[v][rounds / 2], ratio[v][rounds / 4], ratio[v][rounds * 3 / 4]);
            }
            System.out.printf("(slow calls after profiling: %d)%n", slowCalls - 30);
        } finally {
            UnsafeApi.freeMemory(memory);
            UnsafeApi.freeMemory(permits);
            UnsafeApi.freeMemory(states);
            UnsafeApi.freeMemory(slots);
            UnsafeApi.freeMemory(slotCounter);
        }
    }

    // loopA..loopD and putA..putD are copies on purpose: the JIT keeps one branch profile per
    // method, and the question is what a profile with the rare path taken does to a loop, so each
    // copy needs its own. Folding them into one parameterised method would measure one profile.

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

    private static long loopC() {
        long s = seedC;
        long mask = (SIZE - 1) & ~7L;
        for (int i = 0; i < STORES; i++) {
            s += 0x9E3779B97F4A7C15L;
            putC(mix(s) & mask, s);
        }
        seedC = s;
        return s;
    }

    private static long loopD() {
        long s = seedD;
        long mask = (SIZE - 1) & ~7L;
        for (int i = 0; i < STORES; i++) {
            s += 0x9E3779B97F4A7C15L;
            putD(mix(s) & mask, s);
        }
        seedD = s;
        return s;
    }

    /** A lazy save's first write as data: claim the block, copy its pre-image with Unsafe.copyMemory (a stub, no Java call). */
    private static void putC(long address, long value) {
        long p = permits + (address >>> PERMIT_SHIFT);
        if (UnsafeApi.getByte(p) == 0) {
            long state = states + ((address >>> PERMIT_SHIFT) << 2);
            if (UnsafeApi.compareAndSetInt(null, state, 0, 2)) {
                long slot = UnsafeApi.getAndAddLong(null, slotCounter, 1) & 63;
                UnsafeApi.copyMemory(memory + (address & ~0xFFFFL), slots + (slot << PERMIT_SHIFT), 1 << PERMIT_SHIFT);
                UnsafeApi.putIntRelease(null, state, 1);
                UnsafeApi.putByte(p, (byte) 1);
            } else {
                while (UnsafeApi.getIntAcquire(null, state) != 1) {
                    Thread.onSpinWait();
                }
            }
        }
        UnsafeApi.putLong(memory + address, value);
    }

    /** As {@link #putC}, the copy a loop of longs: nothing on the rare path but intrinsics. */
    private static void putD(long address, long value) {
        long p = permits + (address >>> PERMIT_SHIFT);
        if (UnsafeApi.getByte(p) == 0) {
            long state = states + ((address >>> PERMIT_SHIFT) << 2);
            if (UnsafeApi.compareAndSetInt(null, state, 0, 2)) {
                long slot = UnsafeApi.getAndAddLong(null, slotCounter, 1) & 63;
                long from = memory + (address & ~0xFFFFL);
                long to = slots + (slot << PERMIT_SHIFT);
                for (int k = 0; k < 1 << PERMIT_SHIFT; k += 8) {
                    UnsafeApi.putLong(to + k, UnsafeApi.getLong(from + k));
                }
                UnsafeApi.putIntRelease(null, state, 1);
                UnsafeApi.putByte(p, (byte) 1);
            } else {
                while (UnsafeApi.getIntAcquire(null, state) != 1) {
                    Thread.onSpinWait();
                }
            }
        }
        UnsafeApi.putLong(memory + address, value);
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
