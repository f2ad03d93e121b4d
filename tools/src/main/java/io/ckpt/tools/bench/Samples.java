package io.ckpt.tools.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The timings of one implementation and one operation over the rounds of a bench run, with
 * the last result's byte and call counts.
 *
 * <p>Thread-safety: single-threaded.
 */
final class Samples {
    private final List<Double> seconds = new ArrayList<>();
    private long fileBytes = -1;
    private long calls = -1;

    void add(IoResult r) {
        seconds.add(r.seconds());
        fileBytes = r.fileBytes();
        calls = r.calls();
    }

    int count() {
        return seconds.size();
    }

    /** @return the median in seconds (mean of the middle two for an even count), NaN when empty. */
    double median() {
        if (seconds.isEmpty()) {
            return Double.NaN;
        }
        double[] s = seconds.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }

    double min() {
        return seconds.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    List<Double> seconds() {
        return seconds;
    }

    long fileBytes() {
        return fileBytes;
    }

    long calls() {
        return calls;
    }
}
