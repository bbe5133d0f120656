package dev.nanoclassifier.adapter;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.nanoclassifier.support.ChatCompletions.answer;
import static dev.nanoclassifier.support.ChatCompletions.json;
import static dev.nanoclassifier.support.ChatCompletions.primaryRequests;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/** SQS batches against a real SQS-compatible server: concurrency, partial failures, and the results queue. */
@QuarkusTest
@TestProfile(Profiles.ResultsQueue.class)
class SqsBatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GOOD = "{\"id\":\"good-%d\",\"input\":\"My invoice is wrong %d\",\"labels\":[\"billing\",\"bug\"]}";
    private static final String FAILING =
            "{\"id\":\"fail\",\"input\":\"fail-me please\",\"labels\":[\"billing\",\"bug\"],\"fallback\":\"none\"}";

    @InjectOpenAiStub
    WireMockServer openai;

    SqsClient sqs;
    String resultsQueue;

    @BeforeEach
    void reset() {
        openai.resetAll();
        openai.stubFor(post(urlEqualTo(OpenAiStub.PRIMARY_PATH)).atPriority(5).willReturn(answer("{\"label\":\"billing\"}")));
        openai.stubFor(post(urlEqualTo(OpenAiStub.PRIMARY_PATH)).atPriority(1)
                .withRequestBody(containing("fail-me")).willReturn(json(503, "{}")));
        sqs = ElasticMq.client();
        resultsQueue = ElasticMq.createResultsQueue();
        sqs.purgeQueue(b -> b.queueUrl(resultsQueue));
    }

    @Test
    void mixedBatchReportsExactlyTheFailingRecordAndWritesEveryOtherResult() throws Exception {
        ObjectNode event = LambdaEvents.sqs(GOOD.formatted(1, 1), "{\"input\":\"no labels here\"}", FAILING, GOOD.formatted(2, 2),
                "not json at all");
        String failingId = LambdaEvents.messageId(event, 2);

        Response response = LambdaEvents.invoke(event);

        response.then().statusCode(200);
        List<String> failures = response.jsonPath().getList("batchItemFailures.itemIdentifier");
        assertEquals(List.of(failingId), failures);
        Map<String, Message> results = readResults(4);
        assertEquals(4, results.size(), "every record but the failing one has a result");
        assertFalse(results.containsKey(failingId));

        Message good = results.get(LambdaEvents.messageId(event, 0));
        JsonNode goodBody = JSON.readTree(good.body());
        assertEquals("good-1", goodBody.get("id").asText());
        assertEquals("billing", goodBody.get("label").asText());
        assertEquals(LambdaEvents.messageId(event, 0), goodBody.get("sourceMessageId").asText());
        assertEquals("billing", good.messageAttributes().get("label").stringValue());
        assertEquals("false", good.messageAttributes().get("degraded").stringValue());
        assertEquals("classify", good.messageAttributes().get("task").stringValue());

        JsonNode rejected = JSON.readTree(results.get(LambdaEvents.messageId(event, 1)).body());
        assertEquals("rejected", rejected.get("status").asText());
        assertEquals("labels: is required (or name a \"classifier\")", rejected.at("/error/message").asText());
        assertEquals("labels", rejected.at("/error/field").asText());
        JsonNode notJson = JSON.readTree(results.get(LambdaEvents.messageId(event, 4)).body());
        assertEquals("body: is not valid JSON", notJson.at("/error/message").asText());
        assertEquals("rejected", results.get(LambdaEvents.messageId(event, 4)).messageAttributes().get("outcome").stringValue());
    }

    @Test
    void unmodifiedSampleEventIsRejectedRecordByRecordWithoutFailingTheBatch() throws Exception {
        ObjectNode event = LambdaEvents.fixture("sqs-batch.json");

        Response response = LambdaEvents.invoke(event);

        response.then().statusCode(200);
        assertEquals(List.of(), response.jsonPath().getList("batchItemFailures"));
        Map<String, Message> results = readResults(3);
        assertEquals(3, results.size());
        for (Message message : results.values()) {
            assertEquals("id: must be a string, not a number", JSON.readTree(message.body()).at("/error/message").asText());
        }
    }

    @Test
    void tenRecordsCallTheModelConcurrently() {
        openai.stubFor(post(urlEqualTo(OpenAiStub.PRIMARY_PATH)).atPriority(5)
                .willReturn(answer("{\"label\":\"billing\"}").withFixedDelay(300)));
        String[] bodies = new String[10];
        for (int i = 0; i < bodies.length; i++) {
            bodies[i] = GOOD.formatted(i, i);
        }
        ObjectNode event = LambdaEvents.sqs(bodies);
        LambdaEvents.invoke(LambdaEvents.httpApiV2("GET", "/health", null)).then().statusCode(200);

        Response response = LambdaEvents.invoke(event);

        response.then().statusCode(200);
        assertEquals(List.of(), response.jsonPath().getList("batchItemFailures"));
        assertEquals(10, primaryRequests(openai).size());
        // Concurrency, not wall time (which a loaded machine stretches): each model call is held
        // 300 ms, so calls received less than 300 ms apart were in flight together. One after
        // another, never more than one would be.
        assertTrue(mostCallsInFlightAtOnce(primaryRequests(openai), 300) >= 5,
                "model calls were not made concurrently: at most " + mostCallsInFlightAtOnce(primaryRequests(openai), 300)
                        + " in flight at once");
        assertEquals(10, readResults(10).size());
    }

    @Test
    void fifoGroupStopsAtItsFirstFailureAndOtherGroupsGoOn() {
        ObjectNode event = LambdaEvents.sqs(GOOD.formatted(1, 1), FAILING, GOOD.formatted(3, 3), GOOD.formatted(4, 4));
        String[] groups = { "A", "A", "A", "B" };
        for (int i = 0; i < groups.length; i++) {
            ((ObjectNode) event.get("Records").get(i).get("attributes")).put("MessageGroupId", groups[i]);
        }

        Response response = LambdaEvents.invoke(event);

        response.then().statusCode(200);
        assertEquals(List.of(LambdaEvents.messageId(event, 1), LambdaEvents.messageId(event, 2)),
                response.jsonPath().getList("batchItemFailures.itemIdentifier"));
        boolean thirdWasProcessed = primaryRequests(openai).stream()
                .anyMatch(request -> request.getBodyAsString().contains("My invoice is wrong 3"));
        assertFalse(thirdWasProcessed, "a record after a failure in its group is not processed");
        Map<String, Message> results = readResults(2);
        assertEquals(2, results.size());
        assertTrue(results.containsKey(LambdaEvents.messageId(event, 0)));
        assertTrue(results.containsKey(LambdaEvents.messageId(event, 3)));
    }

    @Test
    void aResultThatCannotBeWrittenIsReportedForRetry() {
        sqs.deleteQueue(b -> b.queueUrl(resultsQueue));
        ObjectNode event = LambdaEvents.sqs(GOOD.formatted(1, 1), GOOD.formatted(2, 2));
        try {
            Response response = LambdaEvents.invoke(event);

            response.then().statusCode(200);
            assertEquals(List.of(LambdaEvents.messageId(event, 0), LambdaEvents.messageId(event, 1)),
                    response.jsonPath().getList("batchItemFailures.itemIdentifier"));
        } finally {
            ElasticMq.createResultsQueue();
        }
    }

    /** Reads the results queue until {@code expected} messages arrived or a few empty polls passed. */
    private Map<String, Message> readResults(int expected) {
        Map<String, Message> bySource = new HashMap<>();
        List<Message> all = new ArrayList<>();
        for (int polls = 0; polls < 10 && bySource.size() < expected; polls++) {
            List<Message> batch;
            try {
                batch = sqs.receiveMessage(b -> b.queueUrl(resultsQueue).maxNumberOfMessages(10).waitTimeSeconds(1)
                        .messageAttributeNames("All")).messages();
            } catch (QueueDoesNotExistException e) {
                return bySource;
            }
            all.addAll(batch);
            for (Message message : batch) {
                try {
                    bySource.put(JSON.readTree(message.body()).get("sourceMessageId").asText(), message);
                } catch (Exception e) {
                    throw new AssertionError("result is not JSON", e);
                }
            }
        }
        assertNull(findDuplicate(all), "a result was written twice");
        return bySource;
    }

    private static String findDuplicate(List<Message> messages) {
        Map<String, Boolean> seen = new HashMap<>();
        for (Message message : messages) {
            if (seen.put(message.messageId(), true) != null) {
                return message.messageId();
            }
        }
        return null;
    }


    /** The largest number of calls whose [received, received + heldMs) windows overlap. */
    private static int mostCallsInFlightAtOnce(List<com.github.tomakehurst.wiremock.verification.LoggedRequest> calls,
            long heldMs) {
        List<Long> received = calls.stream().map(call -> call.getLoggedDate().getTime()).sorted().toList();
        int most = 0;
        for (int i = 0; i < received.size(); i++) {
            int inFlight = 0;
            for (int j = 0; j <= i; j++) {
                if (received.get(j) + heldMs > received.get(i)) {
                    inFlight++;
                }
            }
            most = Math.max(most, inFlight);
        }
        return most;
    }
}
