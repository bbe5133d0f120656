package dev.nanoclassifier.support;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * A real SQS-compatible server (ElasticMQ) in this JVM on 127.0.0.1 with a dynamic port, with the
 * results queue created and {@code CLASSIFIER_RESULT_QUEUE_URL} pointing at it.
 */
public class ElasticMq implements QuarkusTestResourceLifecycleManager {

    public static final String RESULTS_QUEUE = "classifier-results";

    private static SQSRestServer server;
    private static String endpoint;

    @Override
    public Map<String, String> start() {
        server = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
        endpoint = "http://127.0.0.1:" + server.waitUntilStarted().localAddress().getPort();
        String queueUrl = createResultsQueue();
        return Map.of(
                "classifier.result-queue-url", queueUrl,
                "quarkus.sqs.endpoint-override", endpoint,
                "quarkus.sqs.aws.region", "us-east-1",
                "quarkus.sqs.aws.credentials.type", "static",
                "quarkus.sqs.aws.credentials.static-provider.access-key-id", "test-key",
                "quarkus.sqs.aws.credentials.static-provider.secret-access-key", "test-secret");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stopAndWait();
        }
    }

    /** A client of the test server, for tests that read the results back. */
    public static SqsClient client() {
        return SqsClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test-key", "test-secret")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    /** The results queue, created again if a test deleted it, and emptied. */
    public static String emptyResultsQueue() {
        String queueUrl = createResultsQueue();
        try (SqsClient sqs = client()) {
            sqs.purgeQueue(b -> b.queueUrl(queueUrl));
        }
        return queueUrl;
    }

    /**
     * The results written since the queue was emptied, with their attributes: read until
     * {@code expected} arrived or {@code polls} one-second polls passed. A message read is not read again.
     */
    public static List<Message> readResults(int expected, int polls) {
        String queueUrl = createResultsQueue();
        List<Message> results = new ArrayList<>();
        try (SqsClient sqs = client()) {
            for (int poll = 0; poll < polls && results.size() < expected; poll++) {
                results.addAll(sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)
                        .messageAttributeNames("All")).messages());
            }
        }
        return results;
    }

    public static String createResultsQueue() {
        try (SqsClient sqs = client()) {
            return sqs.createQueue(b -> b.queueName(RESULTS_QUEUE)).queueUrl();
        }
    }
}
