package io.ckpt.tools.cli;

/**
 * Bad usage of a command: an unknown option, a missing or malformed value. Reported as one
 * line, {@code ckpt: error: MESSAGE (see 'ckpt COMMAND --help')}, with exit status 1.
 *
 * <p>Thread-safety: immutable.
 */
public final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;
    /** The command whose help the message points to; null for {@code ckpt} itself. */
    private final transient CommandSpec spec;

    public UsageException(CommandSpec spec, String message) {
        super(message);
        this.spec = spec;
    }

    /** @return where to look for help, e.g. {@code ckpt save --help}. */
    public String helpHint() {
        return spec == null ? "ckpt --help" : "ckpt " + spec.name() + " --help";
    }
}
