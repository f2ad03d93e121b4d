package io.ckpt.tools.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs {@link Main} in-process and captures its exit code, stdout and stderr. */
public final class Cli {
    private Cli() {
    }

    /** What one run of {@code ckpt} did. */
    public record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
        }
    }

    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    /** @return {@code inspect VIEW... FILE}. */
    public static String[] inspectArgs(String[] view, java.nio.file.Path file) {
        String[] a = new String[view.length + 2];
        a[0] = "inspect";
        System.arraycopy(view, 0, a, 1, view.length);
        a[a.length - 1] = file.toString();
        return a;
    }
}
