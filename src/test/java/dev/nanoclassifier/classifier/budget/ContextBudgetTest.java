package dev.nanoclassifier.classifier.budget;

import static dev.nanoclassifier.support.ChatCompletions.body;
import static dev.nanoclassifier.support.ChatCompletions.primaryAnswers;
import static dev.nanoclassifier.support.ChatCompletions.primaryRequests;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;

import dev.nanoclassifier.support.InjectOpenAiStub;
import dev.nanoclassifier.support.LambdaEvents;
import dev.nanoclassifier.support.Profiles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** An input over the 4,000-token default budget is cut, head and tail kept, before it reaches the model. */
@QuarkusTest
@TestProfile(Profiles.Stubbed.class)
class ContextBudgetTest {

    @InjectOpenAiStub
    WireMockServer openai;

    @BeforeEach
    void reset() {
        openai.resetAll();
        primaryAnswers(openai, "{\"label\":\"bug\"}");
    }

    @Test
    void overBudgetInputIsTruncatedAndReported() {
        String input = "HEAD-MARK " + IntStream.range(0, 9000).mapToObj(i -> "log" + i).collect(Collectors.joining(" "))
                + " TAIL-MARK";
        ObjectNode request = JsonNodeFactory.instance.objectNode().put("input", input);
        request.putArray("labels").add("bug").add("billing");

        LambdaEvents.invoke(request).then().statusCode(200)
                .body("label", equalTo("bug"))
                .body("truncated", equalTo(true))
                .body("truncations[0].field", equalTo("input"))
                .body("truncations[0].tokensBefore", greaterThan(9000))
                .body("truncations[0].tokensAfter", lessThanOrEqualTo(4000))
                .body("truncations[0].tokensAfter", greaterThan(3900));

        String sent = body(primaryRequests(openai).get(0)).at("/messages/1/content").asText();
        assertTrue(sent.contains("HEAD-MARK log0 log1"), "head sent");
        assertTrue(sent.contains("log8999 TAIL-MARK"), "tail sent");
        assertTrue(sent.contains("middle cut to fit the budget"), "cut marked");
        assertTrue(!sent.contains(" log4500 "), "middle not sent");
    }
}
