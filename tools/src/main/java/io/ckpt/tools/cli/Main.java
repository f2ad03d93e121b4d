package io.ckpt.tools.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code ckpt} command line: {@code save}, {@code restore}, {@code inspect},
 * {@code verify} and {@code demo}, one class per subcommand.
 *
 * <p>{@link #run(String...)} returns the exit code (see {@link Exit}) so tests can run the
 * tool in-process; only {@link #main} calls {@link System#exit}.
 *
 * <p>Thread-safety: one invocation per {@link CommandLine}; {@link #run} builds a fresh one.
 */
@Command(name = "ckpt",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    synopsisSubcommandLabel = "COMMAND",
    description = {
        "Save, restore, inspect and verify ckpt checkpoints: compressed, checksummed, "
            + "randomly accessible snapshots of an off-heap memory arena.",
        ""},
    subcommands = {
        SaveCommand.class,
        RestoreCommand.class,
        InspectCommand.class,
        VerifyCommand.class,
        DemoCommand.class,
        CompactCommand.class,
        io.ckpt.tools.bench.BenchCommand.class,
        DiffCommand.class,
        HelpCommand.class,
    },
    footerHeading = "%nExamples:%n",
    footer = {
        "  ckpt demo --size 1g                    save, restore, compare a 1 GiB arena",
        "  ckpt save --from-raw vm.ram vm.ckpt    checkpoint a raw memory image",
        "  ckpt restore vm.ckpt --to-raw vm.ram   get the image back, byte for byte",
        "  ckpt inspect --index vm.ckpt           header, summary and index",
        "  ckpt verify vm.ckpt                    check every checksum",
        "  ckpt help save                         help on one command",
        "",
        "Exit status: 0 ok; 1 bad usage or bad input (missing file, bad option, I/O",
        "error); 2 corrupt, incomplete or unsupported checkpoint."})
public final class Main implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
        description = "Print the stack trace with an error.")
    boolean verbose;

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
        try {
            CommandLine cl = commandLine();
            cl.setOut(out);
            cl.setErr(err);
            return cl.execute(args);
        } catch (Throwable t) {
            // picocli hands Exceptions to the handlers; this catches Errors (out of memory...).
            return ErrorHandler.report(t, err, hasVerbose(args));
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** @return the configured command line, with every subcommand and both error handlers. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        ErrorHandler handler = new ErrorHandler();
        cl.setExecutionExceptionHandler(handler);
        cl.setParameterExceptionHandler(handler);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    /** With no subcommand: the usage on stderr, as a usage error. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CommandLine.ParameterException(spec.commandLine(), "missing a command");
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
