package dev.nanoclassifier.request;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.nanoclassifier.support.LambdaEvents;
import dev.nanoclassifier.support.Profiles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Every kind of bad input gets a clear error naming the field, by direct invocation and by API Gateway. */
@QuarkusTest
@TestProfile(Profiles.Stubbed.class)
class ValidationTest {

    static Stream<Arguments> badRequests() {
        String labels = "\"labels\":[\"a\",\"b\"]";
        return Stream.of(
                Arguments.of("missing input", "{" + labels + "}", "input: is required"),
                Arguments.of("empty input", "{\"input\":\"\"," + labels + "}", "input: must not be empty or blank"),
                Arguments.of("blank input", "{\"input\":\"  \\n \"," + labels + "}", "input: must not be empty or blank"),
                Arguments.of("input not a string", "{\"input\":42," + labels + "}", "input: must be a string, not a number"),
                Arguments.of("input too long", "{\"input\":\"" + "x".repeat(100_001) + "\"," + labels + "}",
                        "input: 100001 characters is over the limit of 100000"),
                Arguments.of("no labels", "{\"input\":\"hi\"}", "labels: is required (or name a \"classifier\")"),
                Arguments.of("one label", "{\"input\":\"hi\",\"labels\":[\"a\"]}", "labels: at least 2 labels are required"),
                Arguments.of("labels not an array", "{\"input\":\"hi\",\"labels\":\"a,b\"}",
                        "labels: must be an array of label names or label objects"),
                Arguments.of("duplicate labels", "{\"input\":\"hi\",\"labels\":[\"a\",\"b\",\"A\"]}",
                        "labels[2]: duplicate label \"A\""),
                Arguments.of("blank label", "{\"input\":\"hi\",\"labels\":[\"a\",\" \"]}",
                        "labels[1]: label name must not be blank"),
                Arguments.of("label too long", "{\"input\":\"hi\",\"labels\":[\"a\",\"" + "b".repeat(101) + "\"]}",
                        "labels[1]: label name is longer than 100 characters"),
                Arguments.of("too many labels", "{\"input\":\"hi\",\"labels\":" + numbered(101) + "}",
                        "labels: 101 labels is over the limit of 100"),
                Arguments.of("label object without name", "{\"input\":\"hi\",\"labels\":[\"a\",{\"description\":\"d\"}]}",
                        "labels[1].name: is required"),
                Arguments.of("examples not strings", "{\"input\":\"hi\",\"labels\":[\"a\",{\"name\":\"b\",\"examples\":[1]}]}",
                        "labels[1].examples[0]: must be a string"),
                Arguments.of("unknown classifier", "{\"classifier\":\"nope\",\"input\":\"hi\"}",
                        "classifier: unknown classifier; known: support-triage, escalation-router"),
                Arguments.of("named classifier overridden", "{\"classifier\":\"support-triage\",\"input\":\"hi\"," + labels + "}",
                        "labels: cannot be set with \"classifier\"; the named classifier defines it"),
                Arguments.of("unknown task", "{\"task\":\"summarize\",\"input\":\"hi\"," + labels + "}",
                        "task: must be \"classify\" or \"rank\""),
                Arguments.of("multiLabel not boolean", "{\"input\":\"hi\"," + labels + ",\"multiLabel\":\"yes\"}",
                        "multiLabel: must be true or false, not a string"),
                Arguments.of("bad fallback", "{\"input\":\"hi\"," + labels + ",\"fallback\":\"maybe\"}",
                        "fallback: must be \"none\" or \"chain\""),
                Arguments.of("id not a string", "{\"id\":7,\"input\":\"hi\"," + labels + "}", "id: must be a string, not a number"),
                Arguments.of("missing query", "{\"task\":\"rank\",\"candidates\":[\"a\"]}", "query: is required"),
                Arguments.of("no candidates", "{\"task\":\"rank\",\"query\":\"q\",\"candidates\":[]}",
                        "candidates: at least 1 candidate is required"),
                Arguments.of("too many candidates", "{\"task\":\"rank\",\"query\":\"q\",\"candidates\":" + numbered(101) + "}",
                        "candidates: 101 candidates is over the limit of 100"),
                Arguments.of("duplicate candidate ids",
                        "{\"task\":\"rank\",\"query\":\"q\",\"candidates\":[{\"id\":\"x\",\"text\":\"a\"},{\"id\":\"x\",\"text\":\"b\"}]}",
                        "candidates[1].id: duplicate candidate id \"x\""),
                Arguments.of("candidate of wrong type", "{\"task\":\"rank\",\"query\":\"q\",\"candidates\":[true]}",
                        "candidates[0]: must be a string or an object with \"id\" and \"text\""),
                Arguments.of("topK zero", "{\"task\":\"rank\",\"query\":\"q\",\"candidates\":[\"a\"],\"topK\":0}",
                        "topK: must be at least 1"),
                Arguments.of("topK not integer", "{\"task\":\"rank\",\"query\":\"q\",\"candidates\":[\"a\"],\"topK\":\"3\"}",
                        "topK: must be an integer"),
                Arguments.of("not an object", "[1,2,3]", "body: must be a JSON object"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void directInvocationFailsWithTheFieldNamed(String name, String request, String message) {
        LambdaEvents.invoke(request).then().statusCode(500)
                .body("errorType", equalTo(InvalidRequestException.class.getName()))
                .body("errorMessage", equalTo(message));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void apiGatewayAnswers400WithTheFieldNamed(String name, String request, String message) {
        String path = request.contains("\"rank\"") ? "/rank" : "/classify";
        Response response = LambdaEvents.invoke(LambdaEvents.httpApiV2("POST", path, request));

        JsonPath body = dev.nanoclassifier.adapter.ApiGatewayTest.httpBody(response, 400);
        assertEquals("invalid_request", body.getString("error.code"));
        assertEquals(message, body.getString("error.message"));
    }

    private static String numbered(int count) {
        StringBuilder items = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            items.append(i == 0 ? "" : ",").append('"').append("item").append(i).append('"');
        }
        return items.append(']').toString();
    }
}
