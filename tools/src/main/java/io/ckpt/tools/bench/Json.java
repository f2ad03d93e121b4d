package io.ckpt.tools.bench;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ckpt.tools.text.JsonWriter;

/**
 * Benchmark reports as JSON, through Jackson: objects are {@link Map}s (insertion order kept),
 * arrays are {@link List}s, numbers are {@link Number}s (read back as {@link Long} when
 * integral, else {@link Double}), plus strings, booleans and null. Objects are written one
 * member a line, arrays on one line; doubles with six significant digits, integral ones as
 * integers, non-finite ones as null (JSON has no NaN).
 *
 * <p>Thread-safety: stateless.
 */
public final class Json {
    private static final ObjectMapper READER = new ObjectMapper()
        .enable(DeserializationFeature.USE_LONG_FOR_INTS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {
    }

    /** @param value a tree of maps, lists and scalars. @return it as JSON, ending with a newline. */
    public static String write(Object value) {
        StringWriter out = new StringWriter();
        JsonWriter j = new JsonWriter(out);
        write(j, value);
        j.flush();
        return out.toString();
    }

    private static void write(JsonWriter j, Object value) {
        if (value == null) {
            j.value((String) null);
        } else if (value instanceof Map<?, ?> map) {
            j.beginObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                j.name(String.valueOf(e.getKey()));
                write(j, e.getValue());
            }
            j.endObject();
        } else if (value instanceof List<?> list) {
            j.beginArray(true);
            for (Object v : list) {
                write(j, v);
            }
            j.endArray();
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 1e15) {
                j.value((long) d);
            } else if (Math.abs(d) >= 1e-6 && Math.abs(d) < 1e15) {
                // Six significant digits: plenty for timings, and short.
                j.value(new BigDecimal(d).round(new MathContext(6)).stripTrailingZeros());
            } else {
                j.value(d);
            }
        } else if (value instanceof BigDecimal b) {
            j.value(b);
        } else if (value instanceof Number n) {
            j.value(n.longValue());
        } else if (value instanceof Boolean b) {
            j.value(b.booleanValue());
        } else {
            j.value(value.toString());
        }
    }

    /**
     * @param text one JSON document
     * @return the value it holds
     * @throws IllegalArgumentException on malformed JSON, naming the offset.
     */
    public static Object parse(String text) {
        try {
            return READER.readValue(text, Object.class);
        } catch (JacksonException e) {
            long at = e.getLocation() == null ? -1 : e.getLocation().getCharOffset();
            throw new IllegalArgumentException("malformed JSON at offset " + at + ": " + e.getOriginalMessage(), e);
        }
    }
}
