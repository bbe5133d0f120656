package dev.nanoclassifier.adapter;

import static dev.nanoclassifier.support.ChatCompletions.body;
import static dev.nanoclassifier.support.ChatCompletions.primaryAnswers;
import static dev.nanoclassifier.support.ChatCompletions.primaryRequests;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import dev.nanoclassifier.support.InjectOpenAiStub;
import dev.nanoclassifier.support.LambdaEvents;
import dev.nanoclassifier.support.Profiles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * An Application Load Balancer with the function as its target: the response carries the
 * {@code statusDescription} ALB requires, and {@code multiValueHeaders} instead of {@code headers} when the
 * target group has multi-value headers on (the request then comes with {@code multiValueHeaders}).
 */
@QuarkusTest
@TestProfile(Profiles.Stubbed.class)
class AlbTargetTest {

    private static final String CLASSIFY = "{\"input\":\"Please add dark mode\",\"labels\":[\"bug\",\"feature-request\"]}";

    @InjectOpenAiStub
    WireMockServer openai;

    @BeforeEach
    void reset() {
        openai.resetAll();
    }

    @Test
    void albRequestIsAnsweredWithAStatusDescriptionAndSingleValueHeaders() {
        primaryAnswers(openai, "{\"label\":\"feature-request\"}");

        Response response = LambdaEvents.invoke(LambdaEvents.alb("POST", "/classify", CLASSIFY));

        response.then().statusCode(200)
                .body("statusCode", equalTo(200))
                .body("statusDescription", equalTo("200 OK"))
                .body("headers.Content-Type", equalTo("application/json"))
                .body("isBase64Encoded", equalTo(false));
        Map<String, Object> envelope = response.jsonPath().getMap("$");
        assertFalse(envelope.containsKey("multiValueHeaders"), "a single-value target group gets headers: " + envelope);
        assertEquals("feature-request", JsonPath.from(response.path("body").toString()).getString("label"));
        assertTrue(body(primaryRequests(openai).get(0)).at("/messages/1/content").asText().contains("Please add dark mode"));
    }

    @Test
    void albRequestWithMultiValueHeadersGetsMultiValueHeadersBack() {
        primaryAnswers(openai, "{\"label\":\"bug\"}");

        Response response = LambdaEvents.invoke(LambdaEvents.albMultiValue("POST", "/classify", CLASSIFY));

        response.then().statusCode(200)
                .body("statusCode", equalTo(200))
                .body("statusDescription", equalTo("200 OK"));
        Map<String, Object> envelope = response.jsonPath().getMap("$");
        assertFalse(envelope.containsKey("headers"), "ALB ignores headers when multi-value headers are on: " + envelope);
        assertEquals(List.of("application/json"), response.jsonPath().getList("multiValueHeaders.Content-Type"));
        assertEquals("bug", JsonPath.from(response.path("body").toString()).getString("label"));
    }

    @Test
    void unmodifiedAlbSamplesAre404sWithTheirDescription() {
        Response single = LambdaEvents.invoke(LambdaEvents.fixture("alb-target.json"));
        Response multi = LambdaEvents.invoke(LambdaEvents.fixture("alb-target-multivalue.json"));

        single.then().statusCode(200).body("statusCode", equalTo(404)).body("statusDescription", equalTo("404 Not Found"))
                .body("headers.Content-Type", equalTo("application/json"));
        multi.then().statusCode(200).body("statusCode", equalTo(404)).body("statusDescription", equalTo("404 Not Found"));
        assertEquals(List.of("application/json"), multi.jsonPath().getList("multiValueHeaders.Content-Type"));
        assertEquals(0, primaryRequests(openai).size());
    }
}
