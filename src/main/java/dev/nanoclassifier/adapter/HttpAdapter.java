package dev.nanoclassifier.adapter;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.nanoclassifier.classifier.ModelUnavailableException;
import dev.nanoclassifier.classifier.budget.Deadline;
import dev.nanoclassifier.classifier.model.FailureReason;
import dev.nanoclassifier.config.ClassifierConfig;
import dev.nanoclassifier.event.ErrorBody;
import dev.nanoclassifier.event.HttpRequestEvent;
import dev.nanoclassifier.event.HttpResponseEvent;
import dev.nanoclassifier.observability.Invocation;
import dev.nanoclassifier.request.ClassificationRequest;
import dev.nanoclassifier.request.InvalidRequestException;
import dev.nanoclassifier.request.RequestParser;
import dev.nanoclassifier.request.Task;

/**
 * API Gateway (HTTP API v2 and REST API v1): {@code POST /classify}, {@code POST /rank},
 * {@code GET /health}. Paths match on their last segment, so a stage prefix does not matter. Every
 * outcome is an HTTP response with a JSON body; nothing is thrown to the runtime.
 */
@Singleton
public class HttpAdapter {

    private static final Logger LOG = Logger.getLogger(HttpAdapter.class);

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
        ClassificationRequest request = null;
        try {
            if (event.body() != null && event.body().length > maxBodyBytes) {
                answerer.failed(invocation, "rejected", "payload_too_large", "body: over the size limit", null);
                return error(413, ErrorBody.of("payload_too_large",
                        "body: " + event.body().length + " bytes is over the limit of " + maxBodyBytes + " bytes", "body"));
            }
            request = parser.parse(event.bodyText(), task);
            return ok(answerer.answer(request, deadline, invocation));
        } catch (InvalidRequestException e) {
            String code = e.code();
            answerer.failed(invocation, "rejected", code, e.getMessage(), request);
            return error(400, ErrorBody.of(code, e.getMessage(), e.field()));
        } catch (ModelUnavailableException e) {
            answerer.failed(invocation, "failed", e.reason().wireName(), e.getMessage(), request);
            return unavailable(e);
        } catch (RuntimeException e) {
            LOG.errorf("Request failed unexpectedly: %s", e.getClass().getName());
            answerer.failed(invocation, "failed", "internal_error", e.getClass().getSimpleName(), request);
            return error(500, ErrorBody.of("internal_error", "the request could not be answered", null));
        }
    }

    private HttpResponseEvent unavailable(ModelUnavailableException e) {
        boolean timeout = e.reason() == FailureReason.TIMEOUT || e.reason() == FailureReason.DEADLINE;
        ErrorBody body = new ErrorBody(new ErrorBody.Error(timeout ? "model_timeout" : "model_unavailable",
                e.getMessage(), null, e.reason().wireName(), e.attempts()));
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
