package dev.nanoclassifier.sink;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.nanoclassifier.config.ClassifierConfig;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * Sends results to {@code CLASSIFIER_RESULT_QUEUE_URL} with {@code SendMessageBatch}, ten at a
 * time, with message attributes {@code label}, {@code degraded}, {@code task} and {@code outcome}.
 * A result whose entry failed, or whose whole send failed, is reported back so the source record
 * is delivered again. A FIFO results queue gets the source's group and its message id for
 * de-duplication.
 *
 * <p>Created only when the queue is configured (the SQS adapter looks it up lazily), at init, so a
 * SnapStart snapshot holds it. It builds its own SDK client (url-connection HTTP client; region,
 * credentials and an endpoint override such as {@code AWS_ENDPOINT_URL_SQS} from the SDK's usual
 * environment settings) from the plain AWS SDK module: the quarkus-amazon-sqs extension, which set up
 * its client builder, its config and the SDK's netty transport at every start, queue or not, is not
 * used.
 */
@Singleton
public class SqsResultSink implements ResultSink {

    private static final Logger LOG = Logger.getLogger(SqsResultSink.class);
    private static final int MAX_BATCH = 10;

    private final SqsClient sqs;
    private final ObjectMapper mapper;
    private final String queueUrl;
    private final boolean fifo;

    public SqsResultSink(ObjectMapper mapper, ClassifierConfig config) {
        this.sqs = SqsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        this.mapper = mapper;
        this.queueUrl = config.resultQueueUrl().orElseThrow();
        this.fifo = queueUrl.endsWith(".fifo");
    }

    @Override
    public Set<String> publish(List<QueueResult> results) {
        Set<String> failed = new HashSet<>();
        for (int from = 0; from < results.size(); from += MAX_BATCH) {
            List<QueueResult> chunk = results.subList(from, Math.min(results.size(), from + MAX_BATCH));
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>(chunk.size());
            for (int i = 0; i < chunk.size(); i++) {
                entries.add(entry(Integer.toString(i), chunk.get(i)));
            }
            try {
                SendMessageBatchResponse response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
                for (BatchResultErrorEntry error : response.failed()) {
                    failed.add(chunk.get(Integer.parseInt(error.id())).source().messageId());
                    LOG.warnf("Result of message %s not written to the results queue: %s",
                            chunk.get(Integer.parseInt(error.id())).source().messageId(), error.code());
                }
            } catch (RuntimeException e) {
                LOG.warnf("Results queue send of %d results failed: %s", chunk.size(), e.getClass().getSimpleName());
                chunk.forEach(result -> failed.add(result.source().messageId()));
            }
        }
        return failed;
    }

    private SendMessageBatchRequestEntry entry(String id, QueueResult result) {
        Map<String, MessageAttributeValue> attributes = Map.of(
                "label", text(result.label() == null ? "" : result.label()),
                "degraded", text(Boolean.toString(result.degraded())),
                "task", text(result.task() == null ? "" : result.task()),
                "outcome", text(result.outcome().wireName()));
        SendMessageBatchRequestEntry.Builder entry = SendMessageBatchRequestEntry.builder()
                .id(id)
                .messageBody(json(result))
                .messageAttributes(attributes);
        if (fifo) {
            String group = result.source().messageGroupId();
            entry.messageGroupId(group == null ? "results" : group)
                    .messageDeduplicationId(result.source().messageId());
        }
        return entry.build();
    }

    private String json(QueueResult result) {
        try {
            return mapper.writeValueAsString(result.body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("result could not be written as JSON", e);
        }
    }

    private static MessageAttributeValue text(String value) {
        // SQS refuses empty attribute values: an absent label is sent as "-".
        return MessageAttributeValue.builder().dataType("String").stringValue(value.isEmpty() ? "-" : value).build();
    }
}
