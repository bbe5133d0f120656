package dev.nanoclassifier.result;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** {@code {"error":{"code":"invalid_request","message":"labels: at least 2 labels are required","field":"labels"}}}. */
@RegisterForReflection
public record ErrorBody(Error error) {

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Error(String code, String message, String field, String reason, List<Attempt> attempts) {
    }

    public static ErrorBody of(String code, String message, String field) {
        return new ErrorBody(new Error(code, message, field, null, null));
    }
}
