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
import dev.nanoclassifier.event.SqsMessage;
import dev.nanoclassifier.observability.Invocation;
import dev.nanoclassifier.request.InvalidRequestException;
import dev.nanoclassifier.request.RequestParser;
import io.quarkus.runtime.Startup;

/**
 * The one Lambda handler of every trigger. It reads the event, tells its kind by its shape and
 * hands it to the adapter of that trigger: API Gateway v2/v1, SQS, or a direct invocation whose
 * event is the request itself. A direct invocation with a bad request fails with
 * {@link InvalidRequestException} (the Lambda error type) whose message names the field; one that
 * no model could answer with {@code ModelUnavailableException}. Every request, of every trigger,
 * goes through the {@link Answerer}, which logs it once; this class maps a direct invocation's
 * outcome to its result or error.
 *
 * <p>One instance per execution environment, built at init ({@code @Startup}) with everything it
 * needs: the model clients and their guards, the SQS worker pool and results client, and the API
 * key (a secret that cannot be read fails the init, naming the secret). The first invocation does
 * not pay for them, and a SnapStart snapshot contains them.
 */
@Named("classifier")
@Singleton
@Startup
public class LambdaEntry implements RequestStreamHandler {

    private final ObjectMapper mapper;
    private final RequestParser parser;
    private final Answerer answerer;
    private final HttpAdapter http;
    private final SqsAdapter sqs;
    private final long assumedDeadlineMs;

    public LambdaEntry(ObjectMapper mapper, RequestParser parser, Answerer answerer, HttpAdapter http, SqsAdapter sqs,
            ClassifierConfig config) {
        this.mapper = mapper;
        this.parser = parser;
        this.answerer = answerer;
        this.http = http;
        this.sqs = sqs;
        this.assumedDeadlineMs = config.timeouts().assumedDeadline().toMillis();
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Deadline deadline = Deadline.of(context, assumedDeadlineMs);
        String requestId = context == null ? null : context.getAwsRequestId();
        JsonNode event;
        try {
            event = mapper.readTree(input);
        } catch (IOException e) {
            // Not JSON at all: no trigger sends that, so it is a direct invocation; direct() throws the rejection.
            Invocation invocation = new Invocation(requestId, EventKind.DIRECT.trigger(), null);
            direct(answerer.reject(new InvalidRequestException("event", "is not valid JSON"), invocation));
            return;
        }
        EventKind kind = EventKind.of(event);
        Invocation invocation = new Invocation(requestId, kind.trigger(), null);
        Object response = switch (kind) {
            case HTTP_API_V2, REST_API_V1 -> http.handle(kind, event, deadline, invocation);
            case SQS -> sqs.handle(SqsMessage.allOf(event), deadline, invocation);
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
