package dev.nanoclassifier.adapter;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.nanoclassifier.answer.Answerer;
import dev.nanoclassifier.answer.Outcome;
import dev.nanoclassifier.classifier.budget.Deadline;
import dev.nanoclassifier.classifier.model.FailureReason;
import dev.nanoclassifier.config.ClassifierConfig;
import dev.nanoclassifier.event.EventDecodeException;
import dev.nanoclassifier.event.EventKind;
import dev.nanoclassifier.event.HttpRequestEvent;
import dev.nanoclassifier.event.HttpResponseEvent;
import dev.nanoclassifier.observability.Invocation;
import dev.nanoclassifier.request.InvalidRequestException;
import dev.nanoclassifier.request.RequestParser;
import dev.nanoclassifier.request.Task;
import dev.nanoclassifier.result.ErrorBody;

/**
 * API Gateway (HTTP API v2 and REST API v1): {@code POST /classify}, {@code POST /rank},
 * {@code GET /health}. Paths match on their last segment, so a stage prefix does not matter. Every
 * outcome is an HTTP response with a JSON body; nothing is thrown to the runtime. Routing is
 * decided here; the request itself, an undecodable body included, goes through the
 * {@link Answerer}, and its {@link Outcome} is mapped to a status: answered 200, rejected 400 (413
 * when too large), failed 504 on a timeout, 503 when no model answered (with {@code Retry-After}
 * when rate limited or the circuit is open), 500 on an internal error.
 */
@Singleton
public class HttpAdapter {

    private static final String PAYLOAD_TOO_LARGE = "payload_too_large";

    private final RequestParser parser;
    private final Answerer answerer;
    private final ObjectMapper mapper;
    private final int maxBodyBytes;

    public HttpAdapter(RequestParser parser, Answerer answerer, ObjectMapper mapper, ClassifierConfig config) {
        this.parser = parser;
        this.answerer = answerer;
        this.mapper = mapper;
        this.maxBodyBytes = config.limits().maxBodyBytes();
    }

    /** Decodes an API Gateway event ({@code kind} v2 or v1) and answers it. */
    public HttpResponseEvent handle(EventKind kind, JsonNode event, Deadline deadline, Invocation invocation) {
        HttpRequestEvent request;
        try {
            request = kind == EventKind.REST_API_V1 ? HttpRequestEvent.fromV1(event) : HttpRequestEvent.fromV2(event);
        } catch (EventDecodeException e) {
            return respond(answerer.reject(new InvalidRequestException(e.field(), e.problem()), invocation));
        }
        return handle(request, deadline, invocation);
    }

    /** Routes a decoded API Gateway request and answers it. */
    public HttpResponseEvent handle(HttpRequestEvent event, Deadline deadline, Invocation invocation) {
        String path = event.path() == null ? "/" : event.path();
        if (path.endsWith("/health")) {
            return "GET".equals(event.method()) ? HttpResponseEvent.json(200, "{\"status\":\"ok\"}")
                    : methodNotAllowed("GET");
        }
        Task task = path.endsWith("/classify") ? Task.CLASSIFY : path.endsWith("/rank") ? Task.RANK : null;
        if (task == null) {
            return error(404, ErrorBody.of("not_found", "path: no route; use POST /classify, POST /rank or GET /health",
                    "path"));
        }
        if (!"POST".equals(event.method())) {
            return methodNotAllowed("POST");
        }
        if (event.body() != null && event.body().length > maxBodyBytes) {
            return respond(answerer.reject(new InvalidRequestException(PAYLOAD_TOO_LARGE, "body",
                    event.body().length + " bytes is over the limit of " + maxBodyBytes + " bytes"), invocation));
        }
        return respond(answerer.answer(() -> parser.parse(event.bodyText(), task), deadline, invocation));
    }

    private HttpResponseEvent respond(Outcome outcome) {
        return outcome.match(
                answered -> ok(answered.result()),
                rejected -> error(PAYLOAD_TOO_LARGE.equals(rejected.code()) ? 413 : 400,
                        ErrorBody.of(rejected.code(), rejected.message(), rejected.field())),
                failed -> failed.internal()
                        ? error(500, ErrorBody.of("internal_error", failed.message(), null))
                        : unavailable(failed));
    }

    private HttpResponseEvent unavailable(Outcome.Failed e) {
        boolean timeout = e.reason() == FailureReason.TIMEOUT || e.reason() == FailureReason.DEADLINE;
        ErrorBody body = new ErrorBody(new ErrorBody.Error(timeout ? "model_timeout" : "model_unavailable",
                e.message(), null, e.reason().wireName(), e.attempts()));
        if (timeout) {
            return error(504, body);
        }
        boolean waitHint = e.reason() == FailureReason.RATE_LIMITED || e.reason() == FailureReason.CIRCUIT_OPEN;
        if (waitHint) {
            long seconds = Math.max(1, (Math.max(e.retryAfterMs(), 0) + 999) / 1000);
            return new HttpResponseEvent(503, java.util.Map.of("Content-Type", "application/json", "Retry-After",
                    Long.toString(seconds)), json(body), false);
        }
        return error(503, body);
    }

    private HttpResponseEvent methodNotAllowed(String allowed) {
        return HttpResponseEvent.json(405, json(ErrorBody.of("method_not_allowed", "method: use " + allowed, "method")),
                "Allow", allowed);
    }

    private HttpResponseEvent ok(Object body) {
        return HttpResponseEvent.json(200, json(body));
    }

    private HttpResponseEvent error(int status, ErrorBody body) {
        return HttpResponseEvent.json(status, json(body));
    }

    private String json(Object body) {
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response could not be written as JSON", e);
        }
    }
}
