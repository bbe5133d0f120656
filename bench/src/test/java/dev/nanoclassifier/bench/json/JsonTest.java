package dev.nanoclassifier.bench.json;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    @Test
    void rejectsWhatRfc8259RejectsNamingTheColumn() {
        Json.ParseException e = assertThrows(Json.ParseException.class, () -> Json.parse("{\"a\":\"x\\q\"}"));
        assertEquals(9, e.column, e.getMessage());
        assertTrue(e.getMessage().contains("bad escape"), e.getMessage());
        assertTrue(assertThrows(Json.ParseException.class, () -> Json.parse("\"tab\there\""))
                .getMessage().contains("control character"));
        assertTrue(assertThrows(Json.ParseException.class, () -> Json.parse("{a:1}")).getMessage().contains("quoted key"));
        assertEquals(1, assertThrows(Json.ParseException.class, () -> Json.parse("+1")).column);
        assertThrows(Json.ParseException.class, () -> Json.parse("\"\\u12\""));
        assertThrows(Json.ParseException.class, () -> Json.parse("\"\\u12zz\""));
        assertThrows(Json.ParseException.class, () -> Json.parse("[1,"));
        assertThrows(Json.ParseException.class, () -> Json.parse(""));
        assertEquals("a/b", Json.parse("\"a\\/b\""));
    }

    @Test
    void readsNumbersAsLongOrDouble() {
        assertEquals(-12L, Json.parse("-12"));
        assertEquals(1.5e-3, Json.parse("1.5e-3"));
        assertEquals(1e19, Json.parse("10000000000000000000"));
        assertEquals(List.of(1L, 2.5, "x", false), Json.parse(" [1, 2.5, \"x\", false] "));
    }

    @Test
    void typedAccessorsAnswerNullForTheWrongShape() {
        Object o = Json.parse("{\"m\":{\"k\":1},\"l\":[1],\"n\":3,\"s\":\"3\"}");
        assertEquals(Map.of("k", 1L), Json.object(Json.path(o, "m")));
        assertNull(Json.object(Json.path(o, "l")));
        assertEquals(List.of(1L), Json.array(Json.path(o, "l")));
        assertNull(Json.array(Json.path(o, "m")));
        assertEquals(3.0, Json.number(Json.path(o, "n")));
        assertNull(Json.number(Json.path(o, "s")));
        assertNull(Json.number(null));
    }

    @Test
    void writesFractionsWithoutAnExponentAndScriptSafeStrings() {
        assertEquals("[0.000012,1.5,12345678.25,100000000000000000000]",
                Json.write(List.of(1.2e-5, 1.5f, 12345678.25, 1e20)));
        assertEquals("\"line\\u2028sep\\u2029\"", Json.quote("line\u2028sep\u2029"));
        assertEquals("{\"k\\\"\":\"v\"}", Json.write(Map.of("k\"", "v")));
        assertEquals("\"Optional.empty\"", Json.write(java.util.Optional.empty()));
    }

    @Test
    void prettyKeepsScalarArraysOnOneLineAndNestsTheRest() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("labels", List.of("a", "b"));
        m.put("matrix", List.of(List.of(1, 0), List.of(0, 2)));
        m.put("rows", List.of(Map.of("x", 1)));
        m.put("empty", Map.of());
        m.put("none", List.of());
        String expected = "{\n"
                + "  \"labels\": [\"a\", \"b\"],\n"
                + "  \"matrix\": [\n    [1, 0],\n    [0, 2]\n  ],\n"
                + "  \"rows\": [\n    {\n      \"x\": 1\n    }\n  ],\n"
                + "  \"empty\": {},\n"
                + "  \"none\": []\n"
                + "}";
        assertEquals(expected, Json.writePretty(m));
        assertFalse(Json.writePretty(m).endsWith("\n"));
        assertEquals(Json.parse(Json.write(m)), Json.parse(Json.writePretty(m)));
    }
}
