package dev.gatehouse.engine.ai.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Fixtures and JSON helpers shared by the provider tests. */
final class ProviderFixtures {

    static final ObjectMapper JSON = new ObjectMapper();
    static final long NOW = 1_700_000_000L;
    static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);

    /** One parsed server-sent event, as the gateway's SSE parser hands it over. */
    record Event(String name, String data) {
    }

    private ProviderFixtures() {
    }

    static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A tree as it reads back from the wire: what a client sees. Built nodes may hold a long where
     * parsed ones hold an int, and tree equality tells those apart.
     */
    static JsonNode wire(JsonNode node) {
        try {
            return JSON.readTree(JSON.writeValueAsString(node));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String resource(String name) {
        try (InputStream in = ProviderFixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode jsonResource(String name) {
        return json(resource(name));
    }

    /** A minimal SSE reader for fixtures: blank-line separated events, event: and data: lines. */
    static List<Event> events(String sse) {
        List<Event> events = new ArrayList<>();
        for (String block : sse.split("\n\n")) {
            String name = null;
            List<String> data = new ArrayList<>();
            for (String line : block.split("\n")) {
                if (line.startsWith("event: ")) {
                    name = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data.add(line.substring(6));
                }
            }
            if (!data.isEmpty()) {
                events.add(new Event(name, String.join("\n", data)));
            }
        }
        return events;
    }

    /** Feeds a whole stream to a translator and collects everything it emits, onEnd included. */
    static List<String> translate(StreamTranslator translator, List<Event> events) {
        List<String> out = new ArrayList<>();
        for (Event event : events) {
            out.addAll(translator.onEvent(event.name(), event.data()));
        }
        out.addAll(translator.onEnd());
        return out;
    }

    /** The JSON of one emitted {@code data: {...}\n\n} event. */
    static JsonNode data(String sseEvent) {
        assertThat(sseEvent).startsWith("data: ").endsWith("\n\n");
        return json(sseEvent.substring(6, sseEvent.length() - 2));
    }

    static ProviderCall call(UpstreamRequest request) {
        assertThat(request).isInstanceOf(ProviderCall.class);
        return (ProviderCall) request;
    }
}
