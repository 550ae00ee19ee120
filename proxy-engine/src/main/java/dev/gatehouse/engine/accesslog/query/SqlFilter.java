package dev.gatehouse.engine.accesslog.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A {@link LogQuery} as a SQL condition over access_log with its parameters. Written so that
 * SQLite can walk an index newest first: equality filters match the (column, start_us) indexes,
 * flags match the partial indexes' own conditions word for word, and status classes never use
 * the status-code index (that would need a sort of every matching row).
 */
final class SqlFilter {

    private final List<String> terms = new ArrayList<>();
    private final List<Object> parameters = new ArrayList<>();

    SqlFilter(LogQuery query, boolean durationByIndex) {
        if (query.fromMillis() != null) {
            add("start_us >= ?", query.fromMillis() * 1_000);
        }
        if (query.toMillis() != null) {
            add("start_us < ?", query.toMillis() * 1_000);
        }
        if (!query.statusClasses().isEmpty()) {
            if (query.statusClasses().stream().allMatch(c -> c >= 4)) {
                terms.add("response_code >= 400");
            }
            terms.add("(+response_code / 100) IN (" + query.statusClasses().stream().distinct()
                    .map(String::valueOf).collect(Collectors.joining(", ")) + ")");
        }
        equal("response_code", query.statusCode());
        equal("route_name", query.route());
        equal("model", query.model());
        equal("consumer", query.consumer());
        equal("upstream_host", query.upstreamHost());
        equal("response_type", query.responseType());
        equal("cache_status", query.cacheStatus());
        equal("trace_id", query.traceId());
        equal("request_id", query.requestId());
        if (query.rateLimited() != null) {
            terms.add(query.rateLimited() ? "token_ratelimit_status <> 'pass'"
                    : "(token_ratelimit_status IS NULL OR token_ratelimit_status = 'pass')");
        }
        if (query.fallback() != null) {
            terms.add(query.fallback() ? "fallback_from IS NOT NULL" : "fallback_from IS NULL");
        }
        if (query.minDurationMillis() != null) {
            // The duration index only pays off when few records are that slow; else walk by time.
            add(durationByIndex ? "duration_us >= ?" : "+duration_us >= ?", query.minDurationMillis() * 1_000);
        }
        if (query.text() != null) {
            add("id IN (SELECT rowid FROM access_log_text WHERE access_log_text MATCH ?)", ftsQuery(query.text()));
        }
    }

    private void equal(String column, Object value) {
        if (value != null) {
            add(column + " = ?", value);
        }
    }

    void add(String term, Object parameter) {
        terms.add(term);
        parameters.add(parameter);
    }

    /** {@code WHERE ...}, or nothing when every record matches. */
    String where() {
        return terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms);
    }

    List<Object> parameters() {
        return parameters;
    }

    /**
     * The user's words as an FTS5 query that cannot be a syntax error: each word a quoted
     * phrase matched as a prefix, all of them required.
     */
    static String ftsQuery(String text) {
        StringBuilder query = new StringBuilder();
        for (String word : text.trim().split("\\s+")) {
            if (word.codePoints().noneMatch(Character::isLetterOrDigit)) {
                continue;
            }
            if (!query.isEmpty()) {
                query.append(' ');
            }
            query.append('"').append(word.toLowerCase(Locale.ROOT).replace("\"", "\"\"")).append("\"*");
        }
        return query.toString();
    }
}
