package dev.nanoclassifier.bench.model;

import dev.nanoclassifier.bench.json.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The default answer: reads {@code response_format.json_schema.schema.properties} and fills it in.
 * {@code label} gets the first enum value, {@code labels} a list of it, {@code ranking} every enum
 * value in the given order, any other property a value that fits its schema (strict mode requires
 * every property). Without a usable schema it answers {@code {"label": <first "enum" value in the body>}}
 * and counts the request in {@link #requestsWithoutSchema()}.
 */
public final class SchemaAnswerer implements Answerer {

    private static final Pattern ENUM = Pattern.compile("\"enum\"\\s*:\\s*\\[([^\\]]*)\\]");
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final AtomicInteger noSchema = new AtomicInteger();

    public int requestsWithoutSchema() {
        return noSchema.get();
    }

    @Override
    public ModelReply answer(Object request, String rawBody) {
        Object m = Json.path(request, "model");
        String model = m instanceof String ? (String) m : "gpt-5.4-nano";
        Map<String, Object> content = fill(Json.path(request, "response_format", "json_schema", "schema", "properties"));
        if (content.isEmpty()) {
            noSchema.incrementAndGet();
            content.put("label", firstEnumValue(rawBody));
        }
        return ModelReply.content(model, content);
    }

    static Map<String, Object> fill(Object props) {
        Map<String, Object> content = new LinkedHashMap<>();
        if (!(props instanceof Map)) return content;
        for (Map.Entry<?, ?> p : ((Map<?, ?>) props).entrySet()) {
            String k = String.valueOf(p.getKey());
            List<?> en = findEnum(p.getValue());
            boolean hasValues = en != null && !en.isEmpty();
            switch (k) {
                case "ranking": content.put(k, hasValues ? new ArrayList<>(en) : new ArrayList<>()); break;
                case "labels": content.put(k, hasValues ? List.of(en.get(0)) : List.of()); break;
                case "label": content.put(k, hasValues ? en.get(0) : "other"); break;
                default: content.put(k, defaultFor(p.getValue()));
            }
        }
        return content;
    }

    private static String firstEnumValue(String body) {
        Matcher em = ENUM.matcher(body);
        if (em.find()) {
            Matcher sm = STRING.matcher(em.group(1));
            if (sm.find()) return sm.group(1);
        }
        return "other";
    }

    static List<?> findEnum(Object node) {
        if (node instanceof Map) {
            Map<?, ?> m = (Map<?, ?>) node;
            if (m.get("enum") instanceof List) return (List<?>) m.get("enum");
            for (Object v : m.values()) {
                List<?> r = findEnum(v);
                if (r != null) return r;
            }
        } else if (node instanceof List) {
            for (Object v : (List<?>) node) {
                List<?> r = findEnum(v);
                if (r != null) return r;
            }
        }
        return null;
    }

    /** A schema-conforming placeholder. */
    static Object defaultFor(Object schema) {
        if (!(schema instanceof Map)) return null;
        Map<?, ?> s = (Map<?, ?>) schema;
        if (s.get("enum") instanceof List && !((List<?>) s.get("enum")).isEmpty()) return ((List<?>) s.get("enum")).get(0);
        Object type = s.get("type");
        if (type instanceof List) {
            type = ((List<?>) type).stream().filter(t -> !"null".equals(t)).map(t -> (Object) t).findFirst().orElse("null");
        }
        if (type == null && s.get("anyOf") instanceof List && !((List<?>) s.get("anyOf")).isEmpty()) {
            return defaultFor(((List<?>) s.get("anyOf")).get(0));
        }
        if ("string".equals(type)) return "bench";
        if ("number".equals(type)) return 0.9;
        if ("integer".equals(type)) return 1;
        if ("boolean".equals(type)) return false;
        if ("array".equals(type)) return new ArrayList<>();
        if ("object".equals(type)) {
            Map<String, Object> o = new LinkedHashMap<>();
            if (s.get("properties") instanceof Map) {
                for (Map.Entry<?, ?> p : ((Map<?, ?>) s.get("properties")).entrySet()) {
                    o.put(String.valueOf(p.getKey()), defaultFor(p.getValue()));
                }
            }
            return o;
        }
        return null;
    }
}
