package dev.nanoclassifier.classifier.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Schemas are measured as openai-java's JsonSchemaValidator measures them. */
class StrictSchemaLimitsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void hundredIdsOf200CharactersAreOverTheTotalStringLength() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            ids.add(String.format("%03d", i) + "x".repeat(197));
        }
        JsonNode schema = JSON.valueToTree(SchemaBuilder.ranking(ids, 100).jsonSchema().schema());

        Optional<String> violation = StrictSchemaLimits.violation(schema);

        assertTrue(violation.isPresent());
        assertTrue(violation.get().contains("20007 characters"), violation.get());
    }

    @Test
    void theSameHundredCandidatesByHandleFit() {
        JsonNode schema = JSON.valueToTree(
                SchemaBuilder.ranking(CandidateHandles.of(OutputLimitTest.uuids(100)).handles(), 100).jsonSchema().schema());

        assertEquals(Optional.empty(), StrictSchemaLimits.violation(schema));
    }

    @Test
    void aLargeEnumHasItsOwnLimit() {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < 260; i++) {
            labels.add(String.format("%03d", i) + "y".repeat(30));
        }
        JsonNode schema = JSON.valueToTree(SchemaBuilder.classification(labels, false).jsonSchema().schema());

        Optional<String> violation = StrictSchemaLimits.violation(schema);

        assertTrue(violation.isPresent());
        assertTrue(violation.get().startsWith("an enum of 260 values has 8580 characters"), violation.get());
    }

    @Test
    void moreThan500EnumValuesAreRefused() {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            labels.add(Integer.toString(i));
        }
        JsonNode schema = JSON.valueToTree(SchemaBuilder.classification(labels, true).jsonSchema().schema());

        assertTrue(StrictSchemaLimits.violation(schema).orElseThrow().contains("501 enum values"));
    }
}
