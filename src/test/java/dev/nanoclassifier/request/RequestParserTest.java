package dev.nanoclassifier.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.nanoclassifier.config.ClassifierConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The request contract, parsed without CDI: the default configuration (every {@code @WithDefault})
 * and the shipped {@code classifiers.json}. The fast layer under {@link ValidationTest}, which drives
 * the same cases through the handler.
 */
class RequestParserTest {

    private static final String LABELS = "\"labels\":[\"a\",\"b\"]";

    private static RequestParser parser;

    @BeforeAll
    static void parserWithTheDefaultConfiguration() {
        ClassifierConfig config = new SmallRyeConfigBuilder()
                .withConverter(Duration.class, 100, new DurationConverter())
                .withMapping(ClassifierConfig.class)
                .build()
                .getConfigMapping(ClassifierConfig.class);
        ObjectMapper mapper = new ObjectMapper();
        parser = new RequestParser(new RequestJson(mapper), config, new ClassifierDefinitions(mapper, config));
    }

    @Test
    void aClassifyRequestKeepsItsInputLabelsAndOptions() {
        String json = """
                {"id":"t-1","input":"The export crashes","instructions":"Triage it.","multiLabel":true,"fallback":"none",
                 "labels":["bug",{"name":"billing","description":"Payments","examples":["charged twice"]}]}""";

        ClassificationRequest request = parser.parse(json, null);

        ClassificationRequest.Classify classify = assertInstanceOf(ClassificationRequest.Classify.class, request);
        assertEquals("t-1", classify.id());
        assertEquals(Task.CLASSIFY, classify.task());
        assertEquals("The export crashes", classify.input());
        assertEquals(List.of(LabelSpec.named("bug"), new LabelSpec("billing", "Payments", List.of("charged twice"))),
                classify.labels(), "names, descriptions and examples as sent");
        assertEquals("Triage it.", classify.instructions());
        assertTrue(classify.multiLabel());
        assertEquals(FallbackMode.NONE, classify.fallback());
        assertNull(classify.classifier());
    }

    @Test
    void aMinimalClassifyRequestGetsTheDefaults() {
        ClassificationRequest request = parser.parse("{\"input\":\"hi\"," + LABELS + "}", null);

        ClassificationRequest.Classify classify = assertInstanceOf(ClassificationRequest.Classify.class, request);
        assertNull(classify.id());
        assertFalse(classify.multiLabel());
        assertNull(classify.instructions());
        assertEquals(FallbackMode.CHAIN, classify.fallback());
    }

    @Test
    void fallbackAutoIsTheWholeChain() {
        ClassificationRequest request = parser.parse("{\"input\":\"hi\"," + LABELS + ",\"fallback\":\"auto\"}", null);

        assertEquals(FallbackMode.CHAIN, request.fallback());
    }

    @Test
    void aNamedClassifierTakesItsLabelsAndInstructionsFromClassifiersJson() {
        ClassificationRequest request = parser.parse("{\"classifier\":\"support-triage\",\"input\":\"I was charged twice\"}", null);

        ClassificationRequest.Classify classify = assertInstanceOf(ClassificationRequest.Classify.class, request);
        assertEquals("support-triage", classify.classifier());
        assertEquals(List.of("billing", "bug", "feature-request", "account", "other"), classify.labelNames());
        assertTrue(classify.instructions().startsWith("You triage customer support messages"));
        assertFalse(classify.multiLabel());
        assertEquals(4, classify.labels().get(0).examples().size());
    }

    @Test
    void aRankRequestNumbersStringCandidatesAndCapsTopKAtTheirCount() {
        ClassificationRequest request = parser.parse(
                "{\"task\":\"rank\",\"query\":\"refund policy\",\"candidates\":[\"Refunds take 5 days\",\"Dark mode\"],\"topK\":10}",
                null);

        ClassificationRequest.Rank rank = assertInstanceOf(ClassificationRequest.Rank.class, request);
        assertEquals("refund policy", rank.query());
        assertEquals(List.of(new Candidate("0", "Refunds take 5 days"), new Candidate("1", "Dark mode")), rank.candidates());
        assertEquals(2, rank.topK());
        assertEquals(FallbackMode.CHAIN, rank.fallback());
    }

    @Test
    void aRankRequestKeepsTheCallersCandidateIdsAndTopK() {
        ClassificationRequest request = parser.parse(
                "{\"query\":\"q\",\"candidates\":[{\"id\":\"doc-7\",\"text\":\"A\"},{\"id\":\"doc-9\",\"text\":\"B\"},"
                        + "{\"id\":\"doc-1\",\"text\":\"C\"}],\"topK\":2}",
                Task.RANK);

        ClassificationRequest.Rank rank = assertInstanceOf(ClassificationRequest.Rank.class, request);
        assertEquals(List.of("doc-7", "doc-9", "doc-1"), rank.candidateIds());
        assertEquals(2, rank.topK());
    }

    @Test
    void withoutTopKEveryCandidateIsRanked() {
        ClassificationRequest.Rank rank = (ClassificationRequest.Rank) parser.parse(
                "{\"task\":\"rank\",\"query\":\"q\",\"candidates\":[\"a\",\"b\",\"c\"]}", null);

        assertEquals(3, rank.topK());
    }

    @Test
    void thePathTaskAppliesWhenTheBodyNamesNone() {
        ClassificationRequest request = parser.parse("{\"query\":\"q\",\"candidates\":[\"a\"]}", Task.RANK);

        assertEquals(Task.RANK, request.task());
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                // the cases of ValidationTest, by field
                bad("missing input", "{" + LABELS + "}", "input", "is required"),
                bad("empty input", "{\"input\":\"\"," + LABELS + "}", "input", "must not be empty or blank"),
                bad("blank input", "{\"input\":\"  \\n \"," + LABELS + "}", "input", "must not be empty or blank"),
                bad("input not a string", "{\"input\":42," + LABELS + "}", "input", "must be a string, not a number"),
                bad("input too long", "{\"input\":\"" + "x".repeat(100_001) + "\"," + LABELS + "}", "input",
                        "100001 characters is over the limit of 100000"),
                bad("no labels", "{\"input\":\"hi\"}", "labels", "is required (or name a \"classifier\")"),
                bad("labels null", "{\"input\":\"hi\",\"labels\":null}", "labels", "is required (or name a \"classifier\")"),
                bad("one label", "{\"input\":\"hi\",\"labels\":[\"a\"]}", "labels", "at least 2 labels are required"),
                bad("labels not an array", "{\"input\":\"hi\",\"labels\":\"a,b\"}", "labels",
                        "must be an array of label names or label objects"),
                bad("duplicate labels, any case", "{\"input\":\"hi\",\"labels\":[\"a\",\"b\",\"A\"]}", "labels[2]",
                        "duplicate label \"A\""),
                bad("padded label name", "{\"input\":\"hi\",\"labels\":[\"a\",\" b \"]}", "labels[1]",
                        "label name must not start or end with whitespace; answers are the names exactly as sent"),
                bad("padded label object name", "{\"input\":\"hi\",\"labels\":[\"a\",{\"name\":\"b\\n\"}]}",
                        "labels[1].name",
                        "label name must not start or end with whitespace; answers are the names exactly as sent"),
                bad("blank label", "{\"input\":\"hi\",\"labels\":[\"a\",\" \"]}", "labels[1]", "label name must not be blank"),
                bad("label too long", "{\"input\":\"hi\",\"labels\":[\"a\",\"" + "b".repeat(101) + "\"]}", "labels[1]",
                        "label name is longer than 100 characters"),
                bad("too many labels", "{\"input\":\"hi\",\"labels\":" + numbered(101) + "}", "labels",
                        "101 labels is over the limit of 100"),
                bad("label of wrong type", "{\"input\":\"hi\",\"labels\":[\"a\",3]}", "labels[1]",
                        "must be a label name or an object with \"name\""),
                bad("label object without name", "{\"input\":\"hi\",\"labels\":[\"a\",{\"description\":\"d\"}]}",
                        "labels[1].name", "is required"),
                bad("label description not a string", "{\"input\":\"hi\",\"labels\":[\"a\",{\"name\":\"b\",\"description\":[]}]}",
                        "labels[1].description", "must be a string, not an array"),
                bad("examples not an array", "{\"input\":\"hi\",\"labels\":[\"a\",{\"name\":\"b\",\"examples\":\"x\"}]}",
                        "labels[1].examples", "must be an array of strings"),
                bad("examples not strings", "{\"input\":\"hi\",\"labels\":[\"a\",{\"name\":\"b\",\"examples\":[1]}]}",
                        "labels[1].examples[0]", "must be a string"),
                bad("unknown classifier", "{\"classifier\":\"nope\",\"input\":\"hi\"}", "classifier",
                        "unknown classifier; known: support-triage, escalation-router"),
                bad("named classifier with labels", "{\"classifier\":\"support-triage\",\"input\":\"hi\"," + LABELS + "}",
                        "labels", "cannot be set with \"classifier\"; the named classifier defines it"),
                bad("named classifier with multiLabel", "{\"classifier\":\"support-triage\",\"input\":\"hi\",\"multiLabel\":true}",
                        "multiLabel", "cannot be set with \"classifier\"; the named classifier defines it"),
                bad("unknown task", "{\"task\":\"summarize\",\"input\":\"hi\"," + LABELS + "}", "task",
                        "must be \"classify\" or \"rank\""),
                bad("task not a string", "{\"task\":1,\"input\":\"hi\"," + LABELS + "}", "task", "must be a string, not a number"),
                bad("multiLabel not boolean", "{\"input\":\"hi\"," + LABELS + ",\"multiLabel\":\"yes\"}", "multiLabel",
                        "must be true or false, not a string"),
                bad("bad fallback", "{\"input\":\"hi\"," + LABELS + ",\"fallback\":\"maybe\"}", "fallback",
                        "must be \"none\" or \"chain\""),
                bad("id not a string", "{\"id\":7,\"input\":\"hi\"," + LABELS + "}", "id", "must be a string, not a number"),
                bad("missing query", "{\"task\":\"rank\",\"candidates\":[\"a\"]}", "query", "is required"),
                bad("no candidates field", "{\"task\":\"rank\",\"query\":\"q\"}", "candidates", "is required"),
                bad("candidates not an array", "{\"task\":\"rank\",\"query\":\"q\",\"candidates\":{}}", "candidates",
                        "must be an array"),
                bad("no candidates", "{\"task\":\"rank\",\"query\":\"q\",\"candidates\":[]}", "candidates",
                        "at least 1 candidate is required"),
                bad("too many candidates", "{\"task\":\"rank\",\"query\":\"q\",\"candidates\":" + numbered(101) + "}",
                        "candidates", "101 candidates is over the limit of 100"),
                bad("duplicate candidate ids",
                        "{\"task\":\"rank\",\"query\":\"q\",\"candidates\":[{\"id\":\"x\",\"text\":\"a\"},{\"id\":\"x\",\"text\":\"b\"}]}",
                        "candidates[1].id", "duplicate candidate id \"x\""),
                bad("blank candidate id", "{\"task\":\"rank\",\"query\":\"q\",\"candidates\":[{\"id\":\" \",\"text\":\"a\"}]}",
                        "candidates[0].id", "must not be blank"),
                bad("candidate without text", "{\"task\":\"rank\",\"query\":\"q\",\"candidates\":[{\"id\":\"x\"}]}",
                        "candidates[0].text", "is required"),
                bad("blank candidate string", "{\"task\":\"rank\",\"query\":\"q\",\"candidates\":[\"a\",\" \"]}",
                        "candidates[1]", "must not be empty or blank"),
                bad("candidate of wrong type", "{\"task\":\"rank\",\"query\":\"q\",\"candidates\":[true]}", "candidates[0]",
                        "must be a string or an object with \"id\" and \"text\""),
                bad("topK zero", "{\"task\":\"rank\",\"query\":\"q\",\"candidates\":[\"a\"],\"topK\":0}", "topK",
                        "must be at least 1"),
                bad("topK not integer", "{\"task\":\"rank\",\"query\":\"q\",\"candidates\":[\"a\"],\"topK\":\"3\"}", "topK",
                        "must be an integer"),
                bad("topK fractional", "{\"task\":\"rank\",\"query\":\"q\",\"candidates\":[\"a\"],\"topK\":1.5}", "topK",
                        "must be an integer"),
                bad("topK over the candidate limit", "{\"task\":\"rank\",\"query\":\"q\",\"candidates\":[\"a\"],\"topK\":101}",
                        "topK", "must be at most 100"),
                bad("topK that would wrap around", "{\"task\":\"rank\",\"query\":\"q\",\"candidates\":[\"a\"],"
                        + "\"topK\":18446744073709551617}", "topK", "must be at most 100"),
                bad("a key twice", "{\"input\":\"hi\",\"input\":\"ho\"," + LABELS + "}", "input",
                        "appears twice in the same object"),
                bad("a nested key twice", "{\"input\":\"hi\",\"labels\":[\"a\",{\"name\":\"b\",\"name\":\"c\"}]}",
                        "labels[1].name", "appears twice in the same object"),
                bad("two concatenated objects", "{\"input\":\"hi\"," + LABELS + "}{\"input\":\"ho\"}", "body",
                        "has content after the JSON object"),
                bad("trailing garbage", "{\"input\":\"hi\"," + LABELS + "} x", "body", "has content after the JSON object"),
                bad("not an object", "[1,2,3]", "body", "must be a JSON object"),
                bad("not JSON", "{\"input\":", "body", "is not valid JSON"),
                bad("empty body", "", "body", "is empty; expected a JSON object"),
                bad("blank body", " \n", "body", "is empty; expected a JSON object"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void aBadRequestIsRejectedNamingTheField(String name, String json, String field, String problem) {
        InvalidRequestException error = assertThrows(InvalidRequestException.class, () -> parser.parse(json, null));

        assertEquals(field, error.field());
        assertEquals(field + ": " + problem, error.getMessage());
        assertEquals("invalid_request", error.code());
    }

    @Test
    void aNullBodyIsRejectedNamingBody() {
        InvalidRequestException error = assertThrows(InvalidRequestException.class, () -> parser.parse((String) null, null));

        assertEquals("body: is empty; expected a JSON object", error.getMessage());
    }

    @Test
    void aBodyTaskOtherThanThePathTaskIsRejected() {
        InvalidRequestException error = assertThrows(InvalidRequestException.class,
                () -> parser.parse("{\"task\":\"classify\",\"input\":\"hi\"," + LABELS + "}", Task.RANK));

        assertEquals("task: must be \"rank\" on this path", error.getMessage());
    }

    @Test
    void aRejectionNeverQuotesTheCallersText() {
        String secret = "my card 4111 1111 1111 1111 was charged";

        InvalidRequestException error = assertThrows(InvalidRequestException.class,
                () -> parser.parse("{\"input\":\"" + secret + "\",\"labels\":[\"" + secret + "\"]}", null));

        assertEquals("labels: at least 2 labels are required", error.getMessage());
        assertFalse(error.getMessage().contains("4111"));
    }

    private static Arguments bad(String name, String json, String field, String problem) {
        return Arguments.of(name, json, field, problem);
    }

    private static String numbered(int count) {
        StringBuilder items = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            items.append(i == 0 ? "" : ",").append('"').append("item").append(i).append('"');
        }
        return items.append(']').toString();
    }
}
