package io.ckpt.tools.bench;

import io.ckpt.tools.text.Sizes;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonAndSizesTest {

    @Test
    void shouldReadBackWhatItWrites() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", 123456789012L);
        m.put("x", 0.123456789);
        m.put("nan", Double.NaN);
        m.put("s", "a \"quoted\"\\ line\n\t\u0001");
        m.put("list", Arrays.asList(1, 2.5, null, true));
        m.put("none", null);
        m.put("empty", new LinkedHashMap<>());
        @SuppressWarnings("unchecked")
        Map<String, Object> back = (Map<String, Object>) Json.parse(Json.write(m));
        assertEquals(123456789012L, back.get("n"));
        assertEquals(0.123457, (Double) back.get("x"), 1e-9);
        assertNull(back.get("nan"));
        assertEquals(m.get("s"), back.get("s"));
        assertEquals(Arrays.asList(1L, 2.5, null, true), back.get("list"));
        assertEquals(List.copyOf(m.keySet()), List.copyOf(back.keySet()));
    }

    @Test
    void shouldRefuseMalformedJson() {
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\": }"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\": 1} x"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("[1, 2"));
    }

    @Test
    void shouldParseSizesAsUsersTypeThem() {
        assertEquals(4096, Sizes.parse("4096"));
        assertEquals(8L << 20, Sizes.parse("8m"));
        assertEquals(256L << 20, Sizes.parse("256MiB"));
        assertEquals(1L << 30, Sizes.parse("1g"));
        assertEquals(1L << 30, Sizes.parse("1GB"));
        assertEquals(64L << 10, Sizes.parse(" 64k "));
        assertThrows(IllegalArgumentException.class, () -> Sizes.parse("lots"));
        assertThrows(IllegalArgumentException.class, () -> Sizes.parse("-1m"));
        assertEquals("1.00 GiB", Sizes.compact(1L << 30));
        assertEquals("512 B", Sizes.compact(512));
    }
}
