package dev.nanoclassifier.classifier.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.nanoclassifier.classifier.budget.TokenCounter;

/** The output limit covers the longest answer the schema allows, as a model may space it. */
class OutputLimitTest {

    private static final TokenCounter TOKENS = new TokenCounter();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void hundredHandlesRankedInFullFitTheLimitWhateverTheSpacing() throws Exception {
        CandidateHandles handles = CandidateHandles.of(uuids(100));

        int limit = OutputLimit.ranking(TOKENS, handles.handles(), 100, 0);

        ObjectNode answer = JSON.createObjectNode();
        handles.handles().forEach(answer.putArray("ranking")::add);
        assertTrue(TOKENS.count(answer.toString()) <= limit, "compact answer within " + limit);
        assertTrue(TOKENS.count(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(answer)) <= limit,
                "pretty-printed answer within " + limit);
        // Handles keep the answer far below the ~2,400 tokens the same ranking of 100 UUIDs costs.
        ObjectNode uuidAnswer = JSON.createObjectNode();
        uuids(100).forEach(uuidAnswer.putArray("ranking")::add);
        assertTrue(TOKENS.count(uuidAnswer.toString()) > 2 * limit);
    }

    @Test
    void topKCountsOnlyTheLongestHandles() {
        List<String> handles = CandidateHandles.of(uuids(100)).handles();

        int top5 = OutputLimit.ranking(TOKENS, handles, 5, 0);

        int expected = TOKENS.count("{\n  \"ranking\": [\n    \"100\",\n    \"99\",\n    \"98\",\n    \"97\",\n    \"96\"\n  ]\n}");
        assertTrue(top5 >= expected, top5 + " >= " + expected);
        assertTrue(top5 < OutputLimit.ranking(TOKENS, handles, 100, 0));
    }

    @Test
    void aShortAnswerIsBoundedByItsBytesWithoutCountingTokens() {
        String longLabel = "needs-a-bigger-model-because-the-question-spans-several-documents";
        String answer = "{\n  \"label\": \"" + longLabel + "\"\n}";

        int limit = OutputLimit.labels(TOKENS, List.of("billing", longLabel, "bug"), false, 200);

        assertEquals(answer.length() + 200, limit, "a token is at least one byte");
        assertTrue(TOKENS.count(answer) + 200 <= limit);
    }

    @Test
    void aLongAnswerIsCountedInTokens() {
        String longLabel = "x".repeat(2000);
        String answer = "{\n  \"label\": \"" + longLabel + "\"\n}";

        int limit = OutputLimit.labels(TOKENS, List.of("billing", longLabel), false, 0);

        assertEquals(TOKENS.count(answer), limit);
        assertTrue(limit < answer.length());
    }

    @Test
    void multiLabelLimitCoversEveryLabelAtOnce() {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            labels.add("label-" + i + "-" + "x".repeat(90));
        }
        ObjectNode answer = JSON.createObjectNode();
        labels.forEach(answer.putArray("labels")::add);

        int limit = OutputLimit.labels(TOKENS, labels, true, 0);

        assertTrue(TOKENS.count(answer.toString()) <= limit);
    }

    @Test
    void jsonEscapesWhatJsonRequires() {
        assertEquals("\"a\\\"b\\\\c\\nd\\u0001é\"", OutputLimit.json("a\"b\\c\nd\u0001é"));
    }

    @Test
    void handlesMapBackToTheCallersIds() {
        CandidateHandles handles = CandidateHandles.of(List.of("doc-a", "doc-b", "doc-c"));

        assertEquals(List.of("1", "2", "3"), handles.handles());
        assertEquals("doc-b", handles.idOf("2"));
        assertNull(handles.idOf("0"));
        assertNull(handles.idOf("4"));
        assertNull(handles.idOf("02"));
    }

    static List<String> uuids(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(UUID.nameUUIDFromBytes(("candidate-" + i).getBytes()).toString());
        }
        return ids;
    }
}
