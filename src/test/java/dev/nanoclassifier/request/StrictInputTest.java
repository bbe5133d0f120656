package dev.nanoclassifier.request;

import static dev.nanoclassifier.support.ChatCompletions.primaryRequests;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.github.tomakehurst.wiremock.WireMockServer;

import dev.nanoclassifier.adapter.ApiGatewayTest;
import dev.nanoclassifier.support.InjectOpenAiStub;
import dev.nanoclassifier.support.LambdaEvents;
import dev.nanoclassifier.support.Profiles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Inputs a fuzzer found accepted or mangled (issue 9, points 14, 15, 18): each is refused with the
 * field at fault, through API Gateway (400) and a direct invocation (a Lambda error), and the model
 * is never asked.
 */
@QuarkusTest
@TestProfile(Profiles.Stubbed.class)
class StrictInputTest {

    private static final String LABELS = "\"labels\":[\"billing\",\"bug\"]";
    private static final String RANK = "{\"task\":\"rank\",\"query\":\"refunds\",\"candidates\":[\"a\",\"b\",\"c\"],\"topK\":%s}";

    @InjectOpenAiStub
    WireMockServer openai;

    @BeforeEach
    void reset() {
        openai.resetAll();
    }

    static Stream<Arguments> labelNamesWithSurroundingWhitespace() {
        return Stream.of(
                Arguments.of("{\"input\":\"charged twice\",\"labels\":[\" billing \",\"bug \"]}", "labels[0]"),
                Arguments.of("{\"input\":\"charged twice\",\"labels\":[\"billing\",\"bug\\t\"]}", "labels[1]"),
                Arguments.of("{\"input\":\"charged twice\",\"labels\":[\"billing\",{\"name\":\" bug\"}]}", "labels[1].name"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("labelNamesWithSurroundingWhitespace")
    void labelNamesWithSurroundingWhitespaceAreRejectedNotStripped(String request, String field) {
        JsonPath body = ApiGatewayTest.httpBody(LambdaEvents.invoke(LambdaEvents.httpApiV2("POST", "/classify", request)), 400);

        assertEquals(field, body.getString("error.field"));
        assertEquals(field + ": label name must not start or end with whitespace; answers are the names exactly as sent",
                body.getString("error.message"));
        assertEquals(0, primaryRequests(openai).size());
        LambdaEvents.invoke(request).then().statusCode(500)
                .body("errorType", equalTo(InvalidRequestException.class.getName()))
                .body("errorMessage", equalTo(body.getString("error.message")));
    }

    static Stream<Arguments> topKOutOfRange() {
        return Stream.of(
                Arguments.of("18446744073709551617", "topK: must be at most 100"),
                Arguments.of("9223372036854775808", "topK: must be at most 100"),
                Arguments.of("2147483648", "topK: must be at most 100"),
                Arguments.of("101", "topK: must be at most 100"),
                Arguments.of("-9223372036854775809", "topK: must be at least 1"));
    }

    @ParameterizedTest(name = "topK {0}")
    @MethodSource("topKOutOfRange")
    void topKOutOfRangeIsRejectedNamingTopKNeverWrapped(String topK, String message) {
        String request = RANK.formatted(topK);

        JsonPath body = ApiGatewayTest.httpBody(LambdaEvents.invoke(LambdaEvents.httpApiV2("POST", "/rank", request)), 400);

        assertEquals("topK", body.getString("error.field"));
        assertEquals(message, body.getString("error.message"));
        assertEquals(0, primaryRequests(openai).size());
        LambdaEvents.invoke(request).then().statusCode(500)
                .body("errorType", equalTo(InvalidRequestException.class.getName()))
                .body("errorMessage", equalTo(message));
    }

    static Stream<Arguments> notExactlyOneJsonObject() {
        String good = "{\"input\":\"charged twice\"," + LABELS + "}";
        return Stream.of(
                Arguments.of("trailing garbage", good + " trailing", "body", "body: has content after the JSON object"),
                Arguments.of("two objects", good + good, "body", "body: has content after the JSON object"),
                Arguments.of("duplicate key", "{\"input\":\"a\",\"input\":\"b\"," + LABELS + "}", "input",
                        "input: appears twice in the same object"),
                Arguments.of("duplicate nested key",
                        "{\"input\":\"a\",\"labels\":[\"billing\",{\"name\":\"bug\",\"name\":\"billing\"}]}", "labels[1].name",
                        "labels[1].name: appears twice in the same object"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notExactlyOneJsonObject")
    void bodyThatIsNotExactlyOneJsonObjectWithUniqueKeysIsRejected(String name, String request, String field, String message) {
        Response response = LambdaEvents.invoke(LambdaEvents.httpApiV2("POST", "/classify", request));

        JsonPath body = ApiGatewayTest.httpBody(response, 400);
        assertEquals("invalid_request", body.getString("error.code"));
        assertEquals(field, body.getString("error.field"));
        assertEquals(message, body.getString("error.message"));
        assertEquals(0, primaryRequests(openai).size());
    }

    /** Lambda itself refuses an invoke payload that is not one JSON document; duplicate keys reach the function. */
    static Stream<Arguments> duplicateKeys() {
        return notExactlyOneJsonObject().filter(arguments -> ((String) arguments.get()[0]).startsWith("duplicate"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("duplicateKeys")
    void directInvocationWithDuplicateKeysFailsNamingTheKey(String name, String request, String field, String message) {
        LambdaEvents.invoke(request).then().statusCode(500)
                .body("errorType", equalTo(InvalidRequestException.class.getName()))
                .body("errorMessage", equalTo(message));
        assertEquals(0, primaryRequests(openai).size());
    }
}
