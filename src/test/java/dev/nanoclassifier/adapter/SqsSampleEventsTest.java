package dev.nanoclassifier.adapter;

import static dev.nanoclassifier.support.ChatCompletions.primaryRequests;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import dev.nanoclassifier.support.Profiles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * AWS's SQS sample events, unmodified: none holds a classification request, so every record gets a
 * {@code rejected} result naming the field, and none is retried (a retry could not fix it).
 */
@QuarkusTest
@TestProfile(Profiles.ResultsQueue.class)
class SqsSampleEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectOpenAiStub
    WireMockServer openai;

    @BeforeEach
    void reset() {
        openai.resetAll();
        ElasticMq.emptyResultsQueue();
    }

    @Test
    void singleRecordSampleIsRejectedNamingTheField() throws Exception {
        rejectsEveryRecord("sqs-single.json", "id: must be a string, not a number");
    }

    @Test
    void emptyBodySampleIsRejectedNamingTheBody() throws Exception {
        rejectsEveryRecord("sqs-empty-body.json", "body: is empty; expected a JSON object");
    }

    /** The sample repeats message ids (16 distinct in 25 records): each record still gets its own result. */
    @Test
    void largeSampleBatchHasEveryRecordRejected() throws Exception {
        rejectsEveryRecord("sqs-batch-large.json", "id: must be a string, not a number");
    }

    private void rejectsEveryRecord(String fixture, String message) throws Exception {
        ObjectNode event = LambdaEvents.fixture(fixture);
        int records = event.get("Records").size();

        LambdaEvents.invoke(event).then().statusCode(200).body("batchItemFailures", empty());

        List<JsonNode> results = new ArrayList<>();
        for (Message written : ElasticMq.readResults(records, 10)) {
            results.add(JSON.readTree(written.body()));
        }
        assertEquals(records, results.size(), fixture);
        Map<String, Integer> expected = new HashMap<>();
        Map<String, Integer> written = new HashMap<>();
        for (int i = 0; i < records; i++) {
            expected.merge(LambdaEvents.messageId(event, i), 1, Integer::sum);
        }
        for (JsonNode result : results) {
            written.merge(result.get("sourceMessageId").asText(), 1, Integer::sum);
            assertEquals("rejected", result.get("status").asText(), fixture);
            assertEquals(message, result.at("/error/message").asText(), fixture);
        }
        assertEquals(expected, written, fixture);
        assertEquals(0, primaryRequests(openai).size());
    }
}
