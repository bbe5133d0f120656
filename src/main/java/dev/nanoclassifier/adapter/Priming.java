package dev.nanoclassifier.adapter;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.nanoclassifier.classifier.budget.Truncation;
import dev.nanoclassifier.event.ErrorBody;
import dev.nanoclassifier.event.HttpResponseEvent;
import dev.nanoclassifier.event.SqsBatchResponse;
import dev.nanoclassifier.request.RequestParser;
import dev.nanoclassifier.request.Task;
import dev.nanoclassifier.result.Attempt;
import dev.nanoclassifier.result.ClassificationResult;
import dev.nanoclassifier.result.RankedItem;
import dev.nanoclassifier.result.Usage;
import io.quarkus.runtime.StartupEvent;

/**
 * Builds, at init, what the first invocation would otherwise build on the caller's time: the
 * Jackson serializers of every response type (the error path included) and the request parser's
 * path. No network. On SnapStart this work is in the snapshot.
 */
@Singleton
public class Priming {

    void prime(@Observes StartupEvent startup, ObjectMapper mapper, RequestParser parser) throws JsonProcessingException {
        parser.parse("{\"input\":\"priming\",\"labels\":[\"a\",{\"name\":\"b\",\"description\":\"d\",\"examples\":[\"e\"]}]}",
                null);
        parser.parse("{\"query\":\"priming\",\"candidates\":[\"a\",{\"id\":\"b\",\"text\":\"c\"}]}", Task.RANK);
        Usage usage = new Usage(1, 1, 0, 0, java.math.BigDecimal.ONE);
        List<Attempt> attempts = List.of(new Attempt("priming", Attempt.OK, 0, 1));
        mapper.writeValueAsBytes(new ClassificationResult("p", "classify", "c", "a", List.of("a"),
                List.of(new RankedItem("a", 1)), "m", false, null, attempts, usage, true,
                List.of(new Truncation("input", 2, 1)), false, 0));
        mapper.writeValueAsBytes(new ErrorBody(new ErrorBody.Error("c", "m", "f", "r", attempts)));
        mapper.writeValueAsBytes(HttpResponseEvent.json(200, "{}"));
        mapper.writeValueAsBytes(new HttpResponseEvent(503, Map.of("Retry-After", "1"), "{}", false));
        mapper.writeValueAsBytes(SqsBatchResponse.of(List.of("p")));
    }
}
