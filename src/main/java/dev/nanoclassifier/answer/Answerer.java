package dev.nanoclassifier.answer;

import java.util.List;
import java.util.function.Supplier;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dev.nanoclassifier.classifier.Classifier;
import dev.nanoclassifier.classifier.ModelUnavailableException;
import dev.nanoclassifier.classifier.budget.Deadline;
import dev.nanoclassifier.observability.EmfMetrics;
import dev.nanoclassifier.observability.Invocation;
import dev.nanoclassifier.observability.RequestLog;
import dev.nanoclassifier.request.ClassificationRequest;
import dev.nanoclassifier.request.InvalidRequestException;
import dev.nanoclassifier.result.ClassificationResult;

/**
 * The one error path of every trigger: reads the request (which may fail), answers it, and turns
 * whatever happened into an {@link Outcome}. Every request gets exactly one request log line,
 * whatever its outcome, and an answered one its metrics line. Nothing is thrown out of here; the
 * adapters only map the outcome to their trigger's shape.
 */
@Singleton
public class Answerer {

    private static final Logger LOG = Logger.getLogger(Answerer.class);

    private final Classifier classifier;
    private final RequestLog log;
    private final EmfMetrics metrics;

    public Answerer(Classifier classifier, RequestLog log, EmfMetrics metrics) {
        this.classifier = classifier;
        this.log = log;
        this.metrics = metrics;
    }

    /**
     * Reads the request with {@code read} (an {@link InvalidRequestException} there is a
     * rejection) and answers it within {@code deadline}.
     */
    public Outcome answer(Supplier<ClassificationRequest> read, Deadline deadline, Invocation invocation) {
        ClassificationRequest request = null;
        try {
            request = read.get();
            ClassificationResult result = classifier.classify(request, deadline);
            log.answered(invocation, request.text(), result);
            metrics.record(result);
            return new Outcome.Answered(result);
        } catch (InvalidRequestException e) {
            Outcome.Rejected rejected = new Outcome.Rejected(e.code(), e.getMessage(), e.field(),
                    request == null ? null : request.id(), request == null ? null : request.task().wireName(), e);
            log.failed(invocation, rejected.kind(), rejected.code(), rejected.message(), textOf(request));
            return rejected;
        } catch (ModelUnavailableException e) {
            Outcome.Failed failed = new Outcome.Failed(e.reason(), e.retryAfterMs(), e.attempts(), e.getMessage(), e);
            log.failed(invocation, failed.kind(), failed.code(), failed.message(), textOf(request));
            return failed;
        } catch (RuntimeException e) {
            LOG.errorf("Request failed unexpectedly (%s%s): %s", invocation.trigger(),
                    invocation.messageId() == null ? "" : " message " + invocation.messageId(), e.getClass().getName());
            Outcome.Failed failed = new Outcome.Failed(null, -1, List.of(), "the request could not be answered", e);
            log.failed(invocation, failed.kind(), failed.code(), e.getClass().getSimpleName(), textOf(request));
            return failed;
        }
    }

    /** A request refused before it could be read (its envelope or size); logged like any other. */
    public Outcome reject(InvalidRequestException refusal, Invocation invocation) {
        return answer(() -> {
            throw refusal;
        }, null, invocation);
    }

    private static String textOf(ClassificationRequest request) {
        return request == null ? null : request.text();
    }
}
