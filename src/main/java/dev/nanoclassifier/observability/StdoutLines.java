package dev.nanoclassifier.observability;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes one JSON object per line to standard output, where Lambda sends it to CloudWatch Logs
 * (and where CloudWatch picks up Embedded Metric Format lines). One {@code println} per object,
 * so concurrent writers never interleave inside a line.
 */
@Singleton
public class StdoutLines {

    private final ObjectMapper mapper;

    public StdoutLines(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public ObjectNode newObject() {
        return mapper.createObjectNode();
    }

    public void write(ObjectNode line) {
        String json;
        try {
            json = mapper.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a log line could not be written as JSON", e);
        }
        System.out.println(json);
    }
}
