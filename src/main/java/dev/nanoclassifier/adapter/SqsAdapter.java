package dev.nanoclassifier.adapter;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.nanoclassifier.answer.Answerer;
import dev.nanoclassifier.answer.Outcome;
import dev.nanoclassifier.classifier.budget.Deadline;
import dev.nanoclassifier.config.ClassifierConfig;
import dev.nanoclassifier.event.SqsBatchResponse;
import dev.nanoclassifier.event.SqsMessage;
import dev.nanoclassifier.observability.Invocation;
import dev.nanoclassifier.request.RequestParser;
import dev.nanoclassifier.result.ClassificationResult;
import dev.nanoclassifier.result.ErrorBody;
import dev.nanoclassifier.result.OutcomeKind;
import dev.nanoclassifier.sink.LogResultSink;
import dev.nanoclassifier.sink.QueueResult;
import dev.nanoclassifier.sink.ResultSink;
import dev.nanoclassifier.sink.SqsResultSink;

/**
 * An SQS batch: records are answered concurrently (at most {@code classifier.queue.batch-concurrency}
 * at once), FIFO message groups in order within each group. Every record ends either with its result
 * written to the results destination or in {@code batchItemFailures}:
 * <ul>
 * <li>answered: result written (a failed write makes it a failure);</li>
 * <li>invalid body: a {@code rejected} result is written, not retried;</li>
 * <li>no step could answer (e.g. {@code "fallback":"none"} and the model down): failure, retried;</li>
 * <li>FIFO: after a failure in a group, the group's later records are failures without being processed.</li>
 * </ul>
 * Each record goes through the {@link Answerer}; this class only maps its outcome. Nothing here
 * throws for the whole batch.
 */
@Singleton
public class SqsAdapter {

    private static final Logger LOG = Logger.getLogger(SqsAdapter.class);

    private final RequestParser parser;
    private final Answerer answerer;
    private final ObjectMapper mapper;
    private final ResultSink sink;
    private final ExecutorService workers;
    private final long marginMs;

    public SqsAdapter(RequestParser parser, Answerer answerer, ObjectMapper mapper, ClassifierConfig config,
            Instance<SqsResultSink> sqsSink, LogResultSink logSink) {
        this.parser = parser;
        this.answerer = answerer;
        this.mapper = mapper;
        this.sink = config.resultQueueUrl().isPresent() ? sqsSink.get() : logSink;
        this.workers = Executors.newFixedThreadPool(Math.max(1, config.batchConcurrency()), daemonThreads());
        this.marginMs = config.timeouts().deadlineMargin().toMillis();
    }

    /** One record's end: its kind, and for an answered or rejected record the result to write. */
    private record Processed(SqsMessage message, OutcomeKind kind, QueueResult result) {
    }

    public SqsBatchResponse handle(List<SqsMessage> messages, Deadline deadline, Invocation invocation) {
        Map<String, List<SqsMessage>> lanes = lanes(messages);
        List<Future<List<Processed>>> running = new ArrayList<>(lanes.size());
        for (List<SqsMessage> lane : lanes.values()) {
            running.add(workers.submit(() -> processInOrder(lane, deadline, invocation)));
        }
        List<Processed> outcomes = new ArrayList<>(messages.size());
        Set<String> failed = new HashSet<>();
        int index = 0;
        for (List<SqsMessage> lane : lanes.values()) {
            Future<List<Processed>> future = running.get(index++);
            try {
                outcomes.addAll(future.get(Math.max(1, deadline.remainingMillis() - marginMs / 2), TimeUnit.MILLISECONDS));
            } catch (Exception e) {
                future.cancel(true);
                LOG.warnf("Records of a batch did not finish in time (%s); they will be delivered again",
                        e.getClass().getSimpleName());
                lane.forEach(message -> failed.add(message.messageId()));
            }
        }
        List<QueueResult> toWrite = new ArrayList<>();
        for (Processed outcome : outcomes) {
            if (outcome.kind() == OutcomeKind.FAILED) {
                failed.add(outcome.message().messageId());
            } else {
                toWrite.add(outcome.result());
            }
        }
        failed.addAll(sink.publish(toWrite));
        return SqsBatchResponse.of(failedInBatchOrder(messages, lanes, failed));
    }

    /**
     * Standard queue: every record is its own lane. FIFO: one lane per message group, in order.
     */
    private static Map<String, List<SqsMessage>> lanes(List<SqsMessage> messages) {
        Map<String, List<SqsMessage>> lanes = new LinkedHashMap<>();
        for (SqsMessage message : messages) {
            String lane = message.messageGroupId() == null ? "record:" + message.messageId()
                    : "group:" + message.messageGroupId();
            lanes.computeIfAbsent(lane, key -> new ArrayList<>()).add(message);
        }
        return lanes;
    }

    private List<Processed> processInOrder(List<SqsMessage> lane, Deadline deadline, Invocation invocation) {
        List<Processed> outcomes = new ArrayList<>(lane.size());
        boolean groupFailed = false;
        for (SqsMessage message : lane) {
            Processed outcome = groupFailed ? new Processed(message, OutcomeKind.FAILED, null)
                    : process(message, deadline, invocation.forMessage(message.messageId()));
            groupFailed |= outcome.kind() == OutcomeKind.FAILED;
            outcomes.add(outcome);
        }
        return outcomes;
    }

    private Processed process(SqsMessage message, Deadline deadline, Invocation invocation) {
        Outcome outcome = answerer.answer(() -> parser.parse(message.body(), null), deadline, invocation);
        return outcome.match(answered -> {
            ClassificationResult result = answered.result();
            ObjectNode body = mapper.valueToTree(result);
            body.put("sourceMessageId", message.messageId());
            return new Processed(message, OutcomeKind.ANSWERED, new QueueResult(message, body, OutcomeKind.ANSWERED,
                    result.task(), result.label(), result.degraded()));
        }, rejected -> {
            ObjectNode body = mapper.createObjectNode();
            body.put("id", rejected.requestId());
            body.put("status", "rejected");
            body.set("error", mapper.valueToTree(ErrorBody.of(rejected.code(), rejected.message(), rejected.field()).error()));
            body.put("sourceMessageId", message.messageId());
            return new Processed(message, OutcomeKind.REJECTED, new QueueResult(message, body, OutcomeKind.REJECTED,
                    rejected.task(), null, false));
        }, failed -> new Processed(message, OutcomeKind.FAILED, null));
    }

    /** Failed ids in batch order; in a FIFO group, every record after a failed one fails too. */
    private static List<String> failedInBatchOrder(List<SqsMessage> messages, Map<String, List<SqsMessage>> lanes,
            Set<String> failed) {
        Set<String> all = new HashSet<>(failed);
        for (List<SqsMessage> lane : lanes.values()) {
            boolean after = false;
            for (SqsMessage message : lane) {
                after |= failed.contains(message.messageId());
                if (after && message.messageGroupId() != null) {
                    all.add(message.messageId());
                }
            }
        }
        List<String> ordered = new ArrayList<>();
        for (SqsMessage message : messages) {
            if (all.contains(message.messageId())) {
                ordered.add(message.messageId());
            }
        }
        return ordered;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "sqs-record-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
