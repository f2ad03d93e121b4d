package io.ckpt.tools.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

import io.ckpt.format.CheckpointException;
import io.ckpt.tools.text.Text;

/**
 * Turns every failure into one line on stderr, {@code ckpt: error: ...}, and an exit code:
 * {@link Exit#CORRUPT} for a {@link CheckpointException}, {@link Exit#USAGE} for anything
 * else (bad input, I/O). The stack trace follows only with {@code --verbose}. Bad usage
 * ({@link UsageException}) is reported by {@link Main} itself.
 *
 * <p>Thread-safety: stateless.
 */
final class ErrorHandler {
    static final String PREFIX = "ckpt: error: ";

    private ErrorHandler() {
    }

    /** Prints {@code t} as one error line (and its stack trace if {@code verbose}). @return its exit code. */
    static int report(Throwable t, PrintWriter err, boolean verbose) {
        err.println(PREFIX + message(t));
        if (verbose) {
            t.printStackTrace(err);
        }
        err.flush();
        return exitCode(t);
    }

    /** @return {@link Exit#CORRUPT} for a checkpoint failure anywhere in the cause chain, else {@link Exit#USAGE}. */
    static int exitCode(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof CheckpointException) {
                return Exit.CORRUPT;
            }
        }
        return Exit.USAGE;
    }

    /** @return a one-line message for {@code t} that names the facts without a stack trace. */
    static String message(Throwable t) {
        if (t instanceof UncheckedIOException && t.getCause() != null) {
            return message(t.getCause());
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof CheckpointException) {
                return oneLine(c.getMessage());
            }
        }
        if (t instanceof NoSuchFileException e) {
            return "no such file: " + e.getFile() + (e.getReason() == null ? "" : " (" + e.getReason() + ")");
        }
        if (t instanceof AccessDeniedException e) {
            return "permission denied: " + e.getFile();
        }
        if (t instanceof FileAlreadyExistsException e) {
            return "file exists: " + e.getFile();
        }
        if (t instanceof NotDirectoryException e) {
            return "not a directory: " + e.getFile();
        }
        if (t instanceof DirectoryNotEmptyException e) {
            return "directory not empty: " + e.getFile();
        }
        if (t instanceof FileSystemException e) {
            return oneLine(e.getMessage());
        }
        if (t instanceof OutOfMemoryError) {
            return "out of memory (" + oneLine(t.getMessage()) + "); raise -Xmx or -XX:MaxDirectMemorySize"
                + " through CKPT_JAVA_OPTS";
        }
        if (t instanceof IllegalArgumentException || t instanceof IllegalStateException
            || t instanceof java.io.IOException) {
            return oneLine(t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName());
        }
        return "internal error: " + t.getClass().getName() + (t.getMessage() == null ? "" : ": " + oneLine(t.getMessage()))
            + " (rerun with --verbose for the stack trace)";
    }

    static String oneLine(String s) {
        return Text.oneLine(s);
    }
}
