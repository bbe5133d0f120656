package dev.nanoclassifier.bench.json;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonTest {

    @Test
    void readsTheOpenAiResponseFormatShape() {
        String body = "{\"model\":\"gpt-5.4-nano\",\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"c\","
                + "\"strict\":true,\"schema\":{\"type\":\"object\",\"properties\":{\"label\":{\"type\":\"string\",\"enum\":[\"a\",\"b\"]}},"
                + "\"required\":[\"label\"],\"additionalProperties\":false}}},\"temperature\":0.0,\"max_tokens\":20}";
        Object o = Json.parse(body);
        assertEquals("gpt-5.4-nano", Json.path(o, "model"));
        assertEquals(Boolean.TRUE, Json.path(o, "response_format", "json_schema", "strict"));
        assertEquals(List.of("a", "b"), Json.path(o, "response_format", "json_schema", "schema", "properties", "label", "enum"));
        assertEquals(0.0, Json.path(o, "temperature"));
        assertEquals(20L, Json.path(o, "max_tokens"));
        assertNull(Json.path(o, "model", "deeper"));
    }

    @Test
    void escapesRoundTrip() {
        String tricky = "quote \" backslash \\ newline \n tab \t control \u0001 unicode é";
        assertEquals(tricky, Json.parse(Json.write(tricky)));
        assertEquals("é", Json.parse("\"\\u00e9\""));
    }

    @Test
    void writesNumbersNullsAndNesting() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("i", 3);
        m.put("whole", 2.0);
        m.put("frac", 0.25);
        m.put("nan", Double.NaN);
        m.put("none", null);
        m.put("list", Arrays.asList(1, "x", true));
        assertEquals("{\"i\":3,\"whole\":2,\"frac\":0.25,\"nan\":null,\"none\":null,\"list\":[1,\"x\",true]}", Json.write(m));
        assertEquals(m.keySet(), ((Map<?, ?>) Json.parse(Json.writePretty(m))).keySet());
        assertTrue(Json.writePretty(Map.of("a", List.of())).contains("\n  \"a\": []"));
    }

    @Test
    void rejectsBadInputWithTheOffset() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\":1,}"));
        assertTrue(e.getMessage().contains("offset"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Json.parse("[1 2]"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("\"open"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{} x"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("-"));
    }
}
