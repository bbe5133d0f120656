package dev.nanoclassifier.classifier;

import static dev.nanoclassifier.support.ChatCompletions.primaryRequests;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;

import dev.nanoclassifier.adapter.ApiGatewayTest;
import dev.nanoclassifier.support.InjectOpenAiStub;
import dev.nanoclassifier.support.LambdaEvents;
import dev.nanoclassifier.support.Profiles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * Labels whose schema OpenAI's strict mode would refuse (its limits, as the official openai-java
 * SDK checks them) are a 400 naming the field, before any model is called, never a paid 400 from
 * the endpoint. Label limits are raised in this profile, as an operator might.
 */
@QuarkusTest
@TestProfile(Profiles.ManyLabels.class)
class SchemaOverStrictLimitsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectOpenAiStub
    WireMockServer openai;

    @BeforeEach
    void reset() {
        openai.resetAll();
    }

    @Test
    void labelsOverTheTotalStringLengthAreA400NamingLabels() {
        // 200 labels of 80 characters: 16,005 characters of enum values and property names.
        JsonPath body = ApiGatewayTest.httpBody(LambdaEvents.invoke(LambdaEvents.httpApiV2("POST", "/classify",
                request(200, 80))), 400);

        assertEquals("invalid_request", body.getString("error.code"));
        assertEquals("labels", body.getString("error.field"));
        assertEquals("labels: the response schema has 16005 characters of names and values, over the limit of 15000 "
                + "of OpenAI's strict mode; use fewer or shorter values", body.getString("error.message"));
        assertEquals(0, primaryRequests(openai).size(), "nothing sent");
    }

    @Test
    void moreThan250LabelsOver7500CharactersAreA400ForDirectInvocation() {
        LambdaEvents.invoke(request(300, 30)).then().statusCode(500)
                .body("errorType", equalTo("dev.nanoclassifier.request.InvalidRequestException"))
                .body("errorMessage", startsWith("labels: an enum of 300 values has 9000 characters"));
        assertEquals(0, primaryRequests(openai).size());
    }

    @Test
    void moreThan500LabelsAreRejectedAsTheSdkWould() {
        LambdaEvents.invoke(request(501, 3)).then().statusCode(500)
                .body("errorMessage", containsString("501 enum values, over the limit of 500"));
    }

    /** {@code count} distinct labels of exactly {@code length} characters. */
    private static String request(int count, int length) {
        ObjectNode request = JSON.createObjectNode().put("input", "which one?");
        ArrayNode labels = request.putArray("labels");
        for (int i = 0; i < count; i++) {
            String prefix = String.format("%03d", i);
            labels.add(prefix + "l".repeat(length - prefix.length()));
        }
        return request.toString();
    }
}
