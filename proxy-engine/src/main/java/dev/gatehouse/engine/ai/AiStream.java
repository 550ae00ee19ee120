package dev.gatehouse.engine.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.engine.ai.guard.ContentGuard;
import dev.gatehouse.engine.ai.guard.GuardMode;
import dev.gatehouse.engine.ai.guard.ScanDecision;
import dev.gatehouse.engine.ai.guard.StreamingScanner;
import dev.gatehouse.engine.ai.provider.StreamTranslator;
import dev.gatehouse.engine.ai.usage.SseEvent;
import dev.gatehouse.engine.ai.usage.SseParser;
import dev.gatehouse.engine.ai.usage.StreamUsageTracker;
import dev.gatehouse.engine.ai.usage.TokenUsage;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * A streamed completion on its way from the upstream to the client, as bytes in and bytes out:
 * translated to OpenAI's chunk format when the upstream speaks another protocol, checked by the
 * sensitive-word guard (a word split across chunks is caught; masked text is held back only
 * while it could still be the start of a word), and followed for token usage and time to first
 * token, with the usage-only chunk removed when the client did not ask for it.
 * Confined to one event loop; no I/O.
 */
public final class AiStream {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);

    private final StreamTranslator translator;
    private final SseParser upstreamEvents;
    private final SseParser guardEvents;
    private final ContentGuard guard;
    private StreamingScanner scanner;
    private final GuardMode guardMode;
    private final StreamUsageTracker usage;
    private boolean blocked;
    /** MASK only: the scanner released its held text because the choice ended. */
    private boolean released;
    /** The last chunk seen: text released by the guard goes out under its id, created and model. */
    private ObjectNode lastChunk;

    /**
     * @param translator null when the upstream already speaks OpenAI's stream format
     * @param guard      null when the route has no response guard
     */
    public AiStream(StreamTranslator translator, ContentGuard guard, boolean clientAskedForUsage,
                    long estimatedPromptTokens, LongSupplier nanoClock) {
        this.translator = translator;
        this.upstreamEvents = translator == null ? null : new SseParser();
        boolean guarding = guard != null && guard.policy().checkResponse();
        this.guard = guarding ? guard : null;
        this.scanner = guarding ? guard.newResponseScanner() : null;
        this.guardMode = guarding ? guard.policy().mode() : null;
        this.guardEvents = guarding ? new SseParser() : null;
        this.usage = new StreamUsageTracker(clientAskedForUsage, estimatedPromptTokens, nanoClock);
    }

    /** The next upstream bytes in; the bytes for the client out (possibly none yet). */
    public byte[] onUpstream(byte[] bytes) {
        if (blocked) {
            return new byte[0];
        }
        byte[] openAi = translator == null ? bytes : translate(bytes);
        byte[] guarded = scanner == null ? openAi : guard(openAi, false);
        return concat(usage.onBytes(guarded, 0, guarded.length));
    }

    /** The upstream body ended: whatever was still held back. */
    public byte[] onUpstreamEnd() {
        if (blocked) {
            return new byte[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (translator != null) {
            // The parser takes no input after finish(): an unterminated last block is dropped, as
            // WHATWG parsing does (it was never dispatched), and the translator's onEnd() says
            // whether the message was complete without it.
            upstreamEvents.finish(event -> translateEvent(event, out));
            translator.onEnd().forEach(s -> out.writeBytes(s.getBytes(StandardCharsets.UTF_8)));
        }
        byte[] pending = out.toByteArray();
        byte[] guarded = scanner == null ? pending : guard(pending, true);
        ByteArrayOutputStream result = new ByteArrayOutputStream();
        result.writeBytes(concat(usage.onBytes(guarded, 0, guarded.length)));
        result.writeBytes(concat(usage.onUpstreamEnd()));
        return result.toByteArray();
    }

    /** Whether the guard ended the stream (the client got an error chunk and {@code [DONE]}). */
    public boolean blocked() {
        return blocked;
    }

    public TokenUsage usage() {
        return usage.onEnd();
    }

    /** The access log's {@code safecheck_status}: null when no guard looked at the response. */
    public String safecheckStatus() {
        return scanner == null ? null : scanner.outcome().logValue();
    }

    public boolean sawDone() {
        return usage.endedWithDone();
    }

    private byte[] translate(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        upstreamEvents.feed(bytes, 0, bytes.length, event -> translateEvent(event, out));
        return out.toByteArray();
    }

    private void translateEvent(SseEvent event, ByteArrayOutputStream out) {
        if (event.dispatched()) {
            translator.onEvent(event.event(), event.data())
                    .forEach(s -> out.writeBytes(s.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** Runs every content delta through the scanner; in MASK mode rewrites it, in BLOCK mode ends the stream. */
    private byte[] guard(byte[] bytes, boolean end) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        guardEvents.feed(bytes, 0, bytes.length, event -> guardEvent(event, out));
        if (end && !blocked) {
            // Text held back at the very end (it could have begun a word) still belongs to the answer.
            releaseHeld(out);
        }
        return out.toByteArray();
    }

    private void guardEvent(SseEvent event, ByteArrayOutputStream out) {
        if (blocked) {
            return;
        }
        if (!event.dispatched() || event.data().strip().equals("[DONE]")) {
            if (event.dispatched()) {
                releaseHeld(out);
            }
            out.writeBytes(event.raw());
            return;
        }
        ObjectNode chunk = parseObject(event.data());
        if (chunk != null) {
            lastChunk = chunk;
        }
        JsonNode delta = chunk == null ? null : chunk.path("choices").path(0).path("delta");
        if (delta == null || !delta.path("content").isTextual()) {
            // Held text belongs before the chunk that ends the choice and before the usage chunk,
            // which OpenAI clients expect last.
            if (chunk != null && (chunk.path("choices").isEmpty()
                    || chunk.path("choices").path(0).path("finish_reason").isTextual())) {
                releaseHeld(out);
            }
            out.writeBytes(event.raw());
            return;
        }
        if (released) {
            // Content after the choice ended (a misbehaving upstream): scanned afresh, never unscanned.
            scanner = guard.newResponseScanner();
            released = false;
        }
        ScanDecision decision = scanner.feed(delta.path("content").asText());
        if (decision.blocked()) {
            blocked = true;
            out.writeBytes(errorChunk());
            out.writeBytes(DONE);
            return;
        }
        if (guardMode == GuardMode.BLOCK) {
            out.writeBytes(event.raw());
            return;
        }
        String text = decision.text();
        if (chunk.path("choices").path(0).path("finish_reason").isTextual()) {
            released = true;
            text += scanner.flush();
        }
        ((ObjectNode) delta).put("content", text);
        out.writeBytes(("data: " + chunk + "\n\n").getBytes(StandardCharsets.UTF_8));
    }

    /** MASK mode: sends the text the scanner still holds, as a content chunk of its own. */
    private void releaseHeld(ByteArrayOutputStream out) {
        if (guardMode != GuardMode.MASK || released) {
            return;
        }
        released = true;
        String held = scanner.flush();
        if (!held.isEmpty()) {
            out.writeBytes(contentChunk(held));
        }
    }

    private static ObjectNode parseObject(String data) {
        try {
            JsonNode node = JSON.readTree(data);
            return node instanceof ObjectNode object ? object : null;
        } catch (Exception malformed) {
            return null;
        }
    }

    private byte[] contentChunk(String text) {
        ObjectNode chunk = JSON.createObjectNode();
        for (String field : List.of("id", "object", "created", "model")) {
            if (lastChunk != null && lastChunk.has(field)) {
                chunk.set(field, lastChunk.get(field));
            }
        }
        chunk.put("object", "chat.completion.chunk");
        chunk.putArray("choices").addObject().put("index", 0).putObject("delta").put("content", text);
        return ("data: " + chunk + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] errorChunk() {
        ObjectNode chunk = JSON.createObjectNode();
        chunk.putObject("error").put("message", "the response was stopped by the content guard")
                .put("type", "content_blocked").put("code", "content_blocked");
        return ("data: " + chunk + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(List<byte[]> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }
}
