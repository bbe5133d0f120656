package dev.nanoclassifier.adapter;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.nanoclassifier.support.ChatCompletions.answer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;

import dev.nanoclassifier.support.InjectOpenAiStub;
import dev.nanoclassifier.support.LambdaEvents;
import dev.nanoclassifier.support.OpenAiStub;
import dev.nanoclassifier.support.Profiles;
import dev.nanoclassifier.support.StdoutCapture;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * An SQS batch at its deadline (3 s here): a record that was answered is never reported in
 * {@code batchItemFailures} (SQS would deliver it again and the model be paid twice), even when a
 * later record of its FIFO group is still running when time is up; every record ends exactly once,
 * answered (result written) or reported for retry.
 */
@QuarkusTest
@TestProfile(Profiles.ThreeSecondDeadline.class)
class SqsDeadlineTest {

    private static final String QUICK = "{\"id\":\"quick\",\"input\":\"My invoice is wrong\",\"labels\":[\"billing\",\"bug\"]}";
    /** 5 MB of label descriptions: more work than 3 s allow on the machines these tests run on. */
    private static final String HEAVY = dev.nanoclassifier.classifier.budget.LabelBudgetTest.request(100, 50_000)
            .put("id", "heavy").put("fallback", "none").toString();

    @InjectOpenAiStub
    WireMockServer openai;

    @BeforeEach
    void reset() {
        openai.resetAll();
        openai.stubFor(post(urlEqualTo(OpenAiStub.PRIMARY_PATH)).atPriority(5).willReturn(answer("{\"label\":\"billing\"}")));
        LambdaEvents.invoke(LambdaEvents.httpApiV2("GET", "/health", null)).then().statusCode(200);
    }

    @Test
    void answeredRecordOfAGroupThatRanOutOfTimeIsNotReportedForRetry() {
        ObjectNode event = LambdaEvents.sqs(QUICK, HEAVY);
        for (int i = 0; i < 2; i++) {
            ((ObjectNode) event.get("Records").get(i).get("attributes")).put("MessageGroupId", "customer-1");
        }

        String lines;
        Response response;
        try (StdoutCapture stdout = new StdoutCapture()) {
            response = LambdaEvents.invoke(event);
            lines = String.join("\n", stdout.lines());
        }

        response.then().statusCode(200);
        List<String> failures = response.jsonPath().getList("batchItemFailures.itemIdentifier");
        String quick = LambdaEvents.messageId(event, 0);
        String heavy = LambdaEvents.messageId(event, 1);
        assertFalse(failures.contains(quick), "the answered record is delivered again: " + failures);
        assertEquals(1, occurrences(lines, "\"sourceMessageId\":\"" + quick + "\""), "the answered record's result: " + lines);
        assertEquals(1, occurrences(lines, "\"sourceMessageId\":\"" + heavy + "\"") + (failures.contains(heavy) ? 1 : 0),
                "the heavy record ends once, written or retried: " + failures);
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
