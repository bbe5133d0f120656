package dev.nanoclassifier.classifier.budget;

import static dev.nanoclassifier.support.ChatCompletions.body;
import static dev.nanoclassifier.support.ChatCompletions.primaryAnswers;
import static dev.nanoclassifier.support.ChatCompletions.primaryRequests;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;

import dev.nanoclassifier.support.InjectOpenAiStub;
import dev.nanoclassifier.support.LambdaEvents;
import dev.nanoclassifier.support.Profiles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Cutting label descriptions over their token budget takes time in proportion to their size. The cut
 * used to recount every label's text once per label: 100 labels of 10 KB took 3.8 to 6.4 s, against
 * well under a second for one pass over the same megabyte. The bound below is that difference, not a
 * benchmark.
 */
@QuarkusTest
@TestProfile(Profiles.Stubbed.class)
public class LabelBudgetTest {

    @InjectOpenAiStub
    WireMockServer openai;

    @BeforeEach
    void reset() {
        openai.resetAll();
        primaryAnswers(openai, "{\"label\":\"topic-7\"}");
        LambdaEvents.invoke(request(2, 100)).then().statusCode(200); // the encoding's tables, loaded once
        openai.resetRequests();
    }

    @Test
    void hundredLabelsOfTenKilobytesAreCutInOnePassAndFitTheBudget() {
        long start = System.nanoTime();

        Response response = LambdaEvents.invoke(request(100, 10_000));

        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        response.then().statusCode(200);
        JsonPath result = response.jsonPath();
        assertEquals("topic-7", result.getString("label"));
        assertEquals("labels", result.getString("truncations[0].field"));
        assertTrue(result.getInt("truncations[0].tokensBefore") > 100_000, result.prettify());
        assertTrue(result.getInt("truncations[0].tokensAfter") <= 2_000, result.prettify());
        String prompt = body(primaryRequests(openai).get(0)).toString();
        assertTrue(prompt.contains("topic-0") && prompt.contains("topic-99"), "every label is still offered");
        assertTrue(prompt.length() < 60_000, "sent " + prompt.length() + " characters for a 2000-token label budget");
        assertTrue(elapsedMs < 2_000, "cutting 1 MB of label text took " + elapsedMs + " ms");
    }

    /** {@code labels} labels named topic-i, each with a description of about {@code chars} characters. */
    public static ObjectNode request(int labels, int chars) {
        ObjectNode request = JsonNodeFactory.instance.objectNode().put("input", "Which topic is this about?");
        ArrayNode list = request.putArray("labels");
        for (int i = 0; i < labels; i++) {
            StringBuilder description = new StringBuilder("Topic " + i + " covers");
            for (int word = 0; description.length() < chars; word++) {
                description.append(' ').append("term").append(i).append('x').append(word);
            }
            list.addObject().put("name", "topic-" + i).put("description", description.toString());
        }
        return request;
    }
}
