package dev.nanoclassifier.bench.model;

import dev.nanoclassifier.bench.json.Json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The OpenAI {@code chat.completion} response object. */
public final class ChatCompletions {

    private ChatCompletions() {
    }

    public static String completion(String model, String content, int promptTokens, int completionTokens) {
        Map<String, Object> msg = new LinkedHashMap<>();
        msg.put("role", "assistant");
        msg.put("content", content);
        msg.put("refusal", null);
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("index", 0);
        choice.put("message", msg);
        choice.put("finish_reason", "stop");
        Map<String, Object> usage = new LinkedHashMap<>();
        usage.put("prompt_tokens", promptTokens);
        usage.put("completion_tokens", completionTokens);
        usage.put("total_tokens", promptTokens + completionTokens);
        Map<String, Object> resp = new LinkedHashMap<>();
        resp.put("id", "chatcmpl-bench");
        resp.put("object", "chat.completion");
        resp.put("created", System.currentTimeMillis() / 1000);
        resp.put("model", model);
        resp.put("choices", List.of(choice));
        resp.put("usage", usage);
        return Json.write(resp);
    }
}
