package dev.gatehouse.engine.telemetry;

import dev.gatehouse.engine.accesslog.AccessRecord;

/**
 * How one finished request is counted, worked out once and applied to every dimension it
 * belongs to. A response code of 0 means the client got no response (it left, or the connection
 * broke first). {@code gatewayError} is the gateway's own error type (from
 * {@code response_code_details}), null when the upstream answered. The buckets are the
 * {@link LatencyBuckets} of the request's durations, -1 for a duration it does not have.
 */
record Outcome(StatusClass statusClass, String gatewayError, boolean rateLimited, boolean cacheLookup,
               boolean cacheHit, boolean fallback, int latencyBucket, int upstreamBucket, int firstTokenBucket) {

    /** The {@code response_code_details} of a response that came from the upstream. */
    static final String VIA_UPSTREAM = "via_upstream";

    /** Response classes, as counted and exposed. */
    enum StatusClass {
        OK("2xx"), REDIRECT("3xx"), CLIENT_ERROR("4xx"), SERVER_ERROR("5xx"), NO_RESPONSE("none");

        final String label;

        StatusClass(String label) {
            this.label = label;
        }

        boolean isError() {
            return this == CLIENT_ERROR || this == SERVER_ERROR || this == NO_RESPONSE;
        }

        static StatusClass of(int code) {
            if (code >= 500) {
                return SERVER_ERROR;
            }
            if (code >= 400) {
                return CLIENT_ERROR;
            }
            if (code >= 300) {
                return REDIRECT;
            }
            return code > 0 ? OK : NO_RESPONSE;
        }
    }

    static Outcome of(AccessRecord record) {
        String details = record.responseCodeDetails();
        String gatewayError = details == null || details.isEmpty() || details.equals(VIA_UPSTREAM) ? null : details;
        // The gateway's own refusals: a token/request limit or a quota (the upstream's 429 is not one).
        boolean rateLimited = "rate_limit_exceeded".equals(gatewayError) || "insufficient_quota".equals(gatewayError);
        String cache = record.cacheStatus();
        return new Outcome(StatusClass.of(record.responseCode()), gatewayError, rateLimited, cache != null,
                "hit".equals(cache), record.fallbackFrom() != null, bucketOf(record.durationNanos()),
                bucketOf(record.upstreamServiceNanos()), bucketOf(record.firstTokenNanos()));
    }

    /** The bucket of a duration, or -1 for the -1 that says the request has none. */
    private static int bucketOf(long nanos) {
        return nanos < 0 ? -1 : LatencyBuckets.indexOf(nanos);
    }
}
