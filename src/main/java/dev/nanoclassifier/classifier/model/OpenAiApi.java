package dev.nanoclassifier.classifier.model;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/**
 * The typed client of an OpenAI-compatible Chat Completions endpoint. One instance is built per
 * configured endpoint and execution environment by {@link ModelEndpoints}; the base URL is the
 * endpoint's ({@code https://api.openai.com/v1}, {@code https://openrouter.ai/api/v1}, ...).
 */
@RegisterRestClient(configKey = "openai")
@Path("chat/completions")
public interface OpenAiApi {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<ChatCompletionResponse> complete(@HeaderParam("Authorization") String authorization,
            ChatCompletionRequest request);
}
