package io.ckpt.tools.text;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.ckpt.tools.bench.Json;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JsonWriterTest {
    @Test
    @SuppressWarnings("unchecked")
    void shouldEscapeStringsAndNestContainers() {
        StringBuilder sb = new StringBuilder();
        JsonWriter j = new JsonWriter(sb);
        String odd = "a \"quoted\" \\ name\nwith\ttabs and \u0001";
        j.beginObject().field("s", odd).field("n", -5).field("b", true).field("z", null);
        j.name("d").value(2.0 / 3, 3);
        j.name("empty").beginArray().endArray();
        j.name("rows").beginArray();
        for (int i = 0; i < 3; i++) {
            j.beginObject(true).field("i", i).name("inner").beginArray().value(1).value(2).endArray().endObject();
        }
        j.endArray().endObject();
        j.flush();

        Map<String, Object> doc = (Map<String, Object>) Json.parse(sb.toString());
        assertEquals(odd, doc.get("s"));
        assertEquals(-5L, doc.get("n"));
        assertEquals(true, doc.get("b"));
        assertEquals(0.667, doc.get("d"));
        assertEquals(List.of(), doc.get("empty"));
        List<Object> rows = (List<Object>) doc.get("rows");
        assertEquals(3, rows.size());
        assertEquals(Map.of("i", 2L, "inner", List.of(1L, 2L)), rows.get(2));
        assertEquals(3, sb.toString().lines().filter(l -> l.contains("\"inner\": [1, 2]")).count(), sb.toString());
        assertEquals('\n', sb.charAt(sb.length() - 1));
    }

    /** The layout and escapes of INSPECT-JSON.md section 1, byte for byte as the hand-written writer had them. */
    @Test
    void shouldWriteTheDocumentedLayoutByteForByte() {
        StringBuilder sb = new StringBuilder();
        JsonWriter j = new JsonWriter(sb);
        j.beginObject().field("s", "a \"q\" \\ / \u00e9 \n\t\r\u001b\b\f\u007f\u2028").field("n", -5).field("b", true)
            .field("z", null);
        j.name("d").value(2.0 / 3, 4);
        j.name("nan").value(Double.NaN, 4);
        j.name("neg").value(-0.00001, 4);
        j.name("empty").beginArray().endArray();
        j.name("emptyo").beginObject().endObject();
        j.name("rows").beginArray();
        for (int i = 0; i < 2; i++) {
            j.beginObject(true).field("i", i).name("inner").beginArray().value(1).value(2).endArray()
                .name("o").beginObject().field("x", 1).endObject().name("e").beginArray().endArray().endObject();
        }
        j.endArray();
        j.name("nested").beginObject().name("deeper").beginObject().field("k", "v").endObject()
            .name("arr").beginArray().value("x").beginArray().endArray().endArray().endObject();
        j.name("inl").beginObject(true).endObject();
        j.endObject();
        j.flush();
        assertEquals("""
            {
              "s": "a \\"q\\" \\\\ / \u00e9 \\n\\t\\r\\u001b\\u0008\\u000c\u007f\u2028",
              "n": -5,
              "b": true,
              "z": null,
              "d": 0.6667,
              "nan": null,
              "neg": -0.0000,
              "empty": [],
              "emptyo": {},
              "rows": [
                {"i": 0, "inner": [1, 2], "o": {"x": 1}, "e": []},
                {"i": 1, "inner": [1, 2], "o": {"x": 1}, "e": []}
              ],
              "nested": {
                "deeper": {
                  "k": "v"
                },
                "arr": [
                  "x",
                  []
                ]
              },
              "inl": {}
            }
            """, sb.toString());
    }

    @Test
    void shouldWriteBenchReportsAsBefore() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("doubles", Arrays.asList(1.0, 0.5, 1e-7, 1e15, 123456.789, 0.000123456789, Double.NaN,
            Double.POSITIVE_INFINITY, -2.5, 3.0f));
        m.put("ints", Arrays.asList(1, 2L, (short) 3));
        m.put("nested", new LinkedHashMap<>(Map.of("a", List.of())));
        m.put("empty", new LinkedHashMap<>());
        m.put("str", "x");
        m.put("bool", false);
        m.put("nul", null);
        m.put("path", Path.of("/tmp/x"));
        assertEquals("""
            {
              "doubles": [1, 0.5, 1.0E-7, 1.0E15, 123457, 0.000123457, null, null, -2.5, 3],
              "ints": [1, 2, 3],
              "nested": {
                "a": []
              },
              "empty": {},
              "str": "x",
              "bool": false,
              "nul": null,
              "path": "/tmp/x"
            }
            """, Json.write(m));
    }
}
