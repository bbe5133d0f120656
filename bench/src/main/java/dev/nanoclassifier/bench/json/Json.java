package dev.nanoclassifier.bench.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one small JSON reader/writer of the bench and eval tools, so that both need nothing but the
 * JDK. Objects are read into {@link LinkedHashMap} (key order kept), arrays into {@link ArrayList},
 * integral numbers into {@link Long} and other numbers into {@link Double}. The parser is strict
 * (RFC 8259: no trailing commas, no bad escapes, no raw control characters in strings). The writer
 * accepts maps, iterables, strings, numbers, booleans and null; anything else is written as its
 * {@code toString()}. NaN and infinities become null; fractions are written without an exponent.
 */
public final class Json {

    /** A parse error with the 0-based offset and 1-based column where the text stopped making sense. */
    public static final class ParseException extends IllegalArgumentException {
        public final int offset;
        public final int column;

        ParseException(String message, int offset) {
            super("JSON: " + message + " at offset " + offset + " (column " + (offset + 1) + ")");
            this.offset = offset;
            this.column = offset + 1;
        }
    }

    private final String s;
    private int i;

    private Json(String s) {
        this.s = s;
    }

    /** Parses a complete JSON text; throws {@link ParseException} naming the offset on bad input. */
    public static Object parse(String text) {
        Json j = new Json(text);
        j.ws();
        Object v = j.value();
        j.ws();
        if (j.i != j.s.length()) throw j.err("unexpected text after the value");
        return v;
    }

    /** The node as an object, or null when it is not one. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Object node) {
        return node instanceof Map ? (Map<String, Object>) node : null;
    }

    /** The node as an array, or null when it is not one. */
    @SuppressWarnings("unchecked")
    public static List<Object> array(Object node) {
        return node instanceof List ? (List<Object>) node : null;
    }

    /** The node as a double, or null when it is not a number. */
    public static Double number(Object node) {
        return node instanceof Number ? ((Number) node).doubleValue() : null;
    }

    /** Walks object keys; null as soon as a step is not an object or the key is absent. */
    public static Object path(Object node, String... keys) {
        for (String k : keys) {
            if (!(node instanceof Map)) return null;
            node = ((Map<?, ?>) node).get(k);
        }
        return node;
    }

    public static String write(Object o) {
        StringBuilder sb = new StringBuilder();
        write(sb, o, -1, 0);
        return sb.toString();
    }

    /**
     * Two-space indented output, without a final newline. Arrays of scalars stay on one line
     * ({@code [1, 2]}); arrays holding objects or arrays get one element per line.
     */
    public static String writePretty(Object o) {
        StringBuilder sb = new StringBuilder();
        write(sb, o, 2, 0);
        return sb.toString();
    }

    /** {@code text} as a JSON string literal, with the quotes. */
    public static String quote(String text) {
        return '"' + escape(text) + '"';
    }

    /**
     * The body of a JSON string literal for {@code text}, without the quotes. U+2028 and U+2029 are
     * escaped too, so that the output is safe inside a JavaScript {@code <script>}.
     */
    public static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                default:
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
            }
        }
        return sb.toString();
    }

    private ParseException err(String msg) {
        return new ParseException(msg, i);
    }

    private void ws() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
    }

    private Object value() {
        if (i >= s.length()) throw err("unexpected end of text");
        char c = s.charAt(i);
        switch (c) {
            case '{': return object();
            case '[': return array();
            case '"': return string();
            case 't': word("true"); return Boolean.TRUE;
            case 'f': word("false"); return Boolean.FALSE;
            case 'n': word("null"); return null;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) return number();
                throw err("unexpected character '" + c + "'");
        }
    }

    private Map<String, Object> object() {
        i++;
        Map<String, Object> m = new LinkedHashMap<>();
        ws();
        if (peek('}')) { i++; return m; }
        while (true) {
            ws();
            if (!peek('"')) throw err("expected a quoted key");
            String k = string();
            ws();
            expect(':');
            ws();
            m.put(k, value());
            ws();
            if (i >= s.length()) throw err("unexpected end of text in an object");
            if (peek(',')) { i++; continue; }
            if (!peek('}')) throw err("expected ',' or '}'");
            i++;
            return m;
        }
    }

    private List<Object> array() {
        i++;
        List<Object> l = new ArrayList<>();
        ws();
        if (peek(']')) { i++; return l; }
        while (true) {
            ws();
            l.add(value());
            ws();
            if (i >= s.length()) throw err("unexpected end of text in an array");
            if (peek(',')) { i++; continue; }
            if (!peek(']')) throw err("expected ',' or ']'");
            i++;
            return l;
        }
    }

    private boolean peek(char c) {
        return i < s.length() && s.charAt(i) == c;
    }

    private void expect(char c) {
        if (!peek(c)) throw err("expected '" + c + "'");
        i++;
    }

    private void word(String w) {
        if (!s.startsWith(w, i)) throw err("expected " + w);
        i += w.length();
    }

    private Object number() {
        int st = i;
        if (peek('-')) i++;
        boolean fraction = false;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') i++;
            else if (c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') { fraction = true; i++; }
            else break;
        }
        String n = s.substring(st, i);
        try {
            if (!fraction) {
                try { return Long.parseLong(n); } catch (NumberFormatException e) { /* too big: a double */ }
            }
            return Double.parseDouble(n);
        } catch (NumberFormatException e) {
            i = st;
            throw err("bad number '" + n + "'");
        }
    }

    private String string() {
        expect('"');
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (i >= s.length()) throw err("unterminated string");
            char c = s.charAt(i++);
            if (c == '"') return sb.toString();
            if (c < 0x20) { i--; throw err("control character in a string"); }
            if (c != '\\') { sb.append(c); continue; }
            if (i >= s.length()) throw err("unterminated escape");
            char e = s.charAt(i++);
            switch (e) {
                case '"': case '\\': case '/': sb.append(e); break;
                case 'n': sb.append('\n'); break;
                case 't': sb.append('\t'); break;
                case 'r': sb.append('\r'); break;
                case 'b': sb.append('\b'); break;
                case 'f': sb.append('\f'); break;
                case 'u':
                    if (i + 4 > s.length()) throw err("short \\u escape");
                    try {
                        sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw err("bad \\u escape");
                    }
                    i += 4;
                    break;
                default:
                    i--;
                    throw err("bad escape '\\" + e + "'");
            }
        }
    }

    private static void newline(StringBuilder sb, int indent, int level) {
        if (indent < 0) return;
        sb.append('\n');
        for (int k = 0; k < indent * level; k++) sb.append(' ');
    }

    private static void write(StringBuilder sb, Object o, int indent, int level) {
        if (o == null) {
            sb.append("null");
        } else if (o instanceof String) {
            sb.append(quote((String) o));
        } else if (o instanceof Double || o instanceof Float) {
            double d = ((Number) o).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) sb.append("null");
            else if (d == Math.rint(d) && Math.abs(d) < 1e15) sb.append((long) d);
            else sb.append(BigDecimal.valueOf(d).stripTrailingZeros().toPlainString());
        } else if (o instanceof Number || o instanceof Boolean) {
            sb.append(o);
        } else if (o instanceof Map) {
            Map<?, ?> m = (Map<?, ?>) o;
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) sb.append(',');
                first = false;
                newline(sb, indent, level + 1);
                sb.append(quote(String.valueOf(e.getKey()))).append(':');
                if (indent >= 0) sb.append(' ');
                write(sb, e.getValue(), indent, level + 1);
            }
            if (!m.isEmpty()) newline(sb, indent, level);
            sb.append('}');
        } else if (o instanceof Iterable) {
            List<Object> items = new ArrayList<>();
            ((Iterable<?>) o).forEach(items::add);
            boolean scalars = items.stream().noneMatch(x -> x instanceof Map || x instanceof Iterable);
            sb.append('[');
            for (int k = 0; k < items.size(); k++) {
                if (k > 0) sb.append(scalars && indent >= 0 ? ", " : ",");
                if (!scalars) newline(sb, indent, level + 1);
                write(sb, items.get(k), indent, level + 1);
            }
            if (!scalars) newline(sb, indent, level);
            sb.append(']');
        } else {
            sb.append(quote(String.valueOf(o)));
        }
    }
}
