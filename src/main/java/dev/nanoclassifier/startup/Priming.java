package dev.nanoclassifier.startup;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.nanoclassifier.event.HttpResponseEvent;
import dev.nanoclassifier.event.SqsBatchResponse;
import dev.nanoclassifier.request.RequestParser;
import dev.nanoclassifier.request.Task;
import dev.nanoclassifier.result.Attempt;
import dev.nanoclassifier.result.ClassificationResult;
import dev.nanoclassifier.result.ErrorBody;
import dev.nanoclassifier.result.Truncation;
import dev.nanoclassifier.result.Usage;
import io.quarkus.runtime.StartupEvent;

/**
 * Builds, at init, what the first invocation would otherwise build on the caller's time: the
 * Jackson serializers of every response type (the error path included) and the request parser's
 * path. No network.
 *
 * <p>Only where init is off the request path: a SnapStart snapshot or provisioned concurrency
 * ({@code AWS_LAMBDA_INITIALIZATION_TYPE}). On an on-demand cold start the same work would only
 * move from the first invocation into init without lowering the cold total (measured in
 * bench/README.md), so it is left to the first invocation there.
 */
@Singleton
public class Priming {

    void prime(@Observes StartupEvent startup, ObjectMapper mapper, RequestParser parser) throws JsonProcessingException {
        if (!initIsOffTheRequestPath(System.getenv("AWS_LAMBDA_INITIALIZATION_TYPE"))) {
            return;
        }
        parser.parse("{\"input\":\"priming\",\"labels\":[\"a\",{\"name\":\"b\",\"description\":\"d\",\"examples\":[\"e\"]}]}",
                null);
        parser.parse("{\"query\":\"priming\",\"candidates\":[\"a\",{\"id\":\"b\",\"text\":\"c\"}]}", Task.RANK);
        Usage usage = new Usage(1, 1, 0, 0, java.math.BigDecimal.ONE);
        List<Attempt> attempts = List.of(new Attempt("priming", Attempt.OK, 0, 1));
        List<Truncation> cut = List.of(new Truncation("input", 2, 1));
        mapper.writeValueAsBytes(ClassificationResult.classified("p", "c", List.of("a"), "m", null, attempts, usage, cut));
        mapper.writeValueAsBytes(ClassificationResult.ranked("p", List.of("a"), "m", "timeout", attempts, usage, cut));
        mapper.writeValueAsBytes(new ErrorBody(new ErrorBody.Error("c", "m", "f", "r", attempts)));
        mapper.writeValueAsBytes(HttpResponseEvent.json(200, "{}"));
        mapper.writeValueAsBytes(new HttpResponseEvent(503, Map.of("Retry-After", "1"), "{}", false));
        mapper.writeValueAsBytes(SqsBatchResponse.of(List.of("p")));
    }

    static boolean initIsOffTheRequestPath(String initializationType) {
        return "snap-start".equals(initializationType) || "provisioned-concurrency".equals(initializationType);
    }
}
