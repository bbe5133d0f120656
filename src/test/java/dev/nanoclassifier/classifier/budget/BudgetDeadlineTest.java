package dev.nanoclassifier.classifier.budget;

import static dev.nanoclassifier.support.ChatCompletions.primaryAnswers;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import dev.nanoclassifier.support.InjectOpenAiStub;
import dev.nanoclassifier.support.LambdaEvents;
import dev.nanoclassifier.support.Profiles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * With 3 s to the deadline, a 5 MB request never keeps the function busy long past it (it once took
 * 24.5 s): counting and cutting stop when the deadline is near. The bound allows for moving 5 MB
 * through the local event server, which the function's deadline does not include.
 */
@QuarkusTest
@TestProfile(Profiles.ThreeSecondDeadline.class)
class BudgetDeadlineTest {

    private static final long DEADLINE_MS = 3_000;
    private static final long TRANSPORT_MS = 5_000;

    @InjectOpenAiStub
    WireMockServer openai;

    @BeforeEach
    void reset() {
        openai.resetAll();
        primaryAnswers(openai, "{\"label\":\"topic-7\"}");
        // Loads the encoding (once per environment) and warms the code; under load this may itself hit the deadline.
        LambdaEvents.invoke(LabelBudgetTest.request(10, 10_000));
    }

    @Test
    void fiveMegabytesOfLabelTextAreGivenUpAtTheDeadlineNotWorkedOnPastIt() {
        String request = LabelBudgetTest.request(100, 50_000).toString();
        long start = System.nanoTime();

        Response response = LambdaEvents.invoke(request);

        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertTrue(elapsedMs < DEADLINE_MS + TRANSPORT_MS, "answered after " + elapsedMs + " ms, past the 3 s deadline");
        String outcome = response.asString();
        assertTrue(response.statusCode() == 200 ? outcome.contains("\"label\"") : outcome.contains("deadline"),
                "neither an answer nor a deadline error: " + outcome.substring(0, Math.min(500, outcome.length())));
    }
}
