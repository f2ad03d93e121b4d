package io.ckpt.restore.lazy;

import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Storage blocks whose neighbours a faulting thread hands to the background thread: a small
 * bounded set of slots, filled by CAS from any host thread and drained by the background
 * thread. Full means the hand-off is dropped: the prefetcher or a later touch installs those
 * blocks instead, so nothing is lost.
 *
 * <p>Thread-safety: many producers, one consumer. Allocates nothing.
 */
final class HandoffQueue {
    private static final int EMPTY = -1;
    private final AtomicIntegerArray slots;

    HandoffQueue(int capacity) {
        slots = new AtomicIntegerArray(capacity);
        for (int i = 0; i < capacity; i++) {
            slots.set(i, EMPTY);
        }
    }

    /** @return true if {@code sb} was queued (release), false if the queue is full. */
    boolean offer(int sb) {
        int n = slots.length();
        int start = (sb * 0x9E3779B1 >>> 1) % n;
        for (int i = 0; i < n; i++) {
            int at = (start + i) % n;
            if (slots.get(at) == EMPTY && slots.compareAndSet(at, EMPTY, sb)) {
                return true;
            }
        }
        return false;
    }

    /** @return a queued storage block, or -1 when empty. Consumer only. */
    int poll() {
        for (int i = 0, n = slots.length(); i < n; i++) {
            int sb = slots.get(i);
            if (sb != EMPTY) {
                slots.set(i, EMPTY);
                return sb;
            }
        }
        return -1;
    }

    /** @return true if nothing is queued. */
    boolean isEmpty() {
        for (int i = 0, n = slots.length(); i < n; i++) {
            if (slots.get(i) != EMPTY) {
                return false;
            }
        }
        return true;
    }
}
