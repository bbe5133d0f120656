package dev.nanoclassifier.adapter;

import static dev.nanoclassifier.support.ChatCompletions.primaryAnswers;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Singleton;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import dev.nanoclassifier.sink.LogResultSink;
import dev.nanoclassifier.sink.SqsResultSink;
import dev.nanoclassifier.support.InjectOpenAiStub;
import dev.nanoclassifier.support.LambdaEvents;
import dev.nanoclassifier.support.Profiles;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableBean;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * No results queue and the API key given directly: an SQS batch is answered and its results go to
 * the log, and no AWS client exists in the application, neither our {@link SqsResultSink} nor an
 * {@code SqsClient} bean. (That no SDK service class is even loaded is
 * checked on the packaged jar by {@code PackagedJvmStartIT}.)
 */
@QuarkusTest
@TestProfile(Profiles.Stubbed.class)
class NoAwsClientWithoutSettingTest {

    @InjectOpenAiStub
    WireMockServer openai;

    @Test
    void sqsBatchWithoutResultsQueueCreatesNoSqsClient() {
        // Arrange
        openai.resetAll();
        primaryAnswers(openai, "{\"label\":\"billing\"}");

        // Act
        LambdaEvents.invoke(LambdaEvents.sqs("{\"input\":\"charged twice\",\"labels\":[\"billing\",\"bug\"]}"))
                .then().statusCode(200).body("batchItemFailures", empty());
        List<Class<?>> singletons = Arc.container().getActiveContext(Singleton.class).getState()
                .getContextualInstances().keySet().stream()
                .<Class<?>> map(InjectableBean::getBeanClass)
                .toList();

        // Assert
        assertTrue(singletons.contains(LogResultSink.class), "results went to the log sink: " + singletons);
        assertFalse(singletons.contains(SqsResultSink.class), "the SQS sink was created: " + singletons);
        assertFalse(Arc.container().instance(SqsClient.class).isAvailable(), "an SqsClient bean exists");
        assertEquals(1, openai.getAllServeEvents().size());
    }
}
