package dev.nanoclassifier.observability;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.nanoclassifier.config.ClassifierConfig;
import dev.nanoclassifier.result.Attempt;
import dev.nanoclassifier.result.ClassificationResult;
import dev.nanoclassifier.result.OutcomeKind;

/**
 * The one INFO line per request an operator reads: who asked (Lambda request id, SQS message id),
 * what (task, classifier), the answer (label, model, degraded, reason, attempts), time, tokens and
 * cost. It never holds the API key or any header, and the input text only as a hash or a prefix
 * when {@code classifier.observability.log-input} asks for it.
 */
@Singleton
public class RequestLog {

    private final StdoutLines out;
    private final ClassifierConfig.Observability config;

    public RequestLog(StdoutLines out, ClassifierConfig config) {
        this.out = out;
        this.config = config.observability();
    }

    public void answered(Invocation invocation, String input, ClassificationResult result) {
        ObjectNode line = base(invocation, OutcomeKind.ANSWERED);
        line.put("task", result.task());
        line.put("classifier", result.classifier());
        line.put("label", result.label());
        if (result.labels() != null && result.labels().size() > 1) {
            result.labels().forEach(line.putArray("labels")::add);
        }
        line.put("model", result.model());
        line.put("degraded", result.degraded());
        line.put("reason", result.reason());
        for (Attempt attempt : result.attempts()) {
            ObjectNode node = line.withArray("attempts").addObject();
            node.put("step", attempt.step()).put("outcome", attempt.outcome()).put("ms", attempt.ms());
            if (attempt.tries() != null) {
                node.put("tries", attempt.tries());
            }
        }
        line.put("latencyMs", result.latencyMs());
        line.put("inputTokens", result.usage().inputTokens());
        line.put("outputTokens", result.usage().outputTokens());
        line.put("cachedTokens", result.usage().cachedTokens());
        line.put("reasoningTokens", result.usage().reasoningTokens());
        line.put("costUsd", result.usage().costUsd());
        line.put("cached", result.cached());
        line.put("truncated", result.truncated());
        input(line, input);
        out.write(line);
    }

    /** A request that was refused or could not be answered; {@code code} is the error code returned. */
    public void failed(Invocation invocation, OutcomeKind outcome, String code, String message, String input) {
        ObjectNode line = base(invocation, outcome);
        line.put("error", code);
        line.put("errorMessage", message);
        input(line, input);
        out.write(line);
    }

    private ObjectNode base(Invocation invocation, OutcomeKind kind) {
        String outcome = kind.wireName();
        ObjectNode line = out.newObject();
        line.put("timestamp", Instant.now().toString());
        line.put("level", "INFO");
        line.put("loggerName", "nano-classifier.request");
        line.put("message", "request " + outcome);
        line.put("outcome", outcome);
        line.put("requestId", invocation.requestId());
        line.put("trigger", invocation.trigger());
        if (invocation.messageId() != null) {
            line.put("messageId", invocation.messageId());
        }
        return line;
    }

    private void input(ObjectNode line, String input) {
        if (input == null) {
            return;
        }
        switch (config.logInput()) {
            case HASH -> line.put("inputSha256", sha256(input).substring(0, 16));
            case PREFIX -> line.put("inputPrefix", input.substring(0, Math.min(input.length(), config.logInputPrefixChars())));
            default -> {
            }
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
