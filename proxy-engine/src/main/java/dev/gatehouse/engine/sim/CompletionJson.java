package dev.gatehouse.engine.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The OpenAI JSON shapes: chat.completion, chat.completion.chunk, text_completion and usage. */
final class CompletionJson {

    private final CompletionRequest request;
    private final String id;
    private final long created;

    CompletionJson(CompletionRequest request, String id, long createdEpochSeconds) {
        this.request = request;
        this.id = id;
        this.created = createdEpochSeconds;
    }

    /** The whole non-streamed response. */
    ObjectNode response(List<String> tokens) {
        ObjectNode root = header(request.chat() ? "chat.completion" : "text_completion");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        String content = String.join("", tokens);
        if (request.chat()) {
            ObjectNode message = choice.putObject("message");
            message.put("role", "assistant");
            message.put("content", content);
        } else {
            choice.put("text", content);
        }
        choice.putNull("logprobs");
        choice.put("finish_reason", "stop");
        root.set("usage", usage(tokens.size()));
        return root;
    }

    /** One streamed token; the first chat chunk also carries the assistant role. */
    ObjectNode tokenChunk(int index, String token) {
        ObjectNode root = chunkHeader();
        ObjectNode choice = root.withArray("choices").addObject();
        choice.put("index", 0);
        if (request.chat()) {
            ObjectNode delta = choice.putObject("delta");
            if (index == 0) {
                delta.put("role", "assistant");
            }
            delta.put("content", token);
        } else {
            choice.put("text", token);
        }
        choice.putNull("logprobs");
        choice.putNull("finish_reason");
        return root;
    }

    /** The chunk that ends the choice: empty delta, {@code finish_reason: "stop"}. */
    ObjectNode finishChunk() {
        ObjectNode root = chunkHeader();
        ObjectNode choice = root.withArray("choices").addObject();
        choice.put("index", 0);
        if (request.chat()) {
            choice.putObject("delta");
        } else {
            choice.put("text", "");
        }
        choice.putNull("logprobs");
        choice.put("finish_reason", "stop");
        return root;
    }

    /** Sent only with {@code stream_options.include_usage}: no choices, the usage of the stream. */
    ObjectNode usageChunk(int completionTokens) {
        ObjectNode root = chunkHeader();
        root.set("usage", usage(completionTokens));
        return root;
    }

    private ObjectNode chunkHeader() {
        ObjectNode root = header(request.chat() ? "chat.completion.chunk" : "text_completion");
        root.putArray("choices");
        if (request.includeUsage()) {
            // As OpenAI does: every chunk but the last carries "usage": null.
            root.putNull("usage");
        }
        return root;
    }

    private ObjectNode header(String object) {
        ObjectNode root = Responses.object();
        root.put("id", id);
        root.put("object", object);
        root.put("created", created);
        root.put("model", request.model());
        root.put("system_fingerprint", "fp_gatehouse_sim");
        return root;
    }

    private ObjectNode usage(int completionTokens) {
        ObjectNode usage = Responses.object();
        usage.put("prompt_tokens", request.promptTokens());
        usage.put("completion_tokens", completionTokens);
        usage.put("total_tokens", request.promptTokens() + completionTokens);
        return usage;
    }
}
