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

    /** Durations from this many microseconds up have their own (partial) index. */
    private static final long SLOW_MICROS = 1_000_000;

    SqlFilter(LogQuery query) {
        this(query, false);
    }

    /**
     * @param textByProbe check the words row by row as the walk goes (for words in many records,
     *                    where listing every matching row first would take longer than the page)
     */
    SqlFilter(LogQuery query, boolean textByProbe) {
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
        if (query.statusCode() != null && query.statusCode() >= 400) {
            terms.add("response_code >= 400");
        }
        equal("response_code", query.statusCode());
        equal("route_name", query.route());
        equal("model", query.model());
        equal("consumer", query.consumer());
        equal("upstream_host", query.upstreamHost());
        equal("response_type", query.responseType());
        if ("hit".equals(query.cacheStatus())) {
            terms.add("cache_status = 'hit'");
        } else {
            equal("cache_status", query.cacheStatus());
        }
        // Found through the full-text index (no B-tree index on random ids), then checked exactly.
        if (query.traceId() != null) {
            add("id IN (SELECT rowid FROM access_log_text WHERE access_log_text MATCH ?)", column("trace_id", query.traceId()));
            equal("trace_id", query.traceId());
        }
        if (query.requestId() != null) {
            add("id IN (SELECT rowid FROM access_log_text WHERE access_log_text MATCH ?)", column("request_id", query.requestId()));
            equal("request_id", query.requestId());
        }
        if (query.rateLimited() != null) {
            terms.add(query.rateLimited() ? "token_ratelimit_status <> 'pass'"
                    : "(token_ratelimit_status IS NULL OR token_ratelimit_status = 'pass')");
        }
        if (query.fallback() != null) {
            terms.add(query.fallback() ? "fallback_from IS NOT NULL" : "fallback_from IS NULL");
        }
        if (query.minDurationMillis() != null) {
            if (query.minDurationMillis() * 1_000 >= SLOW_MICROS) {
                terms.add("duration_us >= " + SLOW_MICROS);
            }
            add("duration_us >= ?", query.minDurationMillis() * 1_000);
        }
        if (query.text() != null) {
            add(textByProbe ? "EXISTS (SELECT 1 FROM access_log_text WHERE access_log_text MATCH ?"
                    + " AND access_log_text.rowid = access_log.id)"
                    : "id IN (SELECT rowid FROM access_log_text WHERE access_log_text MATCH ?)", ftsQuery(query.text()));
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

    /** An exact value as an FTS5 phrase confined to one column. */
    private static String column(String name, String value) {
        return name + " : \"" + value.toLowerCase(Locale.ROOT).replace("\"", "\"\"") + "\"";
    }

    /**
     * The user's words as an FTS5 query that cannot be a syntax error: each word a quoted phrase
     * over path, user agent and errors, all of them required; a word ending in {@code *} matches
     * as a prefix. Whole words by default: a prefix lists every word it covers at each lookup,
     * which a page that checks row by row cannot afford for a common prefix.
     */
    static String ftsQuery(String text) {
        StringBuilder query = new StringBuilder();
        for (String word : text.trim().split("\\s+")) {
            boolean prefix = word.endsWith("*");
            String bare = prefix ? word.substring(0, word.length() - 1) : word;
            if (bare.codePoints().noneMatch(Character::isLetterOrDigit)) {
                continue;
            }
            if (!query.isEmpty()) {
                query.append(' ');
            }
            query.append("{path user_agent errors} : \"").append(bare.toLowerCase(Locale.ROOT).replace("\"", "\"\""))
                    .append(prefix ? "\"*" : "\"");
        }
        return query.toString();
    }
}
