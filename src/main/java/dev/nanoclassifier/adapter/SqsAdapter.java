package dev.nanoclassifier.adapter;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.nanoclassifier.answer.Answerer;
import dev.nanoclassifier.answer.Outcome;
import dev.nanoclassifier.classifier.budget.Deadline;
import dev.nanoclassifier.config.ClassifierConfig;
import dev.nanoclassifier.event.InboundMessage;
import dev.nanoclassifier.event.SqsBatchResponse;
import dev.nanoclassifier.observability.Invocation;
import dev.nanoclassifier.observability.InvocationContext;
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
 * <li>not finished when time is up (the deadline less half the margin, kept for writing the results): failure;
 * a record answered by then is written and never reported, even when a later record of its group did not finish.</li>
 * </ul>
 * SNS notifications and EventBridge events go through here too ({@link NotificationAdapter}).
 * Each record goes through the {@link Answerer}; this class only maps its outcome, and the order
 * rules (lanes, FIFO groups, which records SQS gets back) are {@link SqsLanes}'. Nothing here
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
    private record Processed(InboundMessage message, OutcomeKind kind, QueueResult result) {
    }

    public SqsBatchResponse handle(List<InboundMessage> messages, Deadline deadline, Invocation invocation) {
        SqsLanes lanes = new SqsLanes(messages);
        AtomicReferenceArray<Processed> ends = new AtomicReferenceArray<>(messages.size());
        CountDownLatch lanesDone = new CountDownLatch(lanes.lanes().size());
        List<Future<?>> running = new ArrayList<>(lanes.lanes().size());
        InvocationContext context = InvocationContext.current();
        for (List<Integer> lane : lanes.lanes()) {
            Callable<Void> work = () -> {
                try {
                    processInOrder(messages, lane, ends, deadline, invocation);
                } finally {
                    lanesDone.countDown();
                }
                return null;
            };
            // The workers' log lines carry the invocation's fields too.
            running.add(workers.submit(context == null ? work : context.wrap(work)));
        }
        if (!awaitUntil(lanesDone, deadline)) {
            running.forEach(future -> future.cancel(true));
        }
        // Each record as it ended by now: an answered record is written even when its group did not finish.
        Set<String> failed = new HashSet<>();
        List<QueueResult> toWrite = new ArrayList<>();
        int unfinished = 0;
        for (int i = 0; i < messages.size(); i++) {
            Processed end = ends.get(i);
            if (end == null || end.kind() == OutcomeKind.FAILED) {
                failed.add(messages.get(i).messageId());
                unfinished += end == null ? 1 : 0;
            } else {
                toWrite.add(end.result());
            }
        }
        if (unfinished > 0) {
            LOG.warnf("%d records of a batch did not finish in time; they will be delivered again", unfinished);
        }
        failed.addAll(sink.publish(toWrite));
        return SqsBatchResponse.of(lanes.failedInBatchOrder(failed));
    }

    /**
     * Waits for every lane until the deadline less what writing the results and the response
     * takes ({@code deadline-margin / 2}; the model steps already stop at {@code deadline-margin}).
     */
    private boolean awaitUntil(CountDownLatch lanesDone, Deadline deadline) {
        try {
            return lanesDone.await(Math.max(0, deadline.remainingMillis() - marginMs / 2), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A lane's records in order, each end recorded as soon as it is known; after a failure the rest fail. */
    private void processInOrder(List<InboundMessage> messages, List<Integer> lane, AtomicReferenceArray<Processed> ends,
            Deadline deadline, Invocation invocation) {
        SqsLanes.processInOrder(lane,
                index -> process(messages.get(index), deadline, invocation.forMessage(messages.get(index).messageId())),
                end -> end.kind() == OutcomeKind.FAILED,
                index -> new Processed(messages.get(index), OutcomeKind.FAILED, null),
                ends::set);
    }

    private Processed process(InboundMessage message, Deadline deadline, Invocation invocation) {
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

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "sqs-record-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
