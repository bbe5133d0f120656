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
 * API Gateway (HTTP API v2 and REST API v1) and ALB targets: {@code POST /classify},
 * {@code POST /rank}, {@code GET /health}. Paths match on their last segment, so a stage prefix or
 * a trailing slash does not matter. Every outcome is an HTTP response with a JSON body; nothing is
 * thrown to the runtime. Routing is
 * decided here; the request itself, an undecodable body included, goes through the
 * {@link Answerer}, and its {@link Outcome} is mapped to a status: answered 200, rejected 400 (413
 * when too large), failed 504 on a timeout, 503 when no model answered (with {@code Retry-After}
 * when rate limited or the circuit is open), 500 on an internal error.
 */
@Singleton
public class HttpAdapter {

    private static final String PAYLOAD_TOO_LARGE = "payload_too_large";

    /** Clock difference tolerated between API Gateway's receive time and this function's clock. */
    private static final long CLOCK_SKEW_MS = 5_000;

    private final RequestParser parser;
    private final Answerer answerer;
    private final ObjectMapper mapper;
    private final int maxBodyBytes;
    private final long apiGatewayLimitMs;

    public HttpAdapter(RequestParser parser, Answerer answerer, ObjectMapper mapper, ClassifierConfig config) {
        this.parser = parser;
        this.answerer = answerer;
        this.mapper = mapper;
        this.maxBodyBytes = config.limits().maxBodyBytes();
        this.apiGatewayLimitMs = config.timeouts().apiGatewayLimit().toMillis();
    }

    /**
     * Decodes an API Gateway ({@code kind} v2 or v1) or ALB event and answers it. An API Gateway
     * request is given up at API Gateway's integration limit, after which the client has its 504
     * already; an ALB target answers in the ALB's shape.
     */
    public HttpResponseEvent handle(EventKind kind, JsonNode event, Deadline deadline, Invocation invocation) {
        HttpResponseEvent response;
        try {
            HttpRequestEvent request = switch (kind) {
                case REST_API_V1 -> HttpRequestEvent.fromV1(event);
                case ALB -> HttpRequestEvent.fromAlb(event);
                default -> HttpRequestEvent.fromV2(event);
            };
            response = handle(request, kind.apiGateway() ? withinApiGatewayLimit(deadline, request) : deadline, invocation);
        } catch (EventDecodeException e) {
            response = respond(answerer.reject(new InvalidRequestException(e.field(), e.problem()), invocation));
        }
        return kind == EventKind.ALB ? response.forLoadBalancer(event.has("multiValueHeaders")) : response;
    }

    /**
     * The deadline, or API Gateway's limit counted from when it received the request if that comes
     * first. The receive time counts (a cold start's init is part of API Gateway's wait) when it is
     * plausible; a replayed or clock-skewed event counts from now.
     */
    private Deadline withinApiGatewayLimit(Deadline deadline, HttpRequestEvent request) {
        long now = System.currentTimeMillis();
        long received = request.receivedAtMillis();
        long start = received > now - apiGatewayLimitMs && received < now + CLOCK_SKEW_MS ? Math.min(received, now) : now;
        return deadline.notAfter(start + apiGatewayLimitMs);
    }

    /** Routes a decoded API Gateway or ALB request and answers it. */
    public HttpResponseEvent handle(HttpRequestEvent event, Deadline deadline, Invocation invocation) {
        String path = withoutTrailingSlash(event.path() == null ? "/" : event.path());
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

    /** {@code /classify/} routes like {@code /classify}. */
    private static String withoutTrailingSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
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
