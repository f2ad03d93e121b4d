package io.ckpt.tools.inspect;

import io.ckpt.tools.text.Format;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A tiny streaming JSON writer for the tools' machine-readable output: objects, arrays,
 * strings, integers, fixed-point decimals, booleans and null, pretty-printed with two-space
 * indents. A container opened with {@code inline = true} is written on one line (index rows).
 * Output is deterministic: no maps, keys in the order written.
 *
 * <p>Thread-safety: single-threaded.
 */
public final class JsonWriter {
    private final Appendable sink;
    private final StringBuilder out = new StringBuilder();
    /** Per open container: [inline, has elements]. */
    private final Deque<boolean[]> open = new ArrayDeque<>();
    private boolean afterName;

    /** @param sink where the document goes; written through in pieces as it grows. */
    public JsonWriter(Appendable sink) {
        this.sink = sink;
    }

    /** Opens an object (multi-line). */
    public JsonWriter beginObject() {
        return begin('{', false);
    }

    /** Opens an object, written on one line if {@code inline}. */
    public JsonWriter beginObject(boolean inline) {
        return begin('{', inline);
    }

    public JsonWriter endObject() {
        return end('}');
    }

    /** Opens an array (multi-line). */
    public JsonWriter beginArray() {
        return begin('[', false);
    }

    public JsonWriter endArray() {
        return end(']');
    }

    /** Writes a member name; the next call writes its value. */
    public JsonWriter name(String name) {
        separate();
        quote(name);
        out.append(": ");
        afterName = true;
        return this;
    }

    public JsonWriter value(String s) {
        separate();
        if (s == null) {
            out.append("null");
        } else {
            quote(s);
        }
        return this;
    }

    public JsonWriter value(long v) {
        separate();
        out.append(v);
        return this;
    }

    public JsonWriter value(boolean v) {
        separate();
        out.append(v);
        return this;
    }

    /** Writes {@code v} with exactly {@code decimals} digits after the point (deterministic, locale-free). */
    public JsonWriter value(double v, int decimals) {
        separate();
        out.append(Double.isFinite(v) ? Format.of("%." + decimals + "f", v) : "null");
        return this;
    }

    /** Shorthand for {@code name(n).value(v)}. */
    public JsonWriter field(String n, String v) {
        return name(n).value(v);
    }

    public JsonWriter field(String n, long v) {
        return name(n).value(v);
    }

    public JsonWriter field(String n, boolean v) {
        return name(n).value(v);
    }

    /**
     * Writes what is buffered to the sink, with a final newline once every container is closed.
     *
     * @throws UncheckedIOException if the sink fails.
     */
    public void flush() {
        if (open.isEmpty()) {
            out.append('\n');
        }
        drain();
    }

    private void drain() {
        try {
            sink.append(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.setLength(0);
    }

    private JsonWriter begin(char c, boolean inline) {
        separate();
        out.append(c);
        open.push(new boolean[] {inline || inline(), false});
        return this;
    }

    private JsonWriter end(char c) {
        boolean[] top = open.pop();
        if (top[1] && !top[0]) {
            newline();
        }
        out.append(c);
        if (out.length() >= 1 << 16) {
            drain();
        }
        return this;
    }

    private boolean inline() {
        return !open.isEmpty() && open.peek()[0];
    }

    /** Writes the separator and indent due before the next element. */
    private void separate() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (open.isEmpty()) {
            return;
        }
        boolean[] top = open.peek();
        if (top[1]) {
            out.append(',');
            if (top[0]) {
                out.append(' ');
            }
        }
        top[1] = true;
        if (!top[0]) {
            newline();
        }
    }

    private void newline() {
        out.append('\n');
        for (int i = 0; i < open.size(); i++) {
            out.append("  ");
        }
    }

    private void quote(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(Format.of("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
