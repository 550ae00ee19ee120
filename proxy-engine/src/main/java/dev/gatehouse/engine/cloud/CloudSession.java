package dev.gatehouse.engine.cloud;

import java.util.List;

import java.util.ArrayList;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** What every API class shares: the HTTP client, the credentials, the endpoints and the project id. */
final class CloudSession {

    private final CloudHttp http;
    private final RequestAuth auth;
    private final CloudEndpoints endpoints;
    private final Supplier<String> projectId;

    CloudSession(CloudHttp http, RequestAuth auth, CloudEndpoints endpoints, Supplier<String> projectId) {
        this.http = http;
        this.auth = auth;
        this.endpoints = endpoints;
        this.projectId = projectId;
    }

    CloudOptions options() {
        return http.options();
    }

    String projectId() {
        return projectId.get();
    }

    /** Calls {@code service} at {@code path}, where "{project_id}" is replaced by the project id. */
    JsonNode call(String method, String service, String path, JsonNode body, String doing, Cancellation cancellation) {
        String resolved = path.replace("{project_id}", projectId());
        return http.call(method, endpoints.resolve(service, resolved), body, auth, doing, cancellation);
    }

    JsonNode get(String service, String path, String doing) {
        return call("GET", service, path, null, doing, Cancellation.none());
    }

    /**
     * Polls {@code read} every poll interval until {@code done} holds, reporting each state, until
     * {@code timeout} (then {@link CloudException.Kind#TIMED_OUT}) or cancellation.
     */
    <T> T await(Supplier<T> read, Predicate<T> done, Function<T, String> describe, Duration timeout,
                Cancellation cancellation, Progress progress, String doing) {
        Instant deadline = options().clock().instant().plus(timeout);
        while (true) {
            cancellation.check(doing);
            T state = read.get();
            progress.report(-1, describe.apply(state));
            if (done.test(state)) {
                return state;
            }
            if (!options().clock().instant().isBefore(deadline)) {
                throw new CloudException(CloudException.Kind.TIMED_OUT, "gave up waiting to " + doing + " after "
                        + timeout.toSeconds() + " s; last state: " + describe.apply(state));
            }
            options().pauser().pause(options().pollInterval(), cancellation, doing);
        }
    }

    /** Each element of a JSON array made into a {@code T}: how every list answer is read. */
    static <T> List<T> list(JsonNode array, java.util.function.Function<JsonNode, T> from) {
        List<T> out = new ArrayList<>();
        array.forEach(node -> out.add(from.apply(node)));
        return List.copyOf(out);
    }
}
