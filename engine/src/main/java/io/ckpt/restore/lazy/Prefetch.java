package io.ckpt.restore.lazy;

/** What the background prefetcher of a lazy restore installs, and in which order. */
public enum Prefetch {
    /** No prefetch: blocks come in only when touched (and as neighbours of touched ones). */
    NONE,
    /** Storage blocks in file order. */
    SEQUENTIAL,
    /**
     * The blocks named in the file's working-set hint first, then the rest in file order.
     * Files without a hint fall back to {@link #SEQUENTIAL} (reported in the stats).
     */
    WORKING_SET;

    /**
     * @param name the policy's name, case-insensitive
     * @return the policy named {@code name} ({@code none}, {@code sequential}, {@code working-set}).
     * @throws IllegalArgumentException if no policy has that name
     */
    public static Prefetch parse(String name) {
        for (Prefetch p : values()) {
            if (p.name().replace('_', '-').equalsIgnoreCase(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown prefetch policy '" + name + "' (expected none, sequential, working-set)");
    }
}
