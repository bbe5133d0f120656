package dev.nanoclassifier.bench.model;

/**
 * Decides what the fake model answers. {@code request} is the parsed JSON body of
 * {@code POST /v1/chat/completions} (maps, lists, strings, numbers); {@code rawBody} is the text.
 * The default is {@link SchemaAnswerer}.
 */
@FunctionalInterface
public interface Answerer {
    ModelReply answer(Object request, String rawBody);
}
