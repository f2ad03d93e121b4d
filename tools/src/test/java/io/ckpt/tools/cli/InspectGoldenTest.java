package io.ckpt.tools.cli;

import io.ckpt.tools.inspect.GoldenCheckpoints;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The text and JSON output of {@code ckpt inspect} on the three golden checkpoints, frozen in
 * {@code format-spec/golden/inspect/} and compared byte for byte: a change of any view's
 * output fails here until the expected files are rewritten on purpose with
 *
 * <pre>
 * mvn -B -o -q test -pl tools -am -Dtest=InspectGoldenTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dckpt.golden.regenerate=true
 * </pre>
 *
 * (then review the diff and commit it; a change of the JSON layout also needs the schema
 * version and {@code format-spec/INSPECT-JSON.md} to follow).
 */
class InspectGoldenTest {
    /** Set to rewrite the expected outputs instead of comparing against them. */
    static final boolean REGENERATE = Boolean.getBoolean("ckpt.golden.regenerate");

    /** One frozen output: a view of a golden file. */
    record Case(String file, String view, List<String> args) {
        String expectedName() {
            return file.replace(".ckpt", "") + "." + view;
        }

        @Override
        public String toString() {
            return expectedName();
        }
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (String f : GoldenCheckpoints.FILES) {
            cases.add(new Case(f, "summary.txt", List.of()));
            cases.add(new Case(f, "summary.json", List.of("--json")));
            cases.add(new Case(f, "index.txt", List.of("--index")));
            cases.add(new Case(f, "index.json", List.of("--index", "--json")));
            cases.add(new Case(f, "storage-blocks.txt", List.of("--storage-blocks")));
            cases.add(new Case(f, "storage-blocks.json", List.of("--storage-blocks", "--json")));
            cases.add(new Case(f, "block0-hexdump.txt", List.of("--block", "0", "--hexdump")));
            cases.add(new Case(f, "verify.txt", List.of("--verify")));
            cases.add(new Case(f, "verify.json", List.of("--verify", "--json")));
        }
        return cases.stream();
    }

    static Path expectedDir() {
        return GoldenCheckpoints.dir().resolve("inspect");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldPrintExactlyTheCommittedOutput(Case c) throws IOException {
        List<String> args = new ArrayList<>();
        args.add("inspect");
        args.addAll(c.args());
        args.add(GoldenCheckpoints.file(c.file()).toString());
        Cli.Result r = Cli.run(args.toArray(new String[0]));
        assertEquals(0, r.code(), r::toString);
        assertEquals("", r.err(), r::toString);
        assertTrue(!r.out().contains(GoldenCheckpoints.dir().toString()), "no directory in the output");
        Path expected = expectedDir().resolve(c.expectedName());
        if (REGENERATE) {
            Files.createDirectories(expectedDir());
            Files.writeString(expected, r.out(), StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(expected)) {
            fail(expected + " is missing: run with -Dckpt.golden.regenerate=true to write it");
        }
        String want = Files.readString(expected, StandardCharsets.UTF_8);
        if (!want.equals(r.out())) {
            fail("output of 'ckpt " + String.join(" ", args.subList(0, args.size() - 1)) + " " + c.file()
                + "' differs from " + expected.getFileName() + " at " + firstDifference(want, r.out())
                + "\n--- got ---\n" + r.out());
        }
    }

    /** @return where two texts first differ, as {@code line N: expected '...', got '...'}. */
    static String firstDifference(String want, String got) {
        String[] a = want.split("\n", -1);
        String[] b = got.split("\n", -1);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String x = i < a.length ? a[i] : "<end>";
            String y = i < b.length ? b[i] : "<end>";
            if (!x.equals(y)) {
                return "line " + (i + 1) + ": expected '" + x + "', got '" + y + "'";
            }
        }
        return "nowhere";
    }
}
