package io.ckpt.tools.cli;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command-line parser and help renderer every command declares itself with. */
class CommandSpecTest {
    private static CommandSpec spec() {
        return CommandSpec.of("try", "Try the parser.")
            .description("A paragraph long enough to be wrapped at eighty columns, so that the help shows it on more "
                + "than one line and no line is longer than the limit.")
            .param("IN", "The input.")
            .optionalParam("OUT", "The output.")
            .required("--to", "FILE", "Where to.")
            .option("--threads", "N", "Threads.")
            .flag("--sync", "Force.")
            .examples("  ckpt try a --to b");
    }

    private static Args parse(String... args) throws UsageException {
        return spec().parse(args);
    }

    @Test
    void shouldParseOptionsInEitherSpellingFlagsAndParametersInOrder() throws Exception {
        Args a = parse("in", "--to", "x", "--threads=3", "--sync", "out");
        assertEquals("in", a.param(0));
        assertEquals("out", a.param(1));
        assertEquals("x", a.get("--to"));
        assertEquals(3, a.intValue("--threads", 1, 1, 64));
        assertTrue(a.flag("--sync"));
        Args b = parse("--to=y", "in");
        assertNull(b.param(1));
        assertFalse(b.flag("--sync"));
        assertEquals(7, b.intValue("--threads", 7, 1, 64));
        assertEquals("-negative", parse("--to", "-negative", "in").get("--to"), "a value may start with a dash");
        assertEquals("--sync", parse("--to", "x", "--", "--sync").param(0), "-- ends the options");
        assertEquals("z", parse("--to", "x", "--to", "z", "in").get("--to"), "the last one wins");
    }

    @Test
    void shouldNameTheProblemOfBadUsage() {
        assertEquals("unknown option '--thread'; did you mean --threads?",
            assertThrows(UsageException.class, () -> parse("in", "--to", "x", "--thread", "2")).getMessage());
        assertEquals("unknown option '-x'", assertThrows(UsageException.class, () -> parse("-x", "in", "--to", "y")).getMessage());
        assertEquals("option '--to' needs a value (FILE)", assertThrows(UsageException.class, () -> parse("in", "--to")).getMessage());
        assertEquals("option '--sync' takes no value (got '--sync=yes')",
            assertThrows(UsageException.class, () -> parse("in", "--to", "x", "--sync=yes")).getMessage());
        assertEquals("missing required option '--to=FILE'", assertThrows(UsageException.class, () -> parse("in")).getMessage());
        assertEquals("missing required parameter IN", assertThrows(UsageException.class, () -> parse("--to", "x")).getMessage());
        assertEquals("unexpected argument 'three'",
            assertThrows(UsageException.class, () -> parse("one", "two", "three", "--to", "x")).getMessage());
        UsageException e = assertThrows(UsageException.class, () -> parse("in", "--to", "x", "--threads", "lots").intValue(
            "--threads", 1, 1, 64));
        assertEquals("invalid value for option '--threads': 'lots' is not a whole number", e.getMessage());
        assertEquals("ckpt try --help", e.helpHint());
        assertEquals("invalid value for option '--threads': 99 is outside [1, 64]", assertThrows(UsageException.class,
            () -> parse("in", "--to", "x", "--threads", "99").intValue("--threads", 1, 1, 64)).getMessage());
    }

    @Test
    void shouldAcceptHelpAnywhereWithoutTheRequiredArguments() throws Exception {
        assertTrue(parse("--help").help());
        assertTrue(parse("in", "-h").help());
        assertTrue(parse("--verbose", "in", "--to", "x").verbose());
    }

    @Test
    void shouldRefuseToReadAnOptionItNeverDeclared() throws Exception {
        Args a = parse("in", "--to", "x");
        assertThrows(IllegalArgumentException.class, () -> a.get("--tto"));
        assertThrows(IllegalArgumentException.class, () -> CommandSpec.of("x", "y").flag("--a", "").flag("--a", ""));
    }

    @Test
    void shouldRenderHelpWithinEightyColumnsListingEveryOption() {
        String help = spec().help();
        assertTrue(help.startsWith("Usage: ckpt try [OPTIONS] --to=FILE IN [OUT]\nTry the parser.\n"), help);
        for (String line : help.split("\n")) {
            assertTrue(line.length() <= CommandSpec.WIDTH, "over " + CommandSpec.WIDTH + " columns: '" + line + "'");
        }
        for (String option : List.of("--to=FILE", "--threads=N", "--sync", "--help", "--verbose", "IN", "OUT")) {
            assertTrue(help.contains(option), option + " missing from\n" + help);
        }
        assertTrue(help.contains("Required. Where to."), help);
        assertTrue(help.endsWith("Examples:\n  ckpt try a --to b\n"), help);
    }

    @Test
    void shouldKeepEveryCommandsHelpWithinEightyColumns() {
        for (String command : Main.names()) {
            String help = Cli.run("help", command).out();
            for (String line : help.split("\n")) {
                assertTrue(line.length() <= CommandSpec.WIDTH || line.startsWith("  ckpt "),
                    command + ": over " + CommandSpec.WIDTH + " columns: '" + line + "'");
            }
        }
    }

    @Test
    void shouldSuggestOnlyCloseNames() {
        assertEquals("--threads", Suggest.closest("--thraeds", List.of("--threads", "--to")));
        assertEquals("verify", Suggest.closest("verfy", List.of("save", "verify")));
        assertEquals("restore", Suggest.closest("rest", List.of("save", "restore")));
        assertNull(Suggest.closest("--frobnicate", List.of("--threads", "--to")));
    }
}
