package io.ckpt.tools.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * What a command accepts (its options and positional parameters) and says about itself (its
 * summary, description and examples): the one declaration from which its arguments are parsed
 * ({@link #parse}) and its {@code --help} is rendered ({@link #help}).
 *
 * <p>A deliberately small parser, written for start-up time: a {@code ckpt} process that
 * restores an image in a quarter of a second cannot spend a tenth of it in a general argument
 * library's reflection and class loading (picocli took 100-200 ms here before any work; see the
 * README's "Start-up" section). Syntax: {@code --name value} or {@code --name=value}, flags
 * without a value, {@code -h}/{@code --help}, {@code --verbose} anywhere, {@code --} to end the
 * options, positional parameters in order.
 *
 * <p>Thread-safety: built once by one thread, then read-only.
 */
public final class CommandSpec {
    /** Help text width in columns. */
    static final int WIDTH = 80;
    /** Widest option column; longer names put their description on the next line. */
    private static final int MAX_LABEL = 30;

    /** One option: {@code --name}, with a value labelled {@code label}, or a flag when {@code label} is null. */
    record Option(String name, String label, String description, boolean required) {
        boolean flag() {
            return label == null;
        }

        String display() {
            return flag() ? name : name + "=" + label;
        }
    }

    /** One positional parameter. */
    record Param(String label, String description, boolean required) {
    }

    private final String name;
    private final String summary;
    private final List<String> description = new ArrayList<>();
    private final List<String> footer = new ArrayList<>();
    private final List<Option> options = new ArrayList<>();
    private final List<Param> params = new ArrayList<>();

    private CommandSpec(String name, String summary) {
        this.name = name;
        this.summary = summary;
    }

    /**
     * @param name    the command as typed after {@code ckpt}, e.g. {@code save}
     * @param summary one sentence, shown in {@code ckpt --help} and first in the command's help
     */
    public static CommandSpec of(String name, String summary) {
        return new CommandSpec(name, summary);
    }

    /** Adds paragraphs shown after the summary (wrapped to the help width). */
    public CommandSpec description(String... paragraphs) {
        description.addAll(List.of(paragraphs));
        return this;
    }

    /** Adds lines shown under "Examples:" at the end, as written. */
    public CommandSpec examples(String... lines) {
        footer.addAll(List.of(lines));
        return this;
    }

    /** Adds a flag: an option without a value. */
    public CommandSpec flag(String name, String description) {
        return add(new Option(name, null, description, false));
    }

    /** Adds an option with a value shown as {@code label} in the help. */
    public CommandSpec option(String name, String label, String description) {
        return add(new Option(name, label, description, false));
    }

    /** Adds an option that must be given. */
    public CommandSpec required(String name, String label, String description) {
        return add(new Option(name, label, description, true));
    }

    /** Adds a positional parameter that must be given (after those added before it). */
    public CommandSpec param(String label, String description) {
        params.add(new Param(label, description, true));
        return this;
    }

    /** Adds a positional parameter that may be left out (only after the required ones). */
    public CommandSpec optionalParam(String label, String description) {
        params.add(new Param(label, description, false));
        return this;
    }

    private CommandSpec add(Option o) {
        if (!o.name().startsWith("--") || find(o.name()) != null) {
            throw new IllegalArgumentException("option " + o.name() + " of " + name + " is not new or not '--name'");
        }
        options.add(o);
        return this;
    }

    /** @return the command's name, e.g. {@code save}. */
    public String name() {
        return name;
    }

    /** @return the one-sentence summary. */
    public String summary() {
        return summary;
    }

    /** @return the declared options, in declaration order (without the built-in ones). */
    List<Option> options() {
        return options;
    }

    /**
     * Parses {@code args} (what follows the command's name).
     *
     * @throws UsageException naming the problem: an unknown option (with the closest one), a
     *                        missing value or parameter, a missing required option, too many
     *                        parameters.
     */
    public Args parse(String[] args) throws UsageException {
        Args parsed = new Args(this);
        boolean optionsEnded = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!optionsEnded && a.equals("--")) {
                optionsEnded = true;
            } else if (!optionsEnded && (a.equals("-h") || a.equals("--help"))) {
                parsed.help = true;
            } else if (!optionsEnded && a.equals("--verbose")) {
                parsed.verbose = true;
            } else if (!optionsEnded && a.startsWith("-") && a.length() > 1) {
                int eq = a.indexOf('=');
                String optName = eq > 0 ? a.substring(0, eq) : a;
                Option o = find(optName);
                if (o == null) {
                    String near = Suggest.closest(optName, names());
                    throw new UsageException(this, "unknown option '" + optName + "'"
                        + (near == null ? "" : "; did you mean " + near + "?"));
                }
                if (o.flag()) {
                    if (eq > 0) {
                        throw new UsageException(this, "option '" + o.name() + "' takes no value (got '" + a + "')");
                    }
                    parsed.put(o.name(), "true");
                } else if (eq > 0) {
                    parsed.put(o.name(), a.substring(eq + 1));
                } else if (i + 1 < args.length) {
                    parsed.put(o.name(), args[++i]);
                } else {
                    throw new UsageException(this, "option '" + o.name() + "' needs a value (" + o.label() + ")");
                }
            } else {
                parsed.params.add(a);
            }
        }
        if (parsed.help) {
            return parsed;
        }
        for (Option o : options) {
            if (o.required() && !parsed.has(o.name())) {
                throw new UsageException(this, "missing required option '" + o.display() + "'");
            }
        }
        int required = 0;
        for (Param p : params) {
            required += p.required() ? 1 : 0;
        }
        if (parsed.params.size() < required) {
            Param missing = params.get(parsed.params.size());
            throw new UsageException(this, "missing required parameter " + missing.label());
        }
        if (parsed.params.size() > params.size()) {
            throw new UsageException(this, "unexpected argument '" + parsed.params.get(params.size()) + "'"
                + (params.isEmpty() ? " (this command takes no parameters)" : ""));
        }
        return parsed;
    }

    /** @return the option called {@code optionName}, or null. */
    Option find(String optionName) {
        for (Option o : options) {
            if (o.name().equals(optionName)) {
                return o;
            }
        }
        return null;
    }

    private List<String> names() {
        List<String> n = new ArrayList<>();
        for (Option o : options) {
            n.add(o.name());
        }
        n.add("--help");
        n.add("--verbose");
        return n;
    }

    /** @return the whole help text: usage line, summary, description, parameters, options, examples. */
    public String help() {
        StringBuilder b = new StringBuilder();
        StringBuilder usage = new StringBuilder("Usage: ckpt ").append(name).append(" [OPTIONS]");
        for (Option o : options) {
            if (o.required()) {
                usage.append(' ').append(o.display());
            }
        }
        for (Param p : params) {
            usage.append(' ').append(p.required() ? p.label() : "[" + p.label() + "]");
        }
        wrap(b, usage.toString(), 0, 7);
        wrap(b, summary, 0, 0);
        for (String paragraph : description) {
            b.append('\n');
            wrap(b, paragraph, 0, 0);
        }
        int column = 0;
        for (Param p : params) {
            column = Math.max(column, p.label().length());
        }
        for (Option o : options) {
            column = Math.max(column, o.display().length());
        }
        column = Math.min(MAX_LABEL, column) + 8;
        if (!params.isEmpty()) {
            b.append("\nParameters:\n");
            for (Param p : params) {
                row(b, "      " + p.label(), p.description(), column);
            }
        }
        b.append("\nOptions:\n");
        for (Option o : options) {
            row(b, "      " + o.display(), (o.required() ? "Required. " : "") + o.description(), column);
        }
        row(b, "  -h, --help", "Show this help message and exit.", column);
        row(b, "      --verbose", "Print the stack trace with an error.", column);
        if (!footer.isEmpty()) {
            b.append("\nExamples:\n");
            for (String line : footer) {
                b.append(line).append('\n');
            }
        }
        return b.toString();
    }

    private static void row(StringBuilder b, String label, String text, int column) {
        b.append(label);
        if (label.length() + 2 > column) {
            b.append('\n').append(" ".repeat(column));
        } else {
            b.append(" ".repeat(column - label.length()));
        }
        wrap(b, text, column, column);
    }

    /**
     * Appends {@code text} wrapped at spaces to {@link #WIDTH} columns and a newline: the first
     * line continues the current one, which is at column {@code col}; the others are indented by
     * {@code rest} spaces. A word longer than a line stays whole.
     */
    static void wrap(StringBuilder b, String text, int col, int rest) {
        boolean lineEmpty = true;
        int i = 0;
        int n = text.length();
        while (i < n) {
            int j = text.indexOf(' ', i);
            if (j < 0) {
                j = n;
            }
            int word = j - i;
            if (!lineEmpty && col + 1 + word > WIDTH) {
                b.append('\n').append(" ".repeat(rest));
                col = rest;
                lineEmpty = true;
            }
            if (!lineEmpty) {
                b.append(' ');
                col++;
            }
            b.append(text, i, j);
            col += word;
            lineEmpty = false;
            i = j + 1;
        }
        b.append('\n');
    }
}
