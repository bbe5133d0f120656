package dev.nanoclassifier.classifier.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.nanoclassifier.classifier.model.AnswerReader;
import dev.nanoclassifier.classifier.model.ChatCompletionResponse;
import dev.nanoclassifier.classifier.model.FailureReason;
import dev.nanoclassifier.classifier.model.ModelCallException;

/**
 * What the validator accepts from a Chat Completions answer and what it turns into an
 * {@code invalid_answer}. The answers are Chat Completions JSON read the way the REST client reads them.
 */
class AnswerValidatorTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> LABELS = List.of("billing", "bug", "feature-request");
    private static final List<String> CANDIDATES = List.of("0", "1", "2", "3");

    private final AnswerReader<List<String>> single = AnswerValidator.labels(MAPPER, LABELS, false);
    private final AnswerReader<List<String>> multi = AnswerValidator.labels(MAPPER, LABELS, true);

    @Test
    void aSingleLabelAnswerGivesThatLabel() {
        assertEquals(List.of("bug"), single.read(answer("{\"label\":\"bug\"}")));
    }

    @Test
    void aMultiLabelAnswerGivesItsLabelsInTheModelsOrder() {
        assertEquals(List.of("feature-request", "billing"), multi.read(answer("{\"labels\":[\"feature-request\",\"billing\"]}")));
    }

    @Test
    void aRankingAnswerGivesTheIdsBestFirst() {
        AnswerReader<List<String>> ranking = AnswerValidator.ranking(MAPPER, CANDIDATES, 4);

        assertEquals(List.of("2", "0", "3", "1"), ranking.read(answer("{\"ranking\":[\"2\",\"0\",\"3\",\"1\"]}")));
    }

    @Test
    void aRankingIsCutToTopK() {
        AnswerReader<List<String>> ranking = AnswerValidator.ranking(MAPPER, CANDIDATES, 2);

        assertEquals(List.of("3", "1"), ranking.read(answer("{\"ranking\":[\"3\",\"1\",\"0\"]}")));
    }

    @Test
    void aRankingOfASubsetOfTheCandidatesIsAccepted() {
        AnswerReader<List<String>> ranking = AnswerValidator.ranking(MAPPER, CANDIDATES, 4);

        assertEquals(List.of("1"), ranking.read(answer("{\"ranking\":[\"1\"]}")));
    }

    static Stream<Arguments> invalidLabelAnswers() {
        return Stream.of(
                invalid("a label outside the set", false, answer("{\"label\":\"refund\"}"), "label outside the allowed set"),
                invalid("a label in another case", false, answer("{\"label\":\"Bug\"}"), "label outside the allowed set"),
                invalid("no label property", false, answer("{\"labels\":[\"bug\"]}"), "no \"label\" string in the answer"),
                invalid("a label that is not a string", false, answer("{\"label\":1}"), "no \"label\" string in the answer"),
                invalid("multi-label with one label outside the set", true, answer("{\"labels\":[\"bug\",\"spam\"]}"),
                        "label outside the allowed set"),
                invalid("multi-label duplicates", true, answer("{\"labels\":[\"bug\",\"bug\"]}"),
                        "\"labels\" holds a non-string or a repeated value"),
                invalid("multi-label non-string", true, answer("{\"labels\":[\"bug\",null]}"),
                        "\"labels\" holds a non-string or a repeated value"),
                invalid("multi-label empty", true, answer("{\"labels\":[]}"), "no non-empty \"labels\" array in the answer"),
                invalid("multi-label as a single label", true, answer("{\"label\":\"bug\"}"),
                        "no non-empty \"labels\" array in the answer"),
                invalid("a refusal", false, refusal("I'm sorry, I can't help with that."), "the model refused"),
                invalid("cut off at max tokens", false, finished("{\"label\":\"bug\"}", "length"),
                        "the answer was cut off (finish_reason length)"),
                invalid("filtered", false, finished("{\"label\":\"bug\"}", "content_filter"),
                        "the answer was filtered (finish_reason content_filter)"),
                invalid("truncated JSON", false, answer("{\"label\":\"bu"), "the answer is not valid JSON"),
                invalid("prose instead of JSON", false, answer("The answer is bug."), "the answer is not valid JSON"),
                invalid("a JSON string instead of an object", false, answer("\"bug\""), "the answer is not a JSON object"),
                invalid("empty content", false, answer(""), "empty answer"),
                invalid("blank content", false, answer("  \n"), "empty answer"),
                invalid("null content", false, finished(null, "stop"), "empty answer"),
                invalid("no choices", false, read("{\"id\":\"chatcmpl-1\",\"choices\":[]}"), "no choices in the answer"),
                invalid("choices absent", false, read("{\"id\":\"chatcmpl-1\"}"), "no choices in the answer"),
                invalid("no response", false, null, "no choices in the answer"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidLabelAnswers")
    void anUnusableLabelAnswerIsAnInvalidAnswer(String name, boolean multiLabel, ChatCompletionResponse response,
            String why) {
        AnswerReader<List<String>> reader = multiLabel ? multi : single;

        ModelCallException error = assertThrows(ModelCallException.class, () -> reader.read(response));

        assertInvalid(why, error);
    }

    static Stream<Arguments> invalidRankings() {
        return Stream.of(
                rankingCase("an id that is not a candidate", answer("{\"ranking\":[\"1\",\"7\"]}"),
                        "ranking names an id that is not a candidate"),
                rankingCase("a repeated id", answer("{\"ranking\":[\"1\",\"2\",\"1\"]}"),
                        "\"ranking\" holds a non-string or a repeated value"),
                rankingCase("numbers instead of id strings", answer("{\"ranking\":[1,2]}"),
                        "\"ranking\" holds a non-string or a repeated value"),
                rankingCase("an empty ranking", answer("{\"ranking\":[]}"), "no non-empty \"ranking\" array in the answer"),
                rankingCase("no ranking", answer("{\"label\":\"1\"}"), "no non-empty \"ranking\" array in the answer"),
                rankingCase("truncated", finished("{\"ranking\":[\"1\",\"2", "length"),
                        "the answer was cut off (finish_reason length)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRankings")
    void anUnusableRankingIsAnInvalidAnswer(String name, ChatCompletionResponse response, String why) {
        AnswerReader<List<String>> ranking = AnswerValidator.ranking(MAPPER, CANDIDATES, 4);

        ModelCallException error = assertThrows(ModelCallException.class, () -> ranking.read(response));

        assertInvalid(why, error);
    }

    @Test
    void aRefusalWinsOverContentThatLooksValid() {
        ChatCompletionResponse response = read(choice(MAPPER.createObjectNode().put("role", "assistant")
                .put("content", "{\"label\":\"bug\"}").put("refusal", "I can't classify this."), "stop"));

        ModelCallException error = assertThrows(ModelCallException.class, () -> single.read(response));

        assertInvalid("the model refused", error);
    }

    @Test
    void anInvalidAnswerNeverQuotesTheModelsText() {
        ModelCallException error = assertThrows(ModelCallException.class,
                () -> single.read(answer("{\"label\":\"the user's card 4111 1111\"}")));

        assertFalse(error.getMessage().contains("4111"), error.getMessage());
    }

    private static void assertInvalid(String why, ModelCallException error) {
        assertEquals(FailureReason.INVALID_ANSWER, error.reason());
        assertEquals(why, error.getMessage());
        assertEquals(0, error.status(), "an invalid answer has no HTTP status of its own");
        assertFalse(error.retryable(), "the validator alone decides no retry");
    }

    private static Arguments invalid(String name, boolean multiLabel, ChatCompletionResponse response, String why) {
        return Arguments.of(name, multiLabel, response, why);
    }

    private static Arguments rankingCase(String name, ChatCompletionResponse response, String why) {
        return Arguments.of(name, response, why);
    }

    /** A finished ({@code stop}) assistant answer with this content. */
    private static ChatCompletionResponse answer(String content) {
        return finished(content, "stop");
    }

    private static ChatCompletionResponse finished(String content, String finishReason) {
        return read(choice(MAPPER.createObjectNode().put("role", "assistant").put("content", content).putNull("refusal"),
                finishReason));
    }

    /** Structured Outputs' refusal: {@code content} null, {@code refusal} set. */
    private static ChatCompletionResponse refusal(String text) {
        return read(choice(MAPPER.createObjectNode().put("role", "assistant").putNull("content").put("refusal", text),
                "stop"));
    }

    private static String choice(ObjectNode message, String finishReason) {
        ObjectNode body = MAPPER.createObjectNode().put("id", "chatcmpl-1").put("object", "chat.completion")
                .put("model", "gpt-5.4-nano");
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
        choice.set("message", message);
        choice.put("finish_reason", finishReason);
        body.putObject("usage").put("prompt_tokens", 90).put("completion_tokens", 6).put("total_tokens", 96);
        return body.toString();
    }

    private static ChatCompletionResponse read(String json) {
        try {
            return MAPPER.readValue(json, ChatCompletionResponse.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
