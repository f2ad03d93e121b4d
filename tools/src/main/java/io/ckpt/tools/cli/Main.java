package io.ckpt.tools.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.ckpt.format.FormatVersion;

/**
 * The {@code ckpt} command line: {@code save}, {@code restore}, {@code inspect}, {@code verify},
 * {@code diff}, {@code compact}, {@code demo} and {@code bench}, one class per command, each
 * declaring its arguments in a {@link CommandSpec}.
 *
 * <p>{@link #run(String...)} returns the exit code (see {@link Exit}) so tests can run the
 * tool in-process; only {@link #main} calls {@link System#exit}. Only the command that runs is
 * built and parsed for: a short command's cost is the JVM's start.
 *
 * <p>Thread-safety: each {@link #run} builds its own command objects.
 */
public final class Main {
    private static final String SUMMARY = "Save, restore, inspect and verify ckpt checkpoints: compressed, checksummed, "
        + "randomly accessible snapshots of an off-heap memory arena.";
    private static final String[] EXAMPLES = {
        "  ckpt demo --size 1g                    save, restore, compare a 1 GiB arena",
        "  ckpt save --from-raw vm.ram vm.ckpt    checkpoint a raw memory image",
        "  ckpt restore vm.ckpt --to-raw vm.ram   get the image back, byte for byte",
        "  ckpt inspect --index vm.ckpt           header, summary and index",
        "  ckpt verify vm.ckpt                    check every checksum",
        "  ckpt help save                         help on one command",
        "",
        "Exit status: 0 ok; 1 bad usage or bad input (missing file, bad option, I/O",
        "error); 2 corrupt, incomplete or unsupported checkpoint."};

    private Main() {
    }

    /** Runs {@code ckpt} with {@code args} and exits the JVM with its exit code. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs {@code ckpt} with {@code args} on {@code System.out} and {@code System.err}.
     *
     * @return the exit code, see {@link Exit}.
     */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, false), new PrintWriter(System.err, true), args);
    }

    /**
     * Runs {@code ckpt} with {@code args}, printing to {@code out} and {@code err} (both are
     * flushed before this returns). Never throws and never exits the JVM.
     *
     * @return the exit code, see {@link Exit}.
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        boolean verbose = hasVerbose(args);
        try {
            return dispatch(Io.of(out, err), args);
        } catch (UsageException e) {
            err.println(ErrorHandler.PREFIX + e.getMessage() + " (see '" + e.helpHint() + "')");
            return Exit.USAGE;
        } catch (Throwable t) {
            return ErrorHandler.report(t, err, verbose);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static int dispatch(Io io, String[] args) throws Exception {
        // --verbose may come first; it applies to every command.
        int at = 0;
        while (at < args.length && args[at].equals("--verbose")) {
            at++;
        }
        if (at == args.length) {
            io.err().print(help());
            throw new UsageException(null, "missing a command");
        }
        String first = args[at];
        String[] rest = Arrays.copyOfRange(args, at + 1, args.length);
        switch (first) {
            case "-h":
            case "--help":
                io.out().print(help());
                return Exit.OK;
            case "-V":
            case "--version":
                io.out().print(version());
                return Exit.OK;
            case "help":
                if (rest.length == 0) {
                    io.out().print(help());
                } else {
                    io.out().print(command(rest[0]).spec().help());
                }
                return Exit.OK;
            case CdsTraining.COMMAND:
                return CdsTraining.run(io);
            default:
                break;
        }
        if (first.startsWith("-")) {
            throw new UsageException(null, "unknown option '" + first + "'; a command comes first");
        }
        Command c = command(first);
        Args parsed = c.spec().parse(rest);
        if (parsed.help()) {
            io.out().print(c.spec().help());
            return Exit.OK;
        }
        return c.run(parsed, io);
    }

    /** @return the command called {@code name}, built fresh. */
    private static Command command(String name) throws UsageException {
        Command c = create(name);
        if (c == null) {
            String near = Suggest.closest(name, names());
            throw new UsageException(null, "unknown command '" + name + "'" + (near == null ? "" : "; did you mean " + near + "?"));
        }
        return c;
    }

    /** @return the command called {@code name}, or null; only that one is built. */
    private static Command create(String name) {
        switch (name) {
            case "save": return new SaveCommand();
            case "restore": return new RestoreCommand();
            case "inspect": return new InspectCommand();
            case "verify": return new VerifyCommand();
            case "diff": return new DiffCommand();
            case "compact": return new CompactCommand();
            case "demo": return new DemoCommand();
            case "bench": return new BenchCommand();
            default: return null;
        }
    }

    /** @return the commands' names, in the order the help lists them. */
    static List<String> names() {
        return List.of("save", "restore", "inspect", "verify", "diff", "compact", "demo", "bench", "help");
    }

    /** @return {@code ckpt --help}: usage, the commands with their summaries, options, examples. */
    static String help() {
        StringBuilder b = new StringBuilder("Usage: ckpt [-hV] [--verbose] COMMAND\n");
        CommandSpec.wrap(b, SUMMARY, 0, 0);
        b.append("\nCommands:\n");
        List<String[]> rows = new ArrayList<>();
        for (String n : names()) {
            Command c = create(n);
            rows.add(new String[] {n, c == null ? "Display help information about the specified command." : c.spec().summary()});
        }
        for (String[] r : rows) {
            b.append("  ").append(r[0]).append(" ".repeat(10 - r[0].length()));
            CommandSpec.wrap(b, r[1], 12, 12);
        }
        b.append("\nOptions:\n");
        b.append("  -h, --help      Show this help message and exit.\n");
        b.append("  -V, --version   Print version information and exit.\n");
        b.append("      --verbose   Print the stack trace with an error.\n");
        b.append("\nExamples:\n");
        for (String line : EXAMPLES) {
            b.append(line).append('\n');
        }
        return b.toString();
    }

    /**
     * @return {@code ckpt --version}: the tool's version (from the jar manifest), the checkpoint
     *         format version it writes, and the JVM it runs on.
     */
    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return "ckpt " + (v == null ? "(development build)" : v) + "\n"
            + "checkpoint format " + FormatVersion.MAJOR + "." + FormatVersion.MINOR
            + " (reads major versions " + FormatVersion.MIN_MAJOR + " to " + FormatVersion.MAJOR + ")\n"
            + "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ", "
            + System.getProperty("java.vendor") + ") on " + System.getProperty("os.name") + " "
            + System.getProperty("os.arch") + "\n";
    }

    static boolean hasVerbose(String[] args) {
        for (String a : args) {
            if ("--verbose".equals(a)) {
                return true;
            }
        }
        return false;
    }
}
