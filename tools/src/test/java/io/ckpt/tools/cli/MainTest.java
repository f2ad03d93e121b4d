package io.ckpt.tools.cli;

import io.ckpt.save.SaveOptions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {
    @Test
    void shouldPrintHelpListingEveryCommand() {
        Cli.Result r = Cli.run("--help");
        assertEquals(0, r.code(), r::toString);
        for (String command : new String[] {"save", "restore", "inspect", "verify", "demo", "help"}) {
            assertTrue(r.out().contains("\n  " + command + " "), command + " missing from\n" + r.out());
        }
        assertTrue(r.out().contains("Examples:"), r::toString);
    }

    @Test
    void shouldPrintHelpForEveryCommand() {
        for (String command : new String[] {"save", "restore", "inspect", "verify", "demo"}) {
            Cli.Result r = Cli.run(command, "--help");
            assertEquals(0, r.code(), r::toString);
            assertTrue(r.out().startsWith("Usage: ckpt " + command), r::toString);
            assertTrue(r.out().contains("Examples:"), r::toString);
            assertEquals(r.out(), Cli.run("help", command).out());
        }
    }

    /** Help goes to stdout only: nothing on stderr, nothing written to System.err behind the writers' back. */
    @Test
    void shouldPrintEveryHelpWithoutWritingToStandardError() {
        java.io.PrintStream saved = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true));
        try {
            for (String command : new String[] {"save", "restore", "inspect", "verify", "diff", "compact", "demo", "bench"}) {
                Cli.Result r = Cli.run(command, "--help");
                assertEquals(0, r.code(), r::toString);
                assertEquals("", r.err(), command + ": " + r);
            }
        } finally {
            System.setErr(saved);
        }
        assertEquals("", captured.toString(), "something wrote to System.err");
    }

    @Test
    void shouldPrintTheVersion() {
        Cli.Result r = Cli.run("--version");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().startsWith("ckpt "), r::toString);
        assertTrue(r.out().contains("checkpoint format 1.1"), r::toString);
    }

    @Test
    void shouldExitOneOnBadUsage() {
        for (String[] args : new String[][] {{}, {"frobnicate"}, {"verify"}, {"verify", "a", "b"}, {"inspect", "--bogus", "x"}}) {
            Cli.Result r = Cli.run(args);
            assertEquals(1, r.code(), r::toString);
            assertTrue(r.err().lines().anyMatch(l -> l.startsWith("ckpt: error: ")), r::toString);
            assertTrue(r.err().lines().filter(l -> l.startsWith("ckpt: error: ")).count() == 1, r::toString);
        }
    }

    @Test
    void shouldSuggestTheClosestCommand() {
        Cli.Result r = Cli.run("verfy", "x.ckpt");
        assertEquals(1, r.code(), r::toString);
        assertTrue(r.err().startsWith("ckpt: error: unknown command 'verfy'; did you mean verify"), r::toString);
    }

    @Test
    void shouldDocumentTheEngineDefaults() {
        SaveOptions d = SaveOptions.defaults();
        String help = Cli.run("save", "--help").out().replaceAll("\\s+", " ");
        assertTrue(help.contains("Default: " + d.pagesPerBlock() + " (" + d.blockBytes() / 1024 + " KiB blocks)"), help);
        assertTrue(help.contains("Default: " + d.storageBlockSize() / (1 << 20) + "m."), help);
        assertTrue(help.contains("Default: " + d.codec().name().toLowerCase() + "."), help);
    }
}
