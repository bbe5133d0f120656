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
 * Label descriptions over their token budget are cut to it, in time proportional to their size. The
 * cut used to recount every label's text once per label: 100 labels of 10 KB took 3.8 to 6.4 s, 7.6
 * times as long as the same bytes in 10 labels. The comparison below is that difference, not a
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
        // Loads the encoding's tables (once per environment) and warms the code, outside the measured call.
        LambdaEvents.invoke(request(10, 10_000)).then().statusCode(200);
        openai.resetRequests();
    }

    @Test
    void hundredLabelsOfTenKilobytesAreCutToTheBudgetWithEveryLabelStillOffered() {
        Response response = LambdaEvents.invoke(request(100, 10_000));

        response.then().statusCode(200);
        JsonPath result = response.jsonPath();
        assertEquals("topic-7", result.getString("label"));
        assertEquals("labels", result.getString("truncations[0].field"));
        assertTrue(result.getInt("truncations[0].tokensBefore") > 100_000, result.prettify());
        assertTrue(result.getInt("truncations[0].tokensAfter") <= 2_000, result.prettify());
        String prompt = body(primaryRequests(openai).get(0)).toString();
        assertTrue(prompt.contains("topic-0") && prompt.contains("topic-99"), "every label is still offered");
        assertTrue(prompt.length() < 60_000, "sent " + prompt.length() + " characters for a 2000-token label budget");
    }

    /**
     * The same megabyte of label text in 100 labels and in 10: a cut that recounts all label text
     * once per label takes about ten times longer for 100 labels (7.6 times was measured); a linear
     * one takes about as long. Each is timed twice and the faster run kept, as the machine is shared.
     */
    @Test
    void cuttingTakesAboutAsLongForManySmallLabelsAsForFewLargeOnesOfTheSameSize() {
        long fewLarge = Math.min(timed(request(10, 100_000)), timed(request(10, 100_000)));
        long manySmall = Math.min(timed(request(100, 10_000)), timed(request(100, 10_000)));

        assertTrue(manySmall < 3 * fewLarge, "100 labels of 10 KB took " + manySmall + " ms, 10 labels of 100 KB "
                + fewLarge + " ms: the cut is not linear in the text");
    }

    private static long timed(ObjectNode request) {
        String event = request.toString();
        long start = System.nanoTime();
        LambdaEvents.invoke(event).then().statusCode(200);
        return (System.nanoTime() - start) / 1_000_000;
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
