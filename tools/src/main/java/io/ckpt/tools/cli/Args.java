package io.ckpt.tools.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The parse of one command's arguments: option values by name, positional parameters in
 * order, and typed getters that turn a bad value into a {@link UsageException} naming the
 * option ("invalid value for option '--threads': ...").
 *
 * <p>Thread-safety: filled by {@link CommandSpec#parse}, then read by the command's thread.
 */
public final class Args {
    private final CommandSpec spec;
    private final Map<String, String> values = new HashMap<>();
    final List<String> params = new ArrayList<>();
    boolean help;
    boolean verbose;

    Args(CommandSpec spec) {
        this.spec = spec;
    }

    void put(String option, String value) {
        values.put(option, value);
    }

    /** @return the spec these arguments were parsed against. */
    public CommandSpec spec() {
        return spec;
    }

    /** @return true if {@code -h} or {@code --help} was given. */
    public boolean help() {
        return help;
    }

    /** @return true if {@code --verbose} was given. */
    public boolean verbose() {
        return verbose;
    }

    /** @return true if the option (or flag) {@code name} was given. */
    public boolean has(String name) {
        check(name);
        return values.containsKey(name);
    }

    /** @return true if the flag {@code name} was given. */
    public boolean flag(String name) {
        return has(name);
    }

    /** @return the value of option {@code name}, or {@code otherwise} when it was not given (the last one given wins). */
    public String get(String name, String otherwise) {
        check(name);
        String v = values.get(name);
        return v == null ? otherwise : v;
    }

    /** @return the value of option {@code name}, or null. */
    public String get(String name) {
        return get(name, null);
    }

    /** @return positional parameter {@code i} (0-based), or null if it was not given. */
    public String param(int i) {
        return i < params.size() ? params.get(i) : null;
    }

    /** @return positional parameter {@code i} as a path, or null if it was not given. */
    public Path paramPath(int i) throws UsageException {
        String p = param(i);
        return p == null ? null : toPath(p, "parameter " + (i + 1));
    }

    /** @return the value of option {@code name} as a path, or null if it was not given. */
    public Path path(String name) throws UsageException {
        String v = get(name);
        return v == null ? null : toPath(v, "option '" + name + "'");
    }

    /**
     * @return the value of option {@code name} as an int in [min, max], or {@code otherwise} when
     *         it was not given.
     */
    public int intValue(String name, int otherwise, int min, int max) throws UsageException {
        String v = get(name);
        if (v == null) {
            return otherwise;
        }
        long n = longValue(name, otherwise, min, max);
        return (int) n;
    }

    /**
     * @return the value of option {@code name} as a long in [min, max], or {@code otherwise} when
     *         it was not given.
     */
    public long longValue(String name, long otherwise, long min, long max) throws UsageException {
        String v = get(name);
        if (v == null) {
            return otherwise;
        }
        long n;
        try {
            n = Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw invalid(name, "'" + v + "' is not a whole number");
        }
        if (n < min || n > max) {
            throw invalid(name, n + " is outside [" + min + ", " + max + "]");
        }
        return n;
    }

    /** @return a {@link UsageException}: "invalid value for option 'name': why". */
    public UsageException invalid(String name, String why) {
        return new UsageException(spec, "invalid value for option '" + name + "': " + why);
    }

    private Path toPath(String value, String what) throws UsageException {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new UsageException(spec, "invalid path for " + what + ": " + e.getMessage());
        }
    }

    private void check(String name) {
        if (spec.find(name) == null) {
            throw new IllegalArgumentException("command " + spec.name() + " declares no option " + name);
        }
    }
}
