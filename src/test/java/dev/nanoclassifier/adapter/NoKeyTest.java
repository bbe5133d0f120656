package dev.nanoclassifier.adapter;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import dev.nanoclassifier.support.ChatCompletions;
import dev.nanoclassifier.support.InjectOpenAiStub;
import dev.nanoclassifier.support.LambdaEvents;
import dev.nanoclassifier.support.Profiles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Without OPENAI_API_KEY the embedded lexical classifier does the job, at no cost, and no model is called. */
@QuarkusTest
@TestProfile(Profiles.NoKey.class)
class NoKeyTest {

    @InjectOpenAiStub
    WireMockServer openai;

    @Test
    void namedClassifierIsAnsweredLocally() {
        LambdaEvents.invoke("{\"classifier\":\"support-triage\",\"input\":\"I was charged twice, please refund me\"}")
                .then().statusCode(200)
                .body("label", equalTo("billing"))
                .body("model", equalTo("local"))
                .body("degraded", equalTo(false))
                .body("usage.costUsd", equalTo(0))
                .body("attempts.step", contains("local"));

        assertEquals(0, ChatCompletions.primaryRequests(openai).size());
    }

    @Test
    void rankingIsAnsweredLocally() {
        LambdaEvents.invoke("""
                {"task":"rank","query":"reset my password","candidates":[{"id":"a","text":"Billing and invoices"},
                 {"id":"b","text":"How to reset your password"}],"topK":1}""")
                .then().statusCode(200)
                .body("ranking.id", contains("b"))
                .body("model", equalTo("local"));
    }

    @Test
    void fallbackNoneStillAnswersLocallyWhenNoModelIsConfigured() {
        LambdaEvents.invoke(LambdaEvents.httpApiV2("POST", "/classify",
                "{\"classifier\":\"escalation-router\",\"input\":\"Prove that there are infinitely many primes\",\"fallback\":\"none\"}"))
                .then().statusCode(200)
                .body("statusCode", equalTo(200));
    }

    @Test
    void sqsRecordsAreAnsweredLocallyAndNoneFails() {
        var event = LambdaEvents.sqs("{\"classifier\":\"support-triage\",\"input\":\"The app crashes on start\"}",
                "{\"classifier\":\"support-triage\",\"input\":\"Please add an export to CSV\"}");

        LambdaEvents.invoke(event).then().statusCode(200).body("batchItemFailures", empty());
    }
}
