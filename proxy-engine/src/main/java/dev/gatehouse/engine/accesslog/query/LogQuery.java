package dev.gatehouse.engine.accesslog.query;

import java.util.List;

/**
 * Which access log records to look at: every field optional (null matches all), all of them
 * combined with AND. Times are epoch milliseconds, {@code from} inclusive, {@code to} exclusive.
 *
 * @param statusClasses   response code classes, 1 to 5 (5 for 5xx); any of them matches
 * @param rateLimited     true: refused by a token or request limit; false: not refused
 * @param fallback        true: served after a fallback from another pool; false: not
 * @param minDurationMillis the request took at least this long
 * @param text            words that must all appear in the path, user agent or error details (whole
 *                        words; {@code chat*} for a prefix)
 */
public record LogQuery(Long fromMillis, Long toMillis, List<Integer> statusClasses, Integer statusCode, String route,
                       String model, String consumer, String upstreamHost, String responseType, String cacheStatus,
                       Boolean rateLimited, Boolean fallback, Long minDurationMillis, String traceId, String requestId,
                       String text) {

    public LogQuery {
        statusClasses = statusClasses == null ? List.of() : List.copyOf(statusClasses);
        for (int statusClass : statusClasses) {
            if (statusClass < 1 || statusClass > 5) {
                throw new IllegalArgumentException("statusClasses: " + statusClass + " is not 1 to 5 (5 for 5xx)");
            }
        }
        if (statusCode != null && (statusCode < 100 || statusCode > 599)) {
            throw new IllegalArgumentException("statusCode: " + statusCode + " is not an HTTP status (100 to 599)");
        }
        if (fromMillis != null && toMillis != null && fromMillis >= toMillis) {
            throw new IllegalArgumentException("fromMillis (" + fromMillis + ") must be before toMillis (" + toMillis + ")");
        }
        if (minDurationMillis != null && minDurationMillis < 0) {
            throw new IllegalArgumentException("minDurationMillis must not be negative, was " + minDurationMillis);
        }
        if (text != null && (text.length() > 500 || text.codePoints().noneMatch(Character::isLetterOrDigit))) {
            throw new IllegalArgumentException("text must be at most 500 characters with a letter or digit to search for");
        }
    }

    /** Every record. */
    public static LogQuery all() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.fromMillis = fromMillis;
        b.toMillis = toMillis;
        b.statusClasses = statusClasses;
        b.statusCode = statusCode;
        b.route = route;
        b.model = model;
        b.consumer = consumer;
        b.upstreamHost = upstreamHost;
        b.responseType = responseType;
        b.cacheStatus = cacheStatus;
        b.rateLimited = rateLimited;
        b.fallback = fallback;
        b.minDurationMillis = minDurationMillis;
        b.traceId = traceId;
        b.requestId = requestId;
        b.text = text;
        return b;
    }

    /** Sets the filters one by one; unset ones match everything. */
    public static final class Builder {
        private Long fromMillis;
        private Long toMillis;
        private List<Integer> statusClasses = List.of();
        private Integer statusCode;
        private String route;
        private String model;
        private String consumer;
        private String upstreamHost;
        private String responseType;
        private String cacheStatus;
        private Boolean rateLimited;
        private Boolean fallback;
        private Long minDurationMillis;
        private String traceId;
        private String requestId;
        private String text;

        private Builder() {
        }

        public Builder between(long fromMillis, long toMillis) {
            this.fromMillis = fromMillis;
            this.toMillis = toMillis;
            return this;
        }

        public Builder statusClasses(Integer... classes) { this.statusClasses = List.of(classes); return this; }
        public Builder statusCode(int code) { this.statusCode = code; return this; }
        public Builder route(String value) { this.route = value; return this; }
        public Builder model(String value) { this.model = value; return this; }
        public Builder consumer(String value) { this.consumer = value; return this; }
        public Builder upstreamHost(String value) { this.upstreamHost = value; return this; }
        public Builder responseType(String value) { this.responseType = value; return this; }
        public Builder cacheStatus(String value) { this.cacheStatus = value; return this; }
        public Builder rateLimited(boolean value) { this.rateLimited = value; return this; }
        public Builder fallback(boolean value) { this.fallback = value; return this; }
        public Builder minDurationMillis(long value) { this.minDurationMillis = value; return this; }
        public Builder traceId(String value) { this.traceId = value; return this; }
        public Builder requestId(String value) { this.requestId = value; return this; }
        public Builder text(String value) { this.text = value; return this; }

        public LogQuery build() {
            return new LogQuery(fromMillis, toMillis, statusClasses, statusCode, route, model, consumer, upstreamHost,
                    responseType, cacheStatus, rateLimited, fallback, minDurationMillis, traceId, requestId, text);
        }
    }
}
