package dev.gatehouse.ui.wizard;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.engine.cloud.HostEndpoint;
import java.util.List;

/** One host endpoint of the service and what its test request ({@code GET /v1/models}) found. */
public record EndpointCheck(HostEndpoint endpoint, boolean ok, String detail, List<String> models) {

    public EndpointCheck {
        requireNonNull(endpoint, "endpoint");
        requireNonNull(detail, "detail");
        models = List.copyOf(models);
    }
}
