package io.ckpt.tools;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs of consecutive numbers, for listing page blocks compactly: {@code 3-7, 9, 12-13}.
 *
 * <p>Thread-safety: stateless.
 */
final class Ranges {
    /** One run {@code [first, last]}. */
    record Range(long first, long last) {
        long length() {
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
    static List<Range> of(long[] numbers) {
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

    /** @return the runs of {@code numbers} as {@code 3-7, 9}. */
    static String text(int[] numbers) {
        long[] l = new long[numbers.length];
        for (int i = 0; i < l.length; i++) {
            l[i] = Integer.toUnsignedLong(numbers[i]);
        }
        return text(l);
    }

    /** @return the runs of {@code numbers} as {@code 3-7, 9}. */
    static String text(long[] numbers) {
        StringBuilder b = new StringBuilder();
        for (Range r : of(numbers)) {
            b.append(b.length() == 0 ? "" : ", ").append(r);
        }
        return b.toString();
    }
}
