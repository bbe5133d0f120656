package dev.nanoclassifier.sink;

import java.util.List;
import java.util.Set;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.nanoclassifier.observability.StdoutLines;

/** Without a results queue: each result is one JSON log line ({@code "type":"result"}). */
@Singleton
public class LogResultSink implements ResultSink {

    private final StdoutLines out;

    public LogResultSink(StdoutLines out) {
        this.out = out;
    }

    @Override
    public Set<String> publish(List<QueueResult> results) {
        for (QueueResult result : results) {
            ObjectNode line = out.newObject();
            line.put("type", "result");
            line.put("outcome", result.outcome().wireName());
            line.set("result", result.body());
            out.write(line);
        }
        return Set.of();
    }
}
