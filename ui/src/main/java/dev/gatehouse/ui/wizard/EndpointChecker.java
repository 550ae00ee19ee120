package dev.gatehouse.ui.wizard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.engine.cloud.Cancellation;
import dev.gatehouse.engine.cloud.HostEndpoint;
import dev.gatehouse.engine.cloud.Progress;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends each host endpoint the request an OpenAI-compatible server must answer,
 * {@code GET /v1/models}, and notes which answered and the models they serve (blocking).
 */
final class EndpointChecker {

    static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private EndpointChecker() {
    }

    static List<EndpointCheck> check(List<HostEndpoint> endpoints, Cancellation cancellation, Progress progress) {
        List<EndpointCheck> checks = new ArrayList<>();
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build()) {
            for (HostEndpoint endpoint : endpoints) {
                cancellation.check("check the host endpoints");
                progress.report(checks.size() / (double) endpoints.size(), "GET /v1/models on " + endpoint.address());
                checks.add(checkOne(client, endpoint));
            }
        }
        return checks;
    }

    private static EndpointCheck checkOne(HttpClient client, HostEndpoint endpoint) {
        URI uri = URI.create(endpoint.schema() + "://" + endpoint.address() + "/v1/models");
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return new EndpointCheck(endpoint, false, "answered HTTP " + response.statusCode(), List.of());
            }
            List<String> models = new ArrayList<>();
            JSON.readTree(response.body()).path("data").forEach((JsonNode model) -> models.add(model.path("id").asText()));
            return new EndpointCheck(endpoint, true, "OK, serves " + (models.isEmpty() ? "no models listed"
                    : String.join(", ", models)), models);
        } catch (IOException e) {
            String why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            return new EndpointCheck(endpoint, false, "no answer (" + why + "); is the peering ACTIVE and the route"
                    + " to its CIDR in place?", List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new EndpointCheck(endpoint, false, "interrupted", List.of());
        }
    }
}
