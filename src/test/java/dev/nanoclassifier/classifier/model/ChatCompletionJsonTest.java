package dev.nanoclassifier.classifier.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.nanoclassifier.classifier.model.ChatCompletionRequest.Message;
import dev.nanoclassifier.classifier.model.ChatCompletionRequest.ResponseFormat;

/**
 * {@link ChatCompletionJson} against Jackson's own binding of the same records, which is what the
 * client used before and what the records' annotations describe: every request is written byte for
 * byte as binding writes it, and every answer (the providers' real answers in
 * {@code providers/}, and odd shapes) is read into the same record, or refused, as binding does.
 */
class ChatCompletionJsonTest {

    private static final ObjectMapper BINDING = new ObjectMapper();
    private final ChatCompletionJson json = new ChatCompletionJson(new ObjectMapper());

    static Stream<ChatCompletionRequest> requests() {
        ObjectNode schema = BINDING.createObjectNode();
        schema.put("type", "object").put("additionalProperties", false);
        schema.putObject("properties").putObject("label").putArray("enum").add("billing").add("bug \"quoted\" é");
        schema.putArray("required").add("label");
        List<Message> messages = List.of(new Message("system", "Classify.\nOne label."),
                new Message("user", "I was charged twice \u2014 ref \"A-1\""));
        return Stream.of(
                new ChatCompletionRequest("gpt-5.4-nano", messages, ResponseFormat.strict("classification", schema), "none",
                        64, null),
                new ChatCompletionRequest("llama3.1:8b", messages, ResponseFormat.strict("c", schema), null, null, 64),
                new ChatCompletionRequest("m", messages, null, "minimal", 16, null),
                new ChatCompletionRequest("m", List.of(new Message("user", null)), new ResponseFormat("json_object", null),
                        null, null, null),
                new ChatCompletionRequest(null, null, null, null, null, null));
    }

    @ParameterizedTest
    @MethodSource("requests")
    void writesARequestExactlyAsBindingDoes(ChatCompletionRequest request) throws IOException {
        String expected = BINDING.writeValueAsString(request);

        String written = new String(json.write(request), StandardCharsets.UTF_8);

        assertEquals(expected, written);
    }

    @ParameterizedTest
    @ValueSource(strings = { "openai-chat-completion.json", "openrouter-200-choice-error.json", "openrouter-200-error.json" })
    void readsTheProvidersRealAnswersAsBindingDoes(String fixture) throws IOException {
        byte[] body = fixture(fixture);

        ChatCompletionResponse read = json.read(body);

        assertEquals(BINDING.readValue(body, ChatCompletionResponse.class), read);
    }

    /** OpenRouter's real {@code usage} objects, in an answer: tokens, cost and BYOK read as binding reads them. */
    @ParameterizedTest
    @ValueSource(strings = { "openrouter-usage-byok.json", "openrouter-usage-not-byok.json" })
    void readsTheProvidersRealUsageAsBindingDoes(String fixture) throws IOException {
        byte[] body = ("{\"id\":\"gen-1\",\"usage\":" + new String(fixture(fixture), StandardCharsets.UTF_8) + "}")
                .getBytes(StandardCharsets.UTF_8);

        ChatCompletionResponse read = json.read(body);

        assertEquals(BINDING.readValue(body, ChatCompletionResponse.class), read);
        assertTrue(read.usage().promptTokens() > 0);
        assertTrue(read.usage().providerCost().signum() > 0);
    }

    /** Shapes a server might send: whatever binding makes of them, the codec makes the same. */
    @ParameterizedTest
    @ValueSource(strings = {
            "{}",
            "{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":1,\"extra\":{\"a\":[1,{\"b\":null}]},"
                    + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"{\\\"label\\\":\\\"x\\\"}\","
                    + "\"refusal\":null,\"annotations\":[]},\"logprobs\":null,\"finish_reason\":\"stop\"}]}",
            "{\"choices\":[]}",
            "{\"choices\":null,\"usage\":null,\"error\":null}",
            "{\"choices\":[null]}",
            "{\"choices\":[{\"index\":null,\"message\":null,\"finish_reason\":null,\"error\":null}]}",
            "{\"choices\":[{\"message\":{\"content\":12,\"role\":true}}]}",
            "{\"model\":12,\"id\":1.5,\"service_tier\":\"flex\"}",
            "{\"usage\":{\"prompt_tokens\":\"12\",\"completion_tokens\":7.9}}",
            "{\"usage\":{\"prompt_tokens\":\"\"}}",
            "{\"usage\":{\"prompt_tokens\":12,\"prompt_tokens_details\":{\"cached_tokens\":4,\"audio_tokens\":0},"
                    + "\"completion_tokens_details\":{\"reasoning_tokens\":3,\"accepted_prediction_tokens\":0}}}",
            "{\"usage\":{\"prompt_tokens_details\":null,\"completion_tokens_details\":{}}}",
            "{\"usage\":{\"cost\":0.000012300,\"is_byok\":true,\"cost_details\":{\"upstream_inference_cost\":\"0.5\"}}}",
            "{\"usage\":{\"cost\":\"1e-5\",\"is_byok\":\"false\",\"cost_details\":null}}",
            "{\"usage\":{\"cost\":3,\"cost_details\":{\"upstream_inference_cost\":null,\"other\":1}}}",
            "{\"error\":{\"code\":502,\"message\":\"upstream\",\"metadata\":{\"raw\":\"x\"}}}",
            "{\"error\":\"plain text\"}",
            "{\"id\":\"a\",\"id\":\"b\"}",
    })
    void readsOddButValidShapesAsBindingDoes(String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);

        ChatCompletionResponse read = json.read(bytes);

        assertEquals(BINDING.readValue(bytes, ChatCompletionResponse.class), read);
    }

    /** Wrong shapes: binding refuses them, and so does the codec, with a Jackson error (a malformed answer). */
    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "[]",
            "\"text\"",
            "{\"choices\":{}}",
            "{\"choices\":[1]}",
            "{\"choices\":\"none\"}",
            "{\"model\":{}}",
            "{\"model\":[\"a\"]}",
            "{\"choices\":[{\"message\":{\"content\":{\"label\":\"x\"}}}]}",
            "{\"choices\":[{\"message\":[]}]}",
            "{\"usage\":[]}",
            "{\"usage\":{\"prompt_tokens\":\"twelve\"}}",
            "{\"usage\":{\"prompt_tokens\":{}}}",
            "{\"usage\":{\"prompt_tokens\":99999999999}}",
            "{\"usage\":{\"prompt_tokens\":1e20}}",
            "{\"usage\":{\"cost\":\"cheap\"}}",
            "{\"usage\":{\"prompt_tokens_details\":5}}",
            "{\"usage\":{\"cost_details\":[]}}",
            "{\"choices\":[{\"index\":0",
            "{\"choices\":[{\"index\":0,}]}",
    })
    void refusesWhatBindingRefuses(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        assertThrows(JacksonException.class, () -> BINDING.readValue(bytes, ChatCompletionResponse.class));

        IOException refused = assertThrows(IOException.class, () -> json.read(bytes));

        assertInstanceOf(JacksonException.class, refused);
    }

    @Test
    void aJsonNullAnswerIsNoAnswer() throws IOException {
        assertNull(BINDING.readValue("null", ChatCompletionResponse.class));

        assertNull(json.read("null".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void keepsTheCostsDigits() throws IOException {
        ChatCompletionResponse read = json.read("{\"usage\":{\"cost\":0.000012300}}".getBytes(StandardCharsets.UTF_8));

        assertEquals(new BigDecimal("0.000012300"), read.usage().cost());
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = ChatCompletionJsonTest.class.getResourceAsStream("/providers/" + name)) {
            return in.readAllBytes();
        }
    }
}
