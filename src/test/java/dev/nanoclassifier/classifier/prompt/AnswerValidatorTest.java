package dev.nanoclassifier.classifier.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import dev.nanoclassifier.classifier.model.ModelAnswer;
import dev.nanoclassifier.classifier.model.ModelCallException;

/**
 * What the validator accepts from a Chat Completions answer and what it turns into an
 * {@code invalid_answer}. The answers are Chat Completions JSON read the way the REST client reads them.
 */
class AnswerValidatorTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> LABELS = List.of("billing", "bug", "feature-request");
    /** The caller's candidate ids; the model sees and answers the handles "1" to "4". */
    private static final CandidateHandles CANDIDATES = CandidateHandles.of(List.of("doc-7", "doc-9", "doc-1", "doc-4"));

    private final AnswerReader<ModelAnswer> single = AnswerValidator.labels(MAPPER, LABELS, false);
    private final AnswerReader<ModelAnswer> multi = AnswerValidator.labels(MAPPER, LABELS, true);

    @Test
    void aSingleLabelAnswerGivesThatLabelWithNothingRepaired() {
        ModelAnswer read = single.read(answer("{\"label\":\"bug\"}"));

        assertEquals(List.of("bug"), read.values());
        assertNull(read.repaired());
    }

    @Test
    void aMultiLabelAnswerGivesItsLabelsInTheModelsOrder() {
        ModelAnswer read = multi.read(answer("{\"labels\":[\"feature-request\",\"billing\"]}"));

        assertEquals(List.of("feature-request", "billing"), read.values());
        assertNull(read.repaired());
    }

    @Test
    void aMultiLabelAnswerWithARepeatedLabelKeepsTheFirstMentionAndSaysSo() {
        ModelAnswer read = multi.read(answer("{\"labels\":[\"bug\",\"billing\",\"bug\",\"billing\"]}"));

        assertEquals(List.of("bug", "billing"), read.values());
        assertEquals("dropped 2 repeated labels", read.repaired());
    }

    @Test
    void aRankingAnswerInHandlesGivesTheCallersIdsBestFirst() {
        AnswerReader<ModelAnswer> ranking = AnswerValidator.ranking(MAPPER, CANDIDATES, 4);

        ModelAnswer read = ranking.read(answer("{\"ranking\":[\"3\",\"1\",\"4\",\"2\"]}"));

        assertEquals(List.of("doc-1", "doc-7", "doc-4", "doc-9"), read.values());
        assertNull(read.repaired());
    }

    @Test
    void aRankingIsCutToTopK() {
        AnswerReader<ModelAnswer> ranking = AnswerValidator.ranking(MAPPER, CANDIDATES, 2);

        assertEquals(List.of("doc-4", "doc-7"), ranking.read(answer("{\"ranking\":[\"4\",\"1\",\"2\"]}")).values());
    }

    @Test
    void aRepeatedCandidateInARankingIsDroppedBeforeTheTopKCut() {
        AnswerReader<ModelAnswer> ranking = AnswerValidator.ranking(MAPPER, CANDIDATES, 2);

        ModelAnswer read = ranking.read(answer("{\"ranking\":[\"2\",\"2\",\"3\",\"1\"]}"));

        assertEquals(List.of("doc-9", "doc-1"), read.values());
        assertEquals("dropped 1 repeated id", read.repaired());
    }

    @Test
    void aRankingOfASubsetOfTheCandidatesIsAccepted() {
        AnswerReader<ModelAnswer> ranking = AnswerValidator.ranking(MAPPER, CANDIDATES, 4);

        assertEquals(List.of("doc-9"), ranking.read(answer("{\"ranking\":[\"2\"]}")).values());
    }

    static Stream<Arguments> invalidLabelAnswers() {
        return Stream.of(
                invalid("a label outside the set", false, answer("{\"label\":\"refund\"}"), "label outside the allowed set"),
                invalid("a label in another case", false, answer("{\"label\":\"Bug\"}"), "label outside the allowed set"),
                invalid("no label property", false, answer("{\"labels\":[\"bug\"]}"), "no \"label\" string in the answer"),
                invalid("a label that is not a string", false, answer("{\"label\":1}"), "no \"label\" string in the answer"),
                invalid("multi-label with one label outside the set", true, answer("{\"labels\":[\"bug\",\"spam\"]}"),
                        "label outside the allowed set"),
                invalid("multi-label non-string", true, answer("{\"labels\":[\"bug\",null]}"),
                        "\"labels\" holds a non-string"),
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
        AnswerReader<ModelAnswer> reader = multiLabel ? multi : single;

        ModelCallException error = assertThrows(ModelCallException.class, () -> reader.read(response));

        assertInvalid(why, error);
    }

    static Stream<Arguments> invalidRankings() {
        return Stream.of(
                rankingCase("a handle past the last candidate", answer("{\"ranking\":[\"1\",\"5\"]}"),
                        "ranking names an id that is not a candidate"),
                rankingCase("the caller's id instead of its handle", answer("{\"ranking\":[\"doc-7\"]}"),
                        "ranking names an id that is not a candidate"),
                rankingCase("handle zero", answer("{\"ranking\":[\"0\"]}"), "ranking names an id that is not a candidate"),
                rankingCase("numbers instead of handle strings", answer("{\"ranking\":[1,2]}"),
                        "\"ranking\" holds a non-string"),
                rankingCase("an empty ranking", answer("{\"ranking\":[]}"), "no non-empty \"ranking\" array in the answer"),
                rankingCase("no ranking", answer("{\"label\":\"1\"}"), "no non-empty \"ranking\" array in the answer"),
                rankingCase("truncated", finished("{\"ranking\":[\"1\",\"2", "length"),
                        "the answer was cut off (finish_reason length)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRankings")
    void anUnusableRankingIsAnInvalidAnswer(String name, ChatCompletionResponse response, String why) {
        AnswerReader<ModelAnswer> ranking = AnswerValidator.ranking(MAPPER, CANDIDATES, 4);

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
