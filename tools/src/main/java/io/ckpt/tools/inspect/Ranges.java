package io.ckpt.tools.inspect;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs of consecutive numbers, for listing page blocks compactly: {@code 3-7, 9, 12-13}.
 *
 * <p>Thread-safety: stateless.
 */
public final class Ranges {
    /** One run {@code [first, last]}. */
    public record Range(long first, long last) {
        public long length() {
            return last - first + 1;
        }

        @Override
        public String toString() {
            return first == last ? Long.toString(first) : first + "-" + last;
        }
    }

    private Ranges() {
    }

    /** @return the runs of {@code numbers}, in their order (a run continues while each number is one more). */
    public static List<Range> of(long[] numbers) {
        List<Range> runs = new ArrayList<>();
        for (int i = 0; i < numbers.length; ) {
            int j = i;
            while (j + 1 < numbers.length && numbers[j + 1] == numbers[j] + 1) {
                j++;
            }
            runs.add(new Range(numbers[i], numbers[j]));
            i = j + 1;
        }
        return runs;
    }

    /** Calls {@code action} with each run of set bits of {@code set}, in order; allocates one object per run. */
    public static void forEach(BitSet set, Consumer<Range> action) {
        for (int i = set.nextSetBit(0); i >= 0; ) {
            int end = set.nextClearBit(i);
            action.accept(new Range(i, end - 1L));
            i = end < 0 ? -1 : set.nextSetBit(end);
        }
    }

    /** @return the number of runs of set bits of {@code set}. */
    public static long count(BitSet set) {
        long runs = 0;
        for (int i = set.nextSetBit(0); i >= 0; i = set.nextSetBit(set.nextClearBit(i))) {
            runs++;
        }
        return runs;
    }

    /** @return the runs of {@code numbers} as {@code 3-7, 9}. */
    public static String text(int[] numbers) {
        long[] l = new long[numbers.length];
        for (int i = 0; i < l.length; i++) {
            l[i] = Integer.toUnsignedLong(numbers[i]);
        }
        return text(l);
    }

    /** @return the runs of {@code numbers} as {@code 3-7, 9}. */
    public static String text(long[] numbers) {
        StringBuilder b = new StringBuilder();
        for (Range r : of(numbers)) {
            b.append(b.length() == 0 ? "" : ", ").append(r);
        }
        return b.toString();
    }
}
