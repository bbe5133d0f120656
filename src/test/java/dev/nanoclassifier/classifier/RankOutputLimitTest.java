package dev.nanoclassifier.classifier;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.nanoclassifier.support.ChatCompletions.body;
import static dev.nanoclassifier.support.ChatCompletions.primaryRequests;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;

import dev.nanoclassifier.support.InjectOpenAiStub;
import dev.nanoclassifier.support.LambdaEvents;
import dev.nanoclassifier.support.OpenAiStub;
import dev.nanoclassifier.support.Profiles;
import dev.nanoclassifier.support.ProviderPayloads;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * Rankings of real-world ids: the model sees short handles, the caller gets its ids back, and the
 * output limit sent covers the whole answer, so it is never cut off by {@code finish_reason: "length"}.
 */
@QuarkusTest
@TestProfile(Profiles.Stubbed.class)
class RankOutputLimitTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Encoding O200K = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

    @InjectOpenAiStub
    WireMockServer openai;

    @BeforeEach
    void reset() {
        openai.resetAll();
    }

    @Test
    void thirtyUuidCandidatesWithoutTopKAreRankedByTheModelWithALimitThatCoversTheFullAnswer() throws Exception {
        List<String> ids = ids(30, i -> UUID.nameUUIDFromBytes(("doc-" + i).getBytes()).toString());
        // The model ranks all 30, in reverse order, by the handles it was shown, pretty-printed.
        List<String> handles = new ArrayList<>();
        for (int i = 30; i >= 1; i--) {
            handles.add(Integer.toString(i));
        }
        String answer = prettyRanking(handles);
        primaryAnswers(answer);

        Response response = LambdaEvents.invoke(rankRequest(ids, null));

        List<String> expected = new ArrayList<>(ids);
        java.util.Collections.reverse(expected);
        response.then().statusCode(200)
                .body("model", equalTo("gpt-5.4-nano"))
                .body("degraded", equalTo(false))
                .body("reason", nullValue())
                .body("ranking.id", equalTo(expected))
                .body("ranking.rank[29]", equalTo(30));
        JsonNode sent = body(primaryRequests(openai).get(0));
        assertEquals(handles(30), strings(sent.at("/response_format/json_schema/schema/properties/ranking/items/enum")));
        assertEquals(30, sent.at("/response_format/json_schema/schema/properties/ranking/minItems").asInt());
        assertEquals(30, sent.at("/response_format/json_schema/schema/properties/ranking/maxItems").asInt());
        String prompt = sent.at("/messages/1/content").asText();
        assertTrue(prompt.contains("<candidate id=\"30\">text of doc 29</candidate>"), prompt);
        assertFalse(prompt.contains(ids.get(0)), "the caller's ids are not sent");
        int limit = sent.get("max_completion_tokens").asInt();
        assertTrue(limit >= O200K.countTokens(answer), limit + " covers the answer of " + O200K.countTokens(answer));
        // What the same answer costs with the ids themselves: far over what was ever sent before (200 + 8 x 30).
        assertTrue(O200K.countTokens(prettyRanking(ids)) > 200 + 8 * 30);
    }

    @Test
    void hundredCandidatesWith200CharacterIdsAndTopK5GetAFiveItemAnswerUnderTheSchemaLimit() throws Exception {
        List<String> ids = ids(100, i -> String.format("%03d-", i) + "k".repeat(196));
        String answer = prettyRanking(List.of("100", "99", "98", "97", "96"));
        primaryAnswers(answer);

        Response response = LambdaEvents.invoke(rankRequest(ids, 5));

        response.then().statusCode(200)
                .body("degraded", equalTo(false))
                .body("ranking.id", contains(ids.get(99), ids.get(98), ids.get(97), ids.get(96), ids.get(95)));
        JsonNode sent = body(primaryRequests(openai).get(0));
        JsonNode ranking = sent.at("/response_format/json_schema/schema/properties/ranking");
        assertEquals(5, ranking.get("minItems").asInt());
        assertEquals(5, ranking.get("maxItems").asInt());
        assertTrue(sent.at("/response_format/json_schema/schema").toString().length() < 15_000);
        assertTrue(sent.get("max_completion_tokens").asInt() >= O200K.countTokens(answer));
    }

    @Test
    void aRankingThatRepeatsACandidateIsRepairedNotAskedAgain() {
        primaryAnswers("{\"ranking\":[\"2\",\"1\",\"2\"]}");

        LambdaEvents.invoke(rankRequest(List.of("alpha", "beta", "gamma"), 3)).then().statusCode(200)
                .body("degraded", equalTo(false))
                .body("ranking.id", contains("beta", "alpha"))
                .body("attempts[0].tries", equalTo(1))
                .body("attempts[0].repaired", equalTo("dropped 1 repeated id"));

        assertEquals(1, primaryRequests(openai).size(), "not paid for again");
    }

    @Test
    void multiLabelAnswersAreBoundedByTheLabelCount() {
        primaryAnswers("{\"labels\":[\"billing\",\"billing\",\"account\"]}");

        LambdaEvents.invoke("""
                {"input":"Charged twice and now I cannot log in","labels":["billing","account","bug"],"multiLabel":true}""")
                .then().statusCode(200)
                .body("labels", contains("billing", "account"))
                .body("attempts[0].repaired", equalTo("dropped 1 repeated label"));

        JsonNode labels = body(primaryRequests(openai).get(0)).at("/response_format/json_schema/schema/properties/labels");
        assertEquals(1, labels.get("minItems").asInt());
        assertEquals(3, labels.get("maxItems").asInt());
    }

    private void primaryAnswers(String content) {
        openai.stubFor(post(urlEqualTo(OpenAiStub.PRIMARY_PATH))
                .willReturn(ProviderPayloads.respond(200, ProviderPayloads.completion(content))));
    }

    private static String rankRequest(List<String> ids, Integer topK) {
        ObjectNode request = JSON.createObjectNode().put("task", "rank").put("query", "which document answers it?");
        ArrayNode candidates = request.putArray("candidates");
        for (int i = 0; i < ids.size(); i++) {
            candidates.addObject().put("id", ids.get(i)).put("text", "text of doc " + i);
        }
        if (topK != null) {
            request.put("topK", topK);
        }
        return request.toString();
    }

    private static String prettyRanking(List<String> values) throws Exception {
        ObjectNode answer = JSON.createObjectNode();
        values.forEach(answer.putArray("ranking")::add);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(answer);
    }

    private static List<String> ids(int count, java.util.function.IntFunction<String> id) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(id.apply(i));
        }
        return ids;
    }

    private static List<String> handles(int count) {
        return ids(count, i -> Integer.toString(i + 1));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }
}
