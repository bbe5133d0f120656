package dev.nanoclassifier.adapter;

import static dev.nanoclassifier.support.ChatCompletions.body;
import static dev.nanoclassifier.support.ChatCompletions.primaryAnswers;
import static dev.nanoclassifier.support.ChatCompletions.primaryRequests;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


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

/** API Gateway routes, and AWS's own API Gateway sample events unmodified. (Undecodable bodies: ApiGatewayTest.) */
@QuarkusTest
@TestProfile(Profiles.Stubbed.class)
class HttpEnvelopeTest {

    private static final String CLASSIFY = "{\"input\":\"Please add dark mode\",\"labels\":[\"bug\",\"feature-request\"]}";

    @InjectOpenAiStub
    WireMockServer openai;

    @BeforeEach
    void reset() {
        openai.resetAll();
    }

    @Test
    void trailingSlashRoutesLikeThePathWithoutIt() {
        primaryAnswers(openai, "{\"label\":\"feature-request\"}");

        JsonPath classify = ApiGatewayTest.httpBody(LambdaEvents.invoke(LambdaEvents.httpApiV2("POST", "/classify/", CLASSIFY)), 200);
        JsonPath health = ApiGatewayTest.httpBody(LambdaEvents.invoke(LambdaEvents.restApiV1("GET", "/prod/health/", null)), 200);

        assertEquals("feature-request", classify.getString("label"));
        assertEquals("ok", health.getString("status"));
        assertTrue(body(primaryRequests(openai).get(0)).at("/messages/1/content").asText().contains("Please add dark mode"));
    }

    @Test
    void sampleEventsOfOtherRoutesAre404sNotFunctionErrors() {
        Response httpApi = LambdaEvents.invoke(LambdaEvents.fixture("apigw-http-v2-nobody.json"));
        Response restApi = LambdaEvents.invoke(LambdaEvents.fixture("apigw-rest-v1-get.json"));

        assertEquals("path", ApiGatewayTest.httpBody(httpApi, 404).getString("error.field"));
        assertEquals("path", ApiGatewayTest.httpBody(restApi, 404).getString("error.field"));
        assertEquals(0, primaryRequests(openai).size());
    }
}
