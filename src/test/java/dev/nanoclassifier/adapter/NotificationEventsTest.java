package dev.nanoclassifier.adapter;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.nanoclassifier.support.ChatCompletions.answer;
import static dev.nanoclassifier.support.ChatCompletions.body;
import static dev.nanoclassifier.support.ChatCompletions.json;
import static dev.nanoclassifier.support.ChatCompletions.primaryRequests;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;

import dev.nanoclassifier.support.ElasticMq;
import dev.nanoclassifier.support.InjectOpenAiStub;
import dev.nanoclassifier.support.LambdaEvents;
import dev.nanoclassifier.support.OpenAiStub;
import dev.nanoclassifier.support.Profiles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Requests that arrive through SNS (directly, or inside an SQS body with raw message delivery off) and
 * EventBridge, from AWS's own sample events: each is classified and its result written to the results
 * queue like an SQS result.
 */
@QuarkusTest
@TestProfile(Profiles.ResultsQueue.class)
class NotificationEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GOOD = "{\"id\":\"n-1\",\"input\":\"My invoice shows the wrong VAT number\",\"labels\":[\"billing\",\"bug\"]}";
    private static final String FAILING =
            "{\"id\":\"fail\",\"input\":\"fail-me please\",\"labels\":[\"billing\",\"bug\"],\"fallback\":\"none\"}";

    @InjectOpenAiStub
    WireMockServer openai;

    @BeforeEach
    void reset() {
        openai.resetAll();
        openai.stubFor(post(urlEqualTo(OpenAiStub.PRIMARY_PATH)).atPriority(5).willReturn(answer("{\"label\":\"billing\"}")));
        openai.stubFor(post(urlEqualTo(OpenAiStub.PRIMARY_PATH)).atPriority(1)
                .withRequestBody(containing("fail-me")).willReturn(json(503, "{}")));
        ElasticMq.emptyResultsQueue();
    }

    @Test
    void snsNotificationIsClassifiedAndItsResultWrittenLikeAnSqsResult() throws Exception {
        ObjectNode event = LambdaEvents.sns(GOOD);
        String snsMessageId = event.at("/Records/0/Sns/MessageId").asText();

        LambdaEvents.invoke(event).then().statusCode(200);

        Message result = onlyResult();
        JsonNode body = JSON.readTree(result.body());
        assertEquals("n-1", body.get("id").asText());
        assertEquals("billing", body.get("label").asText());
        assertEquals(snsMessageId, body.get("sourceMessageId").asText());
        assertEquals("billing", result.messageAttributes().get("label").stringValue());
        assertEquals("answered", result.messageAttributes().get("outcome").stringValue());
        assertTrue(modelInput().contains("My invoice shows the wrong VAT number"));
    }

    @Test
    void unmodifiedSnsSampleIsRejectedInItsResultNotAsAFunctionError() throws Exception {
        LambdaEvents.invoke(LambdaEvents.fixture("sns-notification.json")).then().statusCode(200);

        JsonNode body = JSON.readTree(onlyResult().body());
        assertEquals("rejected", body.get("status").asText());
        assertEquals("id: must be a string, not a number", body.at("/error/message").asText());
        assertEquals("dc918f50-80c6-56a2-ba33-d8a9bbf013ab", body.get("sourceMessageId").asText());
        assertEquals(0, primaryRequests(openai).size());
    }

    @Test
    void snsNotificationNoStepCouldAnswerFailsTheInvocationSoLambdaRetriesIt() {
        Response response = LambdaEvents.invoke(LambdaEvents.sns(FAILING));

        response.then().statusCode(500);
        assertEquals(List.of(), ElasticMq.readResults(1, 3), "nothing is written for a request that will be retried");
    }

    @Test
    void sqsBodyThatIsAnSnsEnvelopeIsUnwrappedAndClassified() throws Exception {
        ObjectNode event = LambdaEvents.sqsSnsEnvelope(GOOD);

        LambdaEvents.invoke(event).then().statusCode(200).body("batchItemFailures", empty());

        JsonNode body = JSON.readTree(onlyResult().body());
        assertEquals("billing", body.get("label").asText());
        assertEquals("n-1", body.get("id").asText());
        assertEquals(LambdaEvents.messageId(event, 0), body.get("sourceMessageId").asText());
        assertTrue(modelInput().contains("My invoice shows the wrong VAT number"));
    }

    @Test
    void fifoSnsEnvelopeIsUnwrappedAndKeepsItsGroup() throws Exception {
        ObjectNode event = LambdaEvents.fixture("sqs-sns-envelope-fifo.json");
        ObjectNode record = (ObjectNode) event.get("Records").get(0);
        ObjectNode envelope = (ObjectNode) JSON.readTree(record.get("body").asText());
        record.put("body", envelope.put("Message", GOOD).toString());

        LambdaEvents.invoke(event).then().statusCode(200).body("batchItemFailures", empty());

        JsonNode body = JSON.readTree(onlyResult().body());
        assertEquals("billing", body.get("label").asText());
        assertEquals("69bc4bbd-ed69-4325-a434-85c3b428ceab", body.get("sourceMessageId").asText());
    }

    @Test
    void unmodifiedSnsInSqsSampleIsRejectedForItsMessage() throws Exception {
        LambdaEvents.invoke(LambdaEvents.fixture("sqs-sns-envelope.json")).then().statusCode(200)
                .body("batchItemFailures", empty());

        JsonNode body = JSON.readTree(onlyResult().body());
        assertEquals("rejected", body.get("status").asText());
        assertEquals("input: is required", body.at("/error/message").asText());
    }

    @Test
    void eventBridgeDetailIsClassifiedAndItsResultWritten() throws Exception {
        ObjectNode event = LambdaEvents.eventBridge(GOOD);

        LambdaEvents.invoke(event).then().statusCode(200);

        JsonNode body = JSON.readTree(onlyResult().body());
        assertEquals("billing", body.get("label").asText());
        assertEquals(event.get("id").asText(), body.get("sourceMessageId").asText());
        assertTrue(modelInput().contains("My invoice shows the wrong VAT number"));
    }

    @Test
    void unmodifiedEventBridgeSamplesAreRejectedInTheirResults() throws Exception {
        for (String fixture : List.of("eventbridge-scheduled.json", "eventbridge-custom.json")) {
            ElasticMq.emptyResultsQueue();
            ObjectNode event = LambdaEvents.fixture(fixture);

            LambdaEvents.invoke(event).then().statusCode(200);

            JsonNode body = JSON.readTree(onlyResult().body());
            assertEquals("rejected", body.get("status").asText(), fixture);
            assertEquals("input: is required", body.at("/error/message").asText(), fixture);
            assertEquals(event.get("id").asText(), body.get("sourceMessageId").asText(), fixture);
        }
        assertEquals(0, primaryRequests(openai).size());
    }

    private String modelInput() {
        return body(primaryRequests(openai).get(0)).at("/messages/1/content").asText();
    }

    private static Message onlyResult() {
        List<Message> results = ElasticMq.readResults(1, 3);
        assertEquals(1, results.size(), "results: " + results);
        return results.get(0);
    }
}
