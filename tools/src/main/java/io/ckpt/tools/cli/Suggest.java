package io.ckpt.tools.cli;

import java.util.List;

/**
 * "Did you mean": the known name closest to a mistyped one, by edit distance.
 *
 * <p>Thread-safety: stateless.
 */
final class Suggest {
    private Suggest() {
    }

    /**
     * @return the candidate nearest {@code typed} within a third of its length in edits (at
     *         least 1, at most 3); failing that, one that starts with it; else null.
     */
    static String closest(String typed, List<String> candidates) {
        int limit = Math.max(1, Math.min(3, typed.length() / 3));
        String best = null;
        int bestDistance = limit + 1;
        for (String c : candidates) {
            int d = distance(typed, c);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        if (best == null) {
            for (String c : candidates) {
                if (typed.length() > 2 && c.startsWith(typed)) {
                    return c;
                }
            }
        }
        return best;
    }

    /** Levenshtein distance with adjacent transpositions counted as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[a.length()][b.length()];
    }
}
