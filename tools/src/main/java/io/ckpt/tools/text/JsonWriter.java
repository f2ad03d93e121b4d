package io.ckpt.tools.text;


import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.CharBuffer;
import java.util.BitSet;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * The tools' JSON output (INSPECT-JSON.md section 1): Jackson's streaming generator with the
 * layout every document uses: two-space indents, {@code "name": value}, and containers opened
 * with {@code inline = true} (and everything inside them) on one line, with {@code ", "}
 * between elements (index rows, layout rows, ranges). Keys come in the order written; the
 * document ends with a newline.
 *
 * <p>Thread-safety: single-threaded.
 */
public final class JsonWriter {
    private static final JsonFactory FACTORY = new JsonFactoryBuilder()
        .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
        .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
        .characterEscapes(new ControlEscapes())
        .build();

    private final JsonGenerator g;
    private final Layout layout = new Layout();

    /** @param sink where the document goes; written through as Jackson's buffer fills, and at {@link #flush}. */
    public JsonWriter(Appendable sink) {
        try {
            g = FACTORY.createGenerator(sink instanceof Writer w ? w : new AppendableWriter(sink));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        g.setPrettyPrinter(layout);
    }

    /** @return this, after opening an object (multi-line, unless inside an inline container). */
    public JsonWriter beginObject() {
        return beginObject(false);
    }

    /** @param inline write the object on one line. @return this. */
    public JsonWriter beginObject(boolean inline) {
        layout.nextInline = inline;
        return io(g::writeStartObject);
    }

    /** @return this, after closing the innermost object. */
    public JsonWriter endObject() {
        return io(g::writeEndObject);
    }

    /** @return this, after opening an array (multi-line, unless inside an inline container). */
    public JsonWriter beginArray() {
        return beginArray(false);
    }

    /** @param inline write the array on one line. @return this. */
    public JsonWriter beginArray(boolean inline) {
        layout.nextInline = inline;
        return io(g::writeStartArray);
    }

    /** @return this, after closing the innermost array. */
    public JsonWriter endArray() {
        return io(g::writeEndArray);
    }

    /** Writes a member name; the next call writes its value. @param name the key. @return this. */
    public JsonWriter name(String name) {
        return io(() -> g.writeFieldName(name));
    }

    /** @param s a string, or null. @return this. */
    public JsonWriter value(String s) {
        return io(() -> g.writeString(s));
    }

    /** @param v an integer. @return this. */
    public JsonWriter value(long v) {
        return io(() -> g.writeNumber(v));
    }

    /** @param v a boolean. @return this. */
    public JsonWriter value(boolean v) {
        return io(() -> g.writeBoolean(v));
    }

    /**
     * Writes {@code v} with exactly {@code decimals} digits after the point (deterministic,
     * locale-free), or null if it is not finite.
     *
     * @param v        the number
     * @param decimals digits after the point
     * @return this
     */
    public JsonWriter value(double v, int decimals) {
        return Double.isFinite(v) ? io(() -> g.writeNumber(Format.fixed(v, decimals)))
            : io(g::writeNull);
    }

    /** @param v a double as Java prints it ({@link Double#toString}), or null if not finite. @return this. */
    public JsonWriter value(double v) {
        return Double.isFinite(v) ? io(() -> g.writeNumber(v)) : io(g::writeNull);
    }

    /** @param v a decimal, written plain (no exponent), or null. @return this. */
    public JsonWriter value(BigDecimal v) {
        return io(() -> g.writeNumber(v));
    }

    /** Shorthand for {@code name(n).value(v)}. @param n the key. @param v the value. @return this. */
    public JsonWriter field(String n, String v) {
        return name(n).value(v);
    }

    /** Shorthand for {@code name(n).value(v)}. @param n the key. @param v the value. @return this. */
    public JsonWriter field(String n, long v) {
        return name(n).value(v);
    }

    /** Shorthand for {@code name(n).value(v)}. @param n the key. @param v the value. @return this. */
    public JsonWriter field(String n, boolean v) {
        return name(n).value(v);
    }

    /**
     * Writes what is buffered to the sink, with a final newline once every container is closed.
     *
     * @throws UncheckedIOException if the sink fails.
     */
    public void flush() {
        io(() -> {
            if (g.getOutputContext().inRoot()) {
                g.writeRaw('\n');
            }
            g.flush();
        });
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private JsonWriter io(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Where the separators and indents go: Jackson calls it for every structural token. */
    private static final class Layout implements PrettyPrinter {
        /** Bit d: the container at depth d (1 = the root's) is written on one line. */
        private final BitSet inline = new BitSet();
        private int depth;
        boolean nextInline;

        @Override
        public void writeRootValueSeparator(JsonGenerator g) {
            // one document per writer
        }

        @Override
        public void writeStartObject(JsonGenerator g) throws IOException {
            open(g, '{');
        }

        @Override
        public void writeEndObject(JsonGenerator g, int entries) throws IOException {
            close(g, '}', entries);
        }

        @Override
        public void writeStartArray(JsonGenerator g) throws IOException {
            open(g, '[');
        }

        @Override
        public void writeEndArray(JsonGenerator g, int values) throws IOException {
            close(g, ']', values);
        }

        @Override
        public void beforeObjectEntries(JsonGenerator g) throws IOException {
            lineBreak(g);
        }

        @Override
        public void beforeArrayValues(JsonGenerator g) throws IOException {
            lineBreak(g);
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(',');
            separate(g);
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(',');
            separate(g);
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        private void open(JsonGenerator g, char c) throws IOException {
            g.writeRaw(c);
            depth++;
            inline.set(depth, nextInline || inline.get(depth - 1));
            nextInline = false;
        }

        private void close(JsonGenerator g, char c, int elements) throws IOException {
            if (elements > 0 && !inline.get(depth)) {
                newline(g, depth - 1);
            }
            depth--;
            g.writeRaw(c);
        }

        /** Before an element that follows a comma. */
        private void separate(JsonGenerator g) throws IOException {
            if (inline.get(depth)) {
                g.writeRaw(' ');
            } else {
                newline(g, depth);
            }
        }

        /** Before the first element of a container. */
        private void lineBreak(JsonGenerator g) throws IOException {
            if (!inline.get(depth)) {
                newline(g, depth);
            }
        }

        private static void newline(JsonGenerator g, int indent) throws IOException {
            g.writeRaw('\n');
            for (int i = 0; i < indent; i++) {
                g.writeRaw("  ");
            }
        }
    }

    /**
     * Control characters other than newline, return and tab as backslash-u escapes in lower case
     * (Jackson writes {@code \b}, {@code \f} and upper-case hex): the escapes ckpt has always
     * written, so output stays the same byte for byte.
     */
    private static final class ControlEscapes extends CharacterEscapes {
        private final int[] codes = standardAsciiEscapesForJSON();

        ControlEscapes() {
            for (int c = 0; c < 0x20; c++) {
                if (c != '\n' && c != '\r' && c != '\t') {
                    codes[c] = ESCAPE_CUSTOM;
                }
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return codes;
        }

        @Override
        public SerializableString getEscapeSequence(int c) {
            // Asked for every character above ASCII too: those are written as they are.
            return c < 0x20 ? new SerializedString(Format.of("\\u%04x", (int) c)) : null;
        }
    }

    /** A {@link Writer} onto any {@link Appendable} (a {@link StringBuilder} in tests). */
    private static final class AppendableWriter extends Writer {
        private final Appendable sink;

        AppendableWriter(Appendable sink) {
            this.sink = sink;
        }

        @Override
        public void write(char[] chars, int off, int len) throws IOException {
            sink.append(CharBuffer.wrap(chars, off, len));
        }

        @Override
        public void flush() {
            // the sink has everything
        }

        @Override
        public void close() {
            // the caller's sink stays open
        }
    }
}
