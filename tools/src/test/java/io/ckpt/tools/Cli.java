package io.ckpt.tools;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs {@link Main} in-process and captures its exit code, stdout and stderr. */
final class Cli {
    private Cli() {
    }

    /** What one run of {@code ckpt} did. */
    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
        }
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }
}
