package dev.nanoclassifier.classifier.model;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import dev.nanoclassifier.classifier.model.ChatCompletionRequest.Message;
import dev.nanoclassifier.classifier.model.ChatCompletionRequest.ResponseFormat;
import dev.nanoclassifier.classifier.model.ChatCompletionResponse.Choice;
import dev.nanoclassifier.classifier.model.ChatCompletionResponse.CompletionTokensDetails;
import dev.nanoclassifier.classifier.model.ChatCompletionResponse.CostDetails;
import dev.nanoclassifier.classifier.model.ChatCompletionResponse.PromptTokensDetails;
import dev.nanoclassifier.classifier.model.ChatCompletionResponse.ResponseMessage;
import dev.nanoclassifier.classifier.model.ChatCompletionResponse.Usage;

/**
 * The JSON of {@code POST /chat/completions}, written and read field by field with Jackson's
 * streaming API rather than by data binding: binding a record makes the JDK build a method handle
 * for each constructor and accessor on first use, which is most of a cold start's first model call
 * (bench/README.md, "First invocation"). What it accepts is what Jackson's default binding of the
 * two records accepted: unknown fields are skipped, scalars are coerced as Jackson coerces them
 * (a number for a string, a numeric string for a number), and a wrong shape (an object where a
 * string or a list belongs) is a {@link MismatchedInputException}.
 */
final class ChatCompletionJson {

    private final ObjectMapper mapper;

    ChatCompletionJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The request body; null fields of the request are left out, as the API's optional fields are. */
    byte[] write(ChatCompletionRequest request) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        try (JsonGenerator g = mapper.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            if (request.model() != null) {
                g.writeStringField("model", request.model());
            }
            if (request.messages() != null) {
                g.writeArrayFieldStart("messages");
                for (Message m : request.messages()) {
                    g.writeStartObject();
                    g.writeStringField("role", m.role());
                    g.writeStringField("content", m.content());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            ResponseFormat format = request.responseFormat();
            if (format != null) {
                g.writeObjectFieldStart("response_format");
                g.writeStringField("type", format.type());
                if (format.jsonSchema() == null) {
                    g.writeNullField("json_schema");
                } else {
                    g.writeObjectFieldStart("json_schema");
                    g.writeStringField("name", format.jsonSchema().name());
                    g.writeBooleanField("strict", format.jsonSchema().strict());
                    g.writeFieldName("schema");
                    g.writeTree(format.jsonSchema().schema());
                    g.writeEndObject();
                }
                g.writeEndObject();
            }
            if (request.reasoningEffort() != null) {
                g.writeStringField("reasoning_effort", request.reasoningEffort());
            }
            if (request.maxCompletionTokens() != null) {
                g.writeNumberField("max_completion_tokens", request.maxCompletionTokens());
            }
            if (request.maxTokens() != null) {
                g.writeNumberField("max_tokens", request.maxTokens());
            }
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    /** The answer; null when the body is JSON {@code null}. */
    ChatCompletionResponse read(byte[] body) throws IOException {
        try (JsonParser p = mapper.createParser(body)) {
            if (p.nextToken() == null) {
                throw MismatchedInputException.from(p, ChatCompletionResponse.class, "empty answer body");
            }
            if (!objectOrNull(p, "the answer")) {
                return null;
            }
            String id = null;
            String model = null;
            String serviceTier = null;
            List<Choice> choices = null;
            Usage usage = null;
            JsonNode error = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "id" -> id = text(p);
                    case "model" -> model = text(p);
                    case "service_tier" -> serviceTier = text(p);
                    case "choices" -> choices = choices(p);
                    case "usage" -> usage = usage(p);
                    case "error" -> error = p.readValueAsTree();
                    default -> p.skipChildren();
                }
            }
            return new ChatCompletionResponse(id, model, choices, usage, serviceTier, error);
        }
    }

    private static List<Choice> choices(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw MismatchedInputException.from(p, List.class, "choices is not a list");
        }
        List<Choice> choices = new ArrayList<>(1);
        while (p.nextToken() != JsonToken.END_ARRAY) {
            choices.add(choice(p));
        }
        return choices;
    }

    private static Choice choice(JsonParser p) throws IOException {
        if (!objectOrNull(p, "a choice")) {
            return null;
        }
        Integer index = null;
        ResponseMessage message = null;
        String finishReason = null;
        JsonNode error = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "index" -> index = integer(p);
                case "message" -> message = message(p);
                case "finish_reason" -> finishReason = text(p);
                case "error" -> error = p.readValueAsTree();
                default -> p.skipChildren();
            }
        }
        return new Choice(index == null ? 0 : index, message, finishReason, error);
    }

    private static ResponseMessage message(JsonParser p) throws IOException {
        if (!objectOrNull(p, "a message")) {
            return null;
        }
        String role = null;
        String content = null;
        String refusal = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "role" -> role = text(p);
                case "content" -> content = text(p);
                case "refusal" -> refusal = text(p);
                default -> p.skipChildren();
            }
        }
        return new ResponseMessage(role, content, refusal);
    }

    private static Usage usage(JsonParser p) throws IOException {
        if (!objectOrNull(p, "usage")) {
            return null;
        }
        Integer promptTokens = null;
        Integer completionTokens = null;
        PromptTokensDetails promptDetails = null;
        CompletionTokensDetails completionDetails = null;
        BigDecimal cost = null;
        Boolean byok = null;
        CostDetails costDetails = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "prompt_tokens" -> promptTokens = integer(p);
                case "completion_tokens" -> completionTokens = integer(p);
                case "prompt_tokens_details" -> promptDetails = objectOrNull(p, field)
                        ? new PromptTokensDetails(integerField(p, "cached_tokens"))
                        : null;
                case "completion_tokens_details" -> completionDetails = objectOrNull(p, field)
                        ? new CompletionTokensDetails(integerField(p, "reasoning_tokens"))
                        : null;
                case "cost" -> cost = decimal(p);
                case "is_byok" -> byok = bool(p);
                case "cost_details" -> costDetails = costDetails(p);
                default -> p.skipChildren();
            }
        }
        return new Usage(promptTokens, completionTokens, promptDetails, completionDetails, cost, byok, costDetails);
    }

    private static CostDetails costDetails(JsonParser p) throws IOException {
        if (!objectOrNull(p, "cost_details")) {
            return null;
        }
        BigDecimal upstream = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (field.equals("upstream_inference_cost")) {
                upstream = decimal(p);
            } else {
                p.skipChildren();
            }
        }
        return new CostDetails(upstream);
    }

    /** True when the current token starts an object, false when it is null; anything else is a mismatch. */
    private static boolean objectOrNull(JsonParser p, String what) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return false;
        }
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw MismatchedInputException.from(p, Object.class, what + " is not a JSON object");
        }
        return true;
    }

    /** Reads an object whose one known field is an integer; the parser ends on its END_OBJECT. */
    private static Integer integerField(JsonParser p, String name) throws IOException {
        Integer value = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (field.equals(name)) {
                value = integer(p);
            } else {
                p.skipChildren();
            }
        }
        return value;
    }

    private static String text(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t.isScalarValue()) {
            return p.getValueAsString();
        }
        throw MismatchedInputException.from(p, String.class, "\"" + p.currentName() + "\" is not a string");
    }

    private static Integer integer(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t == JsonToken.VALUE_NUMBER_INT) {
            return p.getIntValue();
        }
        if (t == JsonToken.VALUE_NUMBER_FLOAT) {
            return p.getValueAsInt(); // truncated, as binding accepts a float for an int; out of range is an error
        }
        if (t == JsonToken.VALUE_STRING) {
            String s = p.getText().trim();
            if (s.isEmpty()) {
                return null;
            }
            try {
                return Integer.valueOf(s);
            } catch (NumberFormatException e) {
                // fall through to the mismatch
            }
        }
        throw MismatchedInputException.from(p, Integer.class, "\"" + p.currentName() + "\" is not an integer");
    }

    private static BigDecimal decimal(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            return p.getDecimalValue();
        }
        if (t == JsonToken.VALUE_STRING) {
            String s = p.getText().trim();
            if (s.isEmpty()) {
                return null;
            }
            try {
                return new BigDecimal(s);
            } catch (NumberFormatException e) {
                // fall through to the mismatch
            }
        }
        throw MismatchedInputException.from(p, BigDecimal.class, "\"" + p.currentName() + "\" is not a number");
    }

    private static Boolean bool(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
            return t == JsonToken.VALUE_TRUE;
        }
        if (t == JsonToken.VALUE_STRING && ("true".equals(p.getText()) || "false".equals(p.getText()))) {
            return Boolean.valueOf(p.getText());
        }
        throw MismatchedInputException.from(p, Boolean.class, "\"" + p.currentName() + "\" is not a boolean");
    }
}
