package dev.gatehouse.engine.ai.provider;

import java.util.List;

/**
 * Turns one upstream server-sent-event stream into OpenAI {@code chat.completion.chunk} events.
 * Fed complete events in order on one thread; returns wire-ready SSE text ({@code data: ...\n\n}),
 * possibly none. Not thread-safe: one instance per streamed response.
 */
public interface StreamTranslator {

    /** One upstream event: its {@code event:} name (null when absent) and its joined data lines. */
    List<String> onEvent(String event, String data);

    /**
     * The upstream stream ended (connection closed or body complete). Returns what the client
     * still needs, e.g. an error chunk and {@code [DONE]} when the upstream stopped mid-message.
     */
    List<String> onEnd();
}
