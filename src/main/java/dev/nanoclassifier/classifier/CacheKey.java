package dev.nanoclassifier.classifier;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import dev.nanoclassifier.request.Candidate;
import dev.nanoclassifier.request.ClassificationRequest;
import dev.nanoclassifier.request.LabelSpec;

/**
 * The identity of a request for the answer cache: the model asked, the task and everything the
 * model would see (labels with descriptions and examples, instructions, mode, text, candidates,
 * topK), hashed so that the cache holds no caller text.
 */
final class CacheKey {

    private CacheKey() {
    }

    static String of(String model, ClassificationRequest request) {
        MessageDigest digest = sha256();
        part(digest, model);
        part(digest, request.task().wireName());
        request.match(classify -> {
            for (LabelSpec label : classify.labels()) {
                part(digest, label.name());
                part(digest, label.description());
                label.examples().forEach(example -> part(digest, example));
                part(digest, "\u0000end-label");
            }
            part(digest, classify.instructions());
            part(digest, Boolean.toString(classify.multiLabel()));
            part(digest, classify.input());
            return digest;
        }, rank -> {
            part(digest, rank.query());
            for (Candidate candidate : rank.candidates()) {
                part(digest, candidate.id());
                part(digest, candidate.text());
            }
            part(digest, Integer.toString(rank.topK()));
            return digest;
        });
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Length-prefixed, so that no two different requests give the same byte stream. */
    private static void part(MessageDigest digest, String value) {
        byte[] bytes = value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
        digest.update(Integer.toString(value == null ? -1 : bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
