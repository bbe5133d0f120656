package dev.nanoclassifier.result;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.nanoclassifier.event.HttpResponseEvent;
import dev.nanoclassifier.event.SqsBatchResponse;

/**
 * The JSON of the answer, of an error and of the events that carry them, written field by field
 * ({@code serialize}). Each expected string is what Jackson's binding of the same record wrote before
 * the records wrote themselves (captured from build 2590422, whose records carried
 * {@code @JsonInclude(NON_NULL)} on the optional fields, {@code NON_EMPTY} on {@code truncations}
 * and {@code @JsonProperty("isBase64Encoded")}): same fields, same order, same nulls.
 */
class AnswerJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Usage USAGE = new Usage(412, 6, 128, 3, new BigDecimal("0.0000899"));
    private static final List<Attempt> ATTEMPTS = List.of(new Attempt("gpt-5.4-nano", "timeout", 2500, 2, null),
            new Attempt("gpt-5.4-mini", Attempt.OK, 380, 1, "dropped 1 repeated id"));

    static Stream<Arguments> answers() {
        Map<String, String> twoHeaders = new LinkedHashMap<>();
        twoHeaders.put("Content-Type", "application/json");
        twoHeaders.put("Retry-After", "1");
        return Stream.of(
                Arguments.of(ClassificationResult.classified("req-1", "support-triage", List.of("billing", "account"),
                        "gpt-5.4-nano", null, List.of(new Attempt("gpt-5.4-nano", Attempt.OK, 380, 1)), USAGE, List.of())
                        .withLatency(380),
                        "{\"id\":\"req-1\",\"task\":\"classify\",\"classifier\":\"support-triage\",\"label\":\"billing\","
                                + "\"labels\":[\"billing\",\"account\"],\"model\":\"gpt-5.4-nano\",\"degraded\":false,\"reason\":null,"
                                + "\"attempts\":[{\"step\":\"gpt-5.4-nano\",\"outcome\":\"ok\",\"ms\":380,\"tries\":1}],"
                                + "\"usage\":{\"inputTokens\":412,\"outputTokens\":6,\"cachedTokens\":128,\"reasoningTokens\":3,"
                                + "\"costUsd\":0.0000899},\"truncated\":false,\"cached\":false,\"latencyMs\":380}"),
                Arguments.of(ClassificationResult.ranked("req-2", List.of("doc-3", "doc-1", "doc-2"), "local", "timeout", ATTEMPTS,
                        new Usage(0, 0, 0, 0, null),
                        List.of(new Truncation("input", 9000, 4000), new Truncation("candidates[1].text", 700, 300))),
                        "{\"id\":\"req-2\",\"task\":\"rank\",\"ranking\":[{\"id\":\"doc-3\",\"rank\":1},{\"id\":\"doc-1\",\"rank\":2},"
                                + "{\"id\":\"doc-2\",\"rank\":3}],\"model\":\"local\",\"degraded\":true,\"reason\":\"timeout\","
                                + "\"attempts\":[{\"step\":\"gpt-5.4-nano\",\"outcome\":\"timeout\",\"ms\":2500,\"tries\":2},"
                                + "{\"step\":\"gpt-5.4-mini\",\"outcome\":\"ok\",\"ms\":380,\"tries\":1,\"repaired\":\"dropped 1 repeated id\"}],"
                                + "\"usage\":{\"inputTokens\":0,\"outputTokens\":0,\"cachedTokens\":0,\"reasoningTokens\":0,\"costUsd\":null},"
                                + "\"truncated\":true,\"truncations\":[{\"field\":\"input\",\"tokensBefore\":9000,\"tokensAfter\":4000},"
                                + "{\"field\":\"candidates[1].text\",\"tokensBefore\":700,\"tokensAfter\":300}],\"cached\":false,\"latencyMs\":0}"),
                Arguments.of(ClassificationResult.classified("req-3", null, List.of("x\"y\u00e9\n"), "m", "invalid_answer", ATTEMPTS,
                        Usage.NONE, List.of()).fromCache("req-4", 1),
                        "{\"id\":\"req-4\",\"task\":\"classify\",\"label\":\"x\\\"y\u00e9\\n\",\"labels\":[\"x\\\"y\u00e9\\n\"],\"model\":\"m\","
                                + "\"degraded\":true,\"reason\":\"invalid_answer\",\"attempts\":[{\"step\":\"cache\",\"outcome\":\"hit\",\"ms\":1}],"
                                + "\"usage\":{\"inputTokens\":0,\"outputTokens\":0,\"cachedTokens\":0,\"reasoningTokens\":0,\"costUsd\":0},"
                                + "\"truncated\":false,\"cached\":true,\"latencyMs\":1}"),
                Arguments.of(new ClassificationResult(null, null, null, null, null, null, null, false, null, null, null, false, null,
                        false, 0),
                        "{\"id\":null,\"task\":null,\"model\":null,\"degraded\":false,\"reason\":null,\"attempts\":null,\"usage\":null,"
                                + "\"truncated\":false,\"cached\":false,\"latencyMs\":0}"),
                Arguments.of(ErrorBody.of("invalid_request", "labels: at least 2 labels are required", "labels"),
                        "{\"error\":{\"code\":\"invalid_request\",\"message\":\"labels: at least 2 labels are required\",\"field\":\"labels\"}}"),
                Arguments.of(new ErrorBody(new ErrorBody.Error("model_unavailable", "no model answered", null, "timeout", ATTEMPTS)),
                        "{\"error\":{\"code\":\"model_unavailable\",\"message\":\"no model answered\",\"reason\":\"timeout\","
                                + "\"attempts\":[{\"step\":\"gpt-5.4-nano\",\"outcome\":\"timeout\",\"ms\":2500,\"tries\":2},"
                                + "{\"step\":\"gpt-5.4-mini\",\"outcome\":\"ok\",\"ms\":380,\"tries\":1,\"repaired\":\"dropped 1 repeated id\"}]}}"),
                Arguments.of(new ErrorBody(null), "{\"error\":null}"),
                Arguments.of(HttpResponseEvent.json(200, "{\"label\":\"billing\"}"),
                        "{\"statusCode\":200,\"headers\":{\"Content-Type\":\"application/json\"},\"body\":\"{\\\"label\\\":\\\"billing\\\"}\","
                                + "\"isBase64Encoded\":false}"),
                Arguments.of(new HttpResponseEvent(503, twoHeaders, "{}", false).forLoadBalancer(false),
                        "{\"statusCode\":503,\"statusDescription\":\"503 Service Unavailable\",\"headers\":{\"Content-Type\":"
                                + "\"application/json\",\"Retry-After\":\"1\"},\"body\":\"{}\",\"isBase64Encoded\":false}"),
                Arguments.of(HttpResponseEvent.json(400, "{\"error\":{}}").forLoadBalancer(true),
                        "{\"statusCode\":400,\"statusDescription\":\"400 Bad Request\",\"multiValueHeaders\":{\"Content-Type\":"
                                + "[\"application/json\"]},\"body\":\"{\\\"error\\\":{}}\",\"isBase64Encoded\":false}"),
                Arguments.of(new HttpResponseEvent(204, null, null, true), "{\"statusCode\":204,\"isBase64Encoded\":true}"),
                Arguments.of(SqsBatchResponse.of(List.of("m-1", "m-2")),
                        "{\"batchItemFailures\":[{\"itemIdentifier\":\"m-1\"},{\"itemIdentifier\":\"m-2\"}]}"),
                Arguments.of(SqsBatchResponse.of(List.of()), "{\"batchItemFailures\":[]}"),
                Arguments.of(new SqsBatchResponse(null), "{\"batchItemFailures\":null}"));
    }

    @ParameterizedTest
    @MethodSource("answers")
    void writesTheJsonBindingWrote(Object answer, String expected) throws Exception {
        String written = MAPPER.writeValueAsString(answer);

        assertEquals(expected, written);
    }

    /** The SQS adapter and the results sink build a tree of the answer first ({@code valueToTree}). */
    @ParameterizedTest
    @MethodSource("answers")
    void writesTheSameJsonThroughATree(Object answer, String expected) throws Exception {
        String written = MAPPER.writeValueAsString(MAPPER.valueToTree(answer));

        assertEquals(expected, written);
    }
}
