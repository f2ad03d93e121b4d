package io.ckpt.tools.inspect;

import java.util.List;
import java.util.Map;

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

        Map<String, Object> doc = (Map<String, Object>) io.ckpt.tools.bench.Json.parse(sb.toString());
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
}
