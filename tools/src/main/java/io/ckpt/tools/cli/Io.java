package io.ckpt.tools.cli;

import java.io.PrintWriter;

/**
 * Where a command prints: its results on {@code out}, errors, notes and progress on
 * {@code err}, and whether {@code err} is a terminal (progress bars only draw there).
 *
 * <p>Thread-safety: the writers are used by the command's thread only.
 *
 * @param out            results (what scripts read)
 * @param err            errors, notes and progress bars
 * @param errIsTerminal  stderr is a terminal: the launcher says so ({@code -Dckpt.stderr.tty},
 *                       from {@code [ -t 2 ]}); without it, a JVM attached to a console is taken
 *                       to be on one
 */
record Io(PrintWriter out, PrintWriter err, boolean errIsTerminal) {
    /** @return an Io on these writers, with the terminal as the launcher or the JVM reports it. */
    static Io of(PrintWriter out, PrintWriter err) {
        String tty = System.getProperty("ckpt.stderr.tty");
        return new Io(out, err, tty != null ? Boolean.parseBoolean(tty) : System.console() != null);
    }
}
