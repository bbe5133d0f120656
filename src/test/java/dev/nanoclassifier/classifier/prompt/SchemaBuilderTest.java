package dev.nanoclassifier.classifier.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.nanoclassifier.classifier.model.ChatCompletionRequest.ResponseFormat;

/**
 * The {@code response_format} sent to the model, asserted on the JSON it serializes to: OpenAI
 * Structured Outputs' strict mode requires {@code "strict": true}, every property in {@code required}
 * and {@code "additionalProperties": false} on every object; arrays are bounded with
 * {@code minItems}/{@code maxItems} ({@code uniqueItems} is not supported in strict mode).
 */
class SchemaBuilderTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void aSingleLabelSchemaIsAStrictObjectWithOneRequiredLabelFromTheEnum() {
        ResponseFormat format = SchemaBuilder.classification(List.of("billing", "bug", "feature-request"), false);

        assertEquals(json("""
                {"type":"json_schema","json_schema":{"name":"classification","strict":true,"schema":{
                  "type":"object",
                  "properties":{"label":{"type":"string","enum":["billing","bug","feature-request"]}},
                  "required":["label"],
                  "additionalProperties":false}}}"""), MAPPER.valueToTree(format));
    }

    @Test
    void aMultiLabelSchemaIsARequiredArrayOfOneToAllLabelsFromTheEnum() {
        ResponseFormat format = SchemaBuilder.classification(List.of("billing", "bug", "account"), true);

        assertEquals(json("""
                {"type":"json_schema","json_schema":{"name":"classification","strict":true,"schema":{
                  "type":"object",
                  "properties":{"labels":{"type":"array","items":{"type":"string","enum":["billing","bug","account"]},
                    "minItems":1,"maxItems":3}},
                  "required":["labels"],
                  "additionalProperties":false}}}"""), MAPPER.valueToTree(format));
    }

    @Test
    void aRankingSchemaIsARequiredArrayOfExactlyTopKCandidateHandles() {
        ResponseFormat format = SchemaBuilder.ranking(List.of("1", "2", "3", "4"), 2);

        assertEquals(json("""
                {"type":"json_schema","json_schema":{"name":"ranking","strict":true,"schema":{
                  "type":"object",
                  "properties":{"ranking":{"type":"array","items":{"type":"string","enum":["1","2","3","4"]},
                    "minItems":2,"maxItems":2}},
                  "required":["ranking"],
                  "additionalProperties":false}}}"""), MAPPER.valueToTree(format));
    }

    @Test
    void labelsAreSentVerbatimAndInTheCallersOrder() {
        List<String> labels = List.of("zeta \"quoted\"", "Alpha", "émigré");

        JsonNode schema = MAPPER.valueToTree(SchemaBuilder.classification(labels, false)).path("json_schema").path("schema");

        assertEquals(MAPPER.valueToTree(labels), schema.path("properties").path("label").path("enum"));
    }

    @Test
    void everyPropertyOfTheSchemaIsRequired() {
        for (ResponseFormat format : List.of(SchemaBuilder.classification(List.of("a", "b"), false),
                SchemaBuilder.classification(List.of("a", "b"), true), SchemaBuilder.ranking(List.of("1", "2"), 2))) {
            JsonNode schema = format.jsonSchema().schema();
            List<String> properties = MAPPER.convertValue(schema.path("properties").fieldNames(), List.class);

            assertEquals(MAPPER.valueToTree(properties), schema.path("required"), format.jsonSchema().name());
        }
    }

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
