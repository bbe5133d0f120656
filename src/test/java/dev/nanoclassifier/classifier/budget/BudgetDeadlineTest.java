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

/** With 3 s to the deadline, a 5 MB request never keeps the function busy past it (it once took 24.5 s). */
@QuarkusTest
@TestProfile(Profiles.ThreeSecondDeadline.class)
class BudgetDeadlineTest {

    private static final long DEADLINE_MS = 3_000;

    @InjectOpenAiStub
    WireMockServer openai;

    @BeforeEach
    void reset() {
        openai.resetAll();
        primaryAnswers(openai, "{\"label\":\"topic-7\"}");
        LambdaEvents.invoke(LabelBudgetTest.request(2, 100)).then().statusCode(200);
    }

    @Test
    void fiveMegabytesOfLabelTextAreAnsweredBeforeTheDeadline() {
        String request = LabelBudgetTest.request(100, 50_000).toString();
        long start = System.nanoTime();

        Response response = LambdaEvents.invoke(request);

        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertTrue(elapsedMs < DEADLINE_MS, "answered after " + elapsedMs + " ms, past the 3 s deadline");
        String outcome = response.asString();
        assertTrue(response.statusCode() == 200 ? outcome.contains("\"label\"") : outcome.contains("deadline"),
                "neither an answer nor a deadline error: " + outcome.substring(0, Math.min(500, outcome.length())));
    }
}
