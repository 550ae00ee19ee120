package dev.gatehouse.engine.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A small java.net.http client for the simulator tests; lines are read with their arrival times. */
final class SimHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** A line of a response body and when it arrived ({@code System.nanoTime()}). */
    record TimedLine(String text, long nanos) {
    }

    private SimHttp() {
    }

    static HttpRequest.Builder request(LlmBackendSimulator sim, String path) {
        return HttpRequest.newBuilder(URI.create(sim.baseUrl() + path)).timeout(Duration.ofSeconds(10));
    }

    static HttpResponse<String> get(LlmBackendSimulator sim, String path) {
        return send(request(sim, path).GET().build());
    }

    static HttpResponse<String> post(LlmBackendSimulator sim, String path, String body) {
        return send(request(sim, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends and timestamps each body line as it arrives; returns the non-empty lines. */
    static List<TimedLine> timedLines(HttpRequest request) {
        try {
            HttpResponse<java.util.stream.Stream<String>> response =
                    CLIENT.send(request, HttpResponse.BodyHandlers.ofLines());
            List<TimedLine> lines = new ArrayList<>();
            response.body().forEach(line -> {
                if (!line.isEmpty()) {
                    lines.add(new TimedLine(line, System.nanoTime()));
                }
            });
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpRequest chatRequest(LlmBackendSimulator sim, String body) {
        return request(sim, "/v1/chat/completions").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String chatBody(String model, String content, String extra) {
        return "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"system\",\"content\":\"You are terse.\"},"
                + "{\"role\":\"user\",\"content\":\"" + content + "\"}]" + (extra.isEmpty() ? "" : "," + extra) + "}";
    }
}
