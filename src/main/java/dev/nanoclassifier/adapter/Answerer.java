package dev.nanoclassifier.adapter;

import jakarta.inject.Singleton;

import dev.nanoclassifier.classifier.Classifier;
import dev.nanoclassifier.classifier.budget.Deadline;
import dev.nanoclassifier.observability.EmfMetrics;
import dev.nanoclassifier.observability.Invocation;
import dev.nanoclassifier.observability.RequestLog;
import dev.nanoclassifier.request.ClassificationRequest;
import dev.nanoclassifier.result.ClassificationResult;

/** Answers one request for any trigger and records it: the request log line and the metrics line. */
@Singleton
public class Answerer {

    private final Classifier classifier;
    private final RequestLog log;
    private final EmfMetrics metrics;

    public Answerer(Classifier classifier, RequestLog log, EmfMetrics metrics) {
        this.classifier = classifier;
        this.log = log;
        this.metrics = metrics;
    }

    public ClassificationResult answer(ClassificationRequest request, Deadline deadline, Invocation invocation) {
        ClassificationResult result = classifier.classify(request, deadline);
        log.answered(invocation, textOf(request), result);
        metrics.record(result);
        return result;
    }

    public void failed(Invocation invocation, String outcome, String code, String message, ClassificationRequest request) {
        log.failed(invocation, outcome, code, message, request == null ? null : textOf(request));
    }

    private static String textOf(ClassificationRequest request) {
        return request instanceof ClassificationRequest.Classify classify ? classify.input()
                : ((ClassificationRequest.Rank) request).query();
    }
}
