package io.ckpt.save;

import java.util.BitSet;

/**
 * Which page blocks a save writes and in which order: the working-set hint's blocks first,
 * so they cluster in the first storage blocks, then the rest in ascending order. An
 * incremental save plans only the blocks written since its parent; the others are recorded
 * as PARENT in the index.
 *
 * <p>Thread-safety: immutable after construction.
 */
final class SavePlan {
    private final int[] order;
    private final int[] hint;
    private final BitSet planned;
    private final long blockCount;

    private SavePlan(int[] order, int[] hint, BitSet planned, long blockCount) {
        this.order = order;
        this.hint = hint;
        this.planned = planned;
        this.blockCount = blockCount;
    }

    /**
     * @param blockCount page blocks of the arena.
     * @param toSave     blocks to save, or null for all of them.
     * @param hint       hinted blocks, ascending; all go into the hint section, and those that are saved are planned first.
     */
    static SavePlan of(long blockCount, BitSet toSave, BitSet hint) {
        int n = Math.toIntExact(blockCount);
        BitSet planned = toSave != null ? (BitSet) toSave.clone() : new BitSet(n);
        if (toSave == null) {
            planned.set(0, n);
        }
        planned.clear(n, Math.max(n, planned.length()));
        BitSet hinted = (BitSet) hint.clone();
        hinted.clear(n, Math.max(n, hinted.length()));
        int[] order = new int[planned.cardinality()];
        int k = 0;
        BitSet first = (BitSet) hinted.clone();
        first.and(planned);
        for (int b = first.nextSetBit(0); b >= 0; b = first.nextSetBit(b + 1)) {
            order[k++] = b;
        }
        for (int b = planned.nextSetBit(0); b >= 0; b = planned.nextSetBit(b + 1)) {
            if (!first.get(b)) {
                order[k++] = b;
            }
        }
        return new SavePlan(order, hinted.stream().toArray(), planned, blockCount);
    }

    /** @return blocks to save, in write order. */
    int size() {
        return order.length;
    }

    /** @return the {@code i}-th block to save. */
    int block(int i) {
        return order[i];
    }

    /** @return true if {@code block} is saved (false: PARENT in an incremental checkpoint). */
    boolean planned(long block) {
        return planned.get((int) block);
    }

    /** @return hinted blocks, ascending. */
    int[] hint() {
        return hint;
    }

    /** @return true if every block is saved. */
    boolean full() {
        return order.length == blockCount;
    }
}
