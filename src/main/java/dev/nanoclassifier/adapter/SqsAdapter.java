package dev.nanoclassifier.adapter;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
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

import dev.nanoclassifier.classifier.ModelUnavailableException;
import dev.nanoclassifier.classifier.budget.Deadline;
import dev.nanoclassifier.config.ClassifierConfig;
import dev.nanoclassifier.event.ErrorBody;
import dev.nanoclassifier.event.SqsBatchResponse;
import dev.nanoclassifier.event.SqsMessage;
import dev.nanoclassifier.observability.Invocation;
import dev.nanoclassifier.observability.InvocationContext;
import dev.nanoclassifier.request.ClassificationRequest;
import dev.nanoclassifier.request.InvalidRequestException;
import dev.nanoclassifier.request.RequestParser;
import dev.nanoclassifier.result.ClassificationResult;

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
 * Nothing here throws for the whole batch.
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

    private enum Kind {
        ANSWERED,
        REJECTED,
        FAILED
    }

    private record Outcome(SqsMessage message, Kind kind, QueueResult result) {
    }

    public SqsBatchResponse handle(List<SqsMessage> messages, Deadline deadline, Invocation invocation) {
        Map<String, List<SqsMessage>> lanes = lanes(messages);
        List<Future<List<Outcome>>> running = new ArrayList<>(lanes.size());
        InvocationContext context = InvocationContext.current();
        for (List<SqsMessage> lane : lanes.values()) {
            Callable<List<Outcome>> work = () -> processInOrder(lane, deadline, invocation);
            // The workers' log lines carry the invocation's fields too.
            running.add(workers.submit(context == null ? work : context.wrap(work)));
        }
        List<Outcome> outcomes = new ArrayList<>(messages.size());
        Set<String> failed = new HashSet<>();
        int index = 0;
        for (List<SqsMessage> lane : lanes.values()) {
            Future<List<Outcome>> future = running.get(index++);
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
        for (Outcome outcome : outcomes) {
            if (outcome.kind() == Kind.FAILED) {
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

    private List<Outcome> processInOrder(List<SqsMessage> lane, Deadline deadline, Invocation invocation) {
        List<Outcome> outcomes = new ArrayList<>(lane.size());
        boolean groupFailed = false;
        for (SqsMessage message : lane) {
            Outcome outcome = groupFailed ? new Outcome(message, Kind.FAILED, null)
                    : process(message, deadline, invocation.forMessage(message.messageId()));
            groupFailed |= outcome.kind() == Kind.FAILED;
            outcomes.add(outcome);
        }
        return outcomes;
    }

    private Outcome process(SqsMessage message, Deadline deadline, Invocation invocation) {
        ClassificationRequest request = null;
        try {
            request = parser.parse(message.body(), null);
            ClassificationResult result = answerer.answer(request, deadline, invocation);
            ObjectNode body = mapper.valueToTree(result);
            body.put("sourceMessageId", message.messageId());
            return new Outcome(message, Kind.ANSWERED, new QueueResult(message, body, "answered", result.task(),
                    result.label(), result.degraded()));
        } catch (InvalidRequestException e) {
            String code = e.code();
            answerer.failed(invocation, "rejected", code, e.getMessage(), request);
            ObjectNode body = mapper.createObjectNode();
            body.put("id", request == null ? null : request.id());
            body.put("status", "rejected");
            body.set("error", mapper.valueToTree(ErrorBody.of(code, e.getMessage(), e.field()).error()));
            body.put("sourceMessageId", message.messageId());
            return new Outcome(message, Kind.REJECTED, new QueueResult(message, body, "rejected",
                    request == null ? null : request.task().wireName(), null, false));
        } catch (ModelUnavailableException e) {
            answerer.failed(invocation, "failed", e.reason().wireName(), e.getMessage(), request);
            return new Outcome(message, Kind.FAILED, null);
        } catch (RuntimeException e) {
            LOG.errorf("Record %s failed unexpectedly: %s", message.messageId(), e.getClass().getName());
            answerer.failed(invocation, "failed", "internal_error", e.getClass().getSimpleName(), request);
            return new Outcome(message, Kind.FAILED, null);
        }
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
