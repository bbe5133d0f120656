package dev.nanoclassifier.request;

import java.io.IOException;
import java.io.InputStream;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

/**
 * Reads request JSON strictly: exactly one JSON value, and no key twice in one object. A lenient
 * reader would take the first of two concatenated objects, or the last of two values of a key,
 * and answer a request the caller did not mean. The errors name the field at fault and never quote
 * the caller's text.
 */
@Singleton
public class RequestJson {

    private final ObjectReader reader;

    public RequestJson(ObjectMapper mapper) {
        this.reader = mapper.reader().with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    /** Reads {@code json}; {@code field} names the whole document in errors ({@code body}, {@code event}). */
    public JsonNode read(String json, String field) {
        try (JsonParser parser = reader.createParser(json)) {
            return readOne(parser, field);
        } catch (IOException e) {
            throw new InvalidRequestException(field, "is not valid JSON");
        }
    }

    public JsonNode read(InputStream json, String field) {
        try (JsonParser parser = reader.createParser(json)) {
            return readOne(parser, field);
        } catch (IOException e) {
            throw new InvalidRequestException(field, "is not valid JSON");
        }
    }

    private JsonNode readOne(JsonParser parser, String field) throws IOException {
        JsonNode root;
        try {
            root = reader.readTree(parser);
        } catch (JsonParseException e) {
            if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")) {
                throw new InvalidRequestException(fieldOf(parser.getParsingContext().pathAsPointer().toString()),
                        "appears twice in the same object");
            }
            throw e;
        }
        if (root == null) {
            throw new InvalidRequestException(field, "is empty; expected a JSON object");
        }
        try {
            if (parser.nextToken() == null) {
                return root;
            }
        } catch (JsonProcessingException e) {
            // Unparseable content after the value is trailing content all the same.
        }
        throw new InvalidRequestException(field, "has content after the JSON object");
    }

    /** {@code /labels/1/name} as the field names of error messages: {@code labels[1].name}. */
    static String fieldOf(String pointer) {
        StringBuilder field = new StringBuilder();
        for (String segment : pointer.substring(1).split("/", -1)) {
            String name = segment.replace("~1", "/").replace("~0", "~");
            if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
                field.append('[').append(name).append(']');
            } else {
                field.append(field.length() == 0 ? "" : ".").append(name);
            }
        }
        return field.toString();
    }
}
