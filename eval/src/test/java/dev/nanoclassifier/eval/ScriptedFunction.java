package dev.nanoclassifier.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import dev.nanoclassifier.eval.data.EvalCase;
import dev.nanoclassifier.eval.run.CaseResult;
import dev.nanoclassifier.eval.run.Target;

/**
 * A stand-in for the function in tests of the tool's own logic: it answers in the function's
 * response shape (the JSON goes through the same scoring as a real answer) with the first label, or
 * the candidates in the given order, and a fixed cost; selected cases fail.
 */
public final class ScriptedFunction implements Target {

    final AtomicInteger calls = new AtomicInteger();
    final Set<String> called = ConcurrentHashMap.newKeySet();
    final String model;
    final double cost;
    public Predicate<EvalCase> fails = c -> false;
    public Predicate<EvalCase> answersExpected = c -> false;

    public ScriptedFunction(String model, double cost) {
        this.model = model;
        this.cost = cost;
    }

    @Override
    public CaseResult call(EvalCase c) {
        calls.incrementAndGet();
        called.add(c.key());
        if (fails.test(c)) {
            return CaseResult.failure(c, "HTTP 503 model_unavailable: model unavailable: timeout", true, 5);
        }
        String usage = "\"usage\":{\"inputTokens\":100,\"outputTokens\":4,\"costUsd\":" + cost + "}";
        String common = "\"model\":\"" + model + "\",\"degraded\":false,\"reason\":null," + usage + ",\"latencyMs\":3";
        boolean right = answersExpected.test(c);
        switch (c.kind()) {
            case RANK: {
                List<String> ids = new ArrayList<>(c.choices());
                if (right) {
                    ids.removeAll(c.expected());
                    ids.addAll(0, c.expected());
                }
                StringBuilder sb = new StringBuilder("{\"task\":\"rank\",\"ranking\":[");
                for (int i = 0; i < ids.size(); i++) {
                    sb.append(i == 0 ? "" : ",").append("{\"id\":\"").append(ids.get(i)).append("\",\"rank\":").append(i + 1).append('}');
                }
                return CaseResult.fromResponse(c, sb.append("],").append(common).append('}').toString(), 3);
            }
            default: {
                List<String> labels = right ? c.expected() : List.of(c.choices().get(0));
                String json = "{\"task\":\"classify\",\"label\":\"" + labels.get(0) + "\",\"labels\":[\""
                        + String.join("\",\"", labels) + "\"]," + common + "}";
                return CaseResult.fromResponse(c, json, 3);
            }
        }
    }

    @Override
    public int parallelism() {
        return 4;
    }
}
