package dev.gatehouse.engine.telemetry;

import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The figures of all traffic, or of one route, pool, endpoint, model or consumer, since the
 * engine started.
 *
 * @param responses     requests by response class: {@code 2xx}, {@code 3xx}, {@code 4xx}, {@code 5xx},
 *                      and {@code none} for requests that got no response (the client left first)
 * @param gatewayErrors the errors the gateway answered itself, by type ({@code rate_limit_exceeded},
 *                      {@code upstream_timeout}, ...): the rest of a class came from the upstream
 * @param cacheLookups  requests that looked in the response cache; {@code cacheHits} were answered from it
 * @param rateLimited   requests refused by the gateway's rate limits or quotas
 * @param fallbacks     requests answered by a fallback pool
 * @param latency       arrival of the request to the end of its response
 * @param upstream      the upstream's time to answer (response head)
 * @param firstToken    AI streams: arrival of the request to the first generated token
 */
public record KeyFigures(long requests, Map<String, Long> responses, Map<String, Long> gatewayErrors,
                         long inputTokens, long outputTokens, long cacheLookups, long cacheHits, long rateLimited,
                         long fallbacks, Distribution latency, Distribution upstream, Distribution firstToken) {

    public KeyFigures {
        responses = Map.copyOf(responses);
        gatewayErrors = Map.copyOf(gatewayErrors);
        requireNonNull(latency, "latency");
        requireNonNull(upstream, "upstream");
        requireNonNull(firstToken, "firstToken");
    }

    /** Requests of a response class ({@code 4xx}, ...), 0 when none. */
    public long responses(String statusClass) {
        return responses.getOrDefault(statusClass, 0L);
    }

    /** Requests that ended in a 4xx, a 5xx or no response. */
    public long errors() {
        return responses("4xx") + responses("5xx") + responses("none");
    }
}
