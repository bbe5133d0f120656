package dev.nanoclassifier.adapter;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import jakarta.inject.Named;
import jakarta.inject.Singleton;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.nanoclassifier.answer.Answerer;
import dev.nanoclassifier.answer.Outcome;
import dev.nanoclassifier.classifier.budget.Deadline;
import dev.nanoclassifier.config.ClassifierConfig;
import dev.nanoclassifier.event.EventKind;
import dev.nanoclassifier.event.InboundMessage;
import dev.nanoclassifier.observability.DebugSample;
import dev.nanoclassifier.observability.EmfMetrics;
import dev.nanoclassifier.observability.Invocation;
import dev.nanoclassifier.observability.InvocationContext;
import dev.nanoclassifier.observability.LambdaInvocations;
import dev.nanoclassifier.request.InvalidRequestException;
import dev.nanoclassifier.request.RequestJson;
import dev.nanoclassifier.request.RequestParser;
import io.quarkus.runtime.Startup;

/**
 * The one Lambda handler of every trigger. It reads the event, tells its kind by its shape and
 * hands it to the adapter of that trigger: API Gateway v2/v1 and ALB, SQS, SNS and EventBridge, or
 * a direct invocation whose event is the request itself. A direct invocation with a bad request fails with
 * {@link InvalidRequestException} (the Lambda error type) whose message names the field; one that
 * no model could answer with {@code ModelUnavailableException}. Every request, of every trigger,
 * goes through the {@link Answerer}, which logs it once; this class maps a direct invocation's
 * outcome to its result or error.
 *
 * <p>One instance per execution environment, built at init ({@code @Startup}) with everything it
 * needs: the model clients with their retries and breakers, the SQS worker pool and results client, and the API
 * key (a secret that cannot be read fails the init, naming the secret). The first invocation does
 * not pay for them, and a SnapStart snapshot contains them.
 */
@Named("classifier")
@Singleton
@Startup
public class LambdaEntry implements RequestStreamHandler {

    private final ObjectMapper mapper;
    private final RequestJson json;
    private final RequestParser parser;
    private final Answerer answerer;
    private final HttpAdapter http;
    private final SqsAdapter sqs;
    private final NotificationAdapter notifications;
    private final long assumedDeadlineMs;
    private final LambdaInvocations invocations;
    private final EmfMetrics metrics;
    private final DebugSample debugSample;

    public LambdaEntry(ObjectMapper mapper, RequestJson json, RequestParser parser, Answerer answerer, HttpAdapter http,
            SqsAdapter sqs, NotificationAdapter notifications, ClassifierConfig config, LambdaInvocations invocations,
            EmfMetrics metrics, DebugSample debugSample) {
        this.invocations = invocations;
        this.metrics = metrics;
        this.debugSample = debugSample;
        this.mapper = mapper;
        this.json = json;
        this.parser = parser;
        this.answerer = answerer;
        this.http = http;
        this.sqs = sqs;
        this.notifications = notifications;
        this.assumedDeadlineMs = config.timeouts().assumedDeadline().toMillis();
    }

    /**
     * Every line logged while the invocation runs, on this thread or an SQS worker, carries the
     * invocation's fields ({@link InvocationContext}): cold start, request and trace ids, service.
     */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        InvocationContext invocation = invocations.begin(context);
        try (InvocationContext.Scope scope = invocation.enter()) {
            metrics.coldStart(invocation);
            handle(input, output, context);
        }
    }

    private void handle(InputStream input, OutputStream output, Context context) throws IOException {
        Deadline deadline = Deadline.of(context, assumedDeadlineMs);
        String requestId = context == null ? null : context.getAwsRequestId();
        JsonNode event;
        try {
            // Strictly: a direct invocation's event is the request, whose keys must not repeat.
            event = json.read(input, "event");
        } catch (InvalidRequestException e) {
            // No trigger sends that, so it is a direct invocation; direct() throws the rejection.
            direct(answerer.reject(e, new Invocation(requestId, EventKind.DIRECT.trigger(), null)));
            return;
        }
        EventKind kind = EventKind.of(event);
        debugSample.event(InvocationContext.current(), kind.trigger(), event, deadline.remainingMillis());
        Invocation invocation = new Invocation(requestId, kind.trigger(), null);
        Object response = switch (kind) {
            case HTTP_API_V2, REST_API_V1, ALB -> http.handle(kind, event, deadline, invocation);
            case SQS -> sqs.handle(InboundMessage.ofSqs(event, mapper), deadline, invocation);
            case SNS -> notifications.handle(InboundMessage.ofSns(event), deadline, invocation);
            case EVENTBRIDGE -> notifications.handle(InboundMessage.ofEventBridge(event), deadline, invocation);
            case DIRECT -> direct(answerer.answer(() -> parser.parse(event, null), deadline, invocation));
        };
        mapper.writeValue(output, response);
    }

    /** The result, or the outcome's error thrown to the runtime, whose class name is the Lambda error type. */
    private static Object direct(Outcome outcome) {
        return outcome.match(answered -> answered.result(), rejected -> {
            throw rejected.cause();
        }, failed -> {
            throw failed.cause();
        });
    }
}
