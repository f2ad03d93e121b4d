package io.ckpt.restore.lazy;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One state byte per page block: ABSENT, INSTALLING (claimed by exactly one installer),
 * PRESENT (published with release after its bytes), FAILED. Only ABSENT -> INSTALLING is
 * contended (CAS); the claimer alone moves it on. PRESENT is final.
 *
 * <p>Thread-safety: any number of threads.
 */
final class BlockStates {
    static final byte ABSENT = 0;
    static final byte INSTALLING = 1;
    static final byte PRESENT = 2;
    static final byte FAILED = 3;

    private static final VarHandle STATE = MethodHandles.arrayElementVarHandle(byte[].class);
    private final byte[] states;

    BlockStates(long blocks) {
        this.states = new byte[Math.toIntExact(blocks)];
    }

    /** @return the state of {@code block} (acquire: PRESENT means its bytes are visible). */
    byte getAcquire(long block) {
        return (byte) STATE.getAcquire(states, (int) block);
    }

    /** @return true if this caller moved {@code block} from ABSENT to INSTALLING and must install it. */
    boolean claim(long block) {
        return STATE.compareAndSet(states, (int) block, ABSENT, INSTALLING);
    }

    /** Publishes {@code block}'s bytes (release). Only the claimer calls this. */
    void publish(long block, byte state) {
        STATE.setRelease(states, (int) block, state);
    }

    /** Marks {@code block} present before any other thread can see the states (construction only). */
    void presetPresent(long block) {
        states[(int) block] = PRESENT;
    }
}
