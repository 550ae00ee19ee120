package dev.gatehouse.engine.accesslog.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A {@link LogQuery} as a SQL condition over access_log with its parameters: exact on every
 * filter (block summaries only narrow where to look, see {@link BlockPlan}). Written so that
 * SQLite can walk the time index newest first: flags match the partial indexes' own conditions
 * word for word.
 */
final class SqlFilter {

    private final List<String> terms = new ArrayList<>();
    private final List<Object> parameters = new ArrayList<>();
    private boolean byIdRange;

    /** Durations from this many microseconds up have their own (partial) index. */
    private static final long SLOW_MICROS = 1_000_000;

    SqlFilter(LogQuery query) {
        if (query.fromMillis() != null) {
            add("start_us >= ?", query.fromMillis() * 1_000);
        }
        if (query.toMillis() != null) {
            add("start_us < ?", query.toMillis() * 1_000);
        }
        if (!query.statusClasses().isEmpty()) {
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
        // Exact here; the blocks that may hold them come from their Bloom filters (BlockPlan).
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
            if (query.minDurationMillis() * 1_000 >= SLOW_MICROS) {
                terms.add("duration_us >= " + SLOW_MICROS);
            }
            add("duration_us >= ?", query.minDurationMillis() * 1_000);
        }
        if (query.text() != null) {
            // The distinct texts with the words, listed once per statement, then checked row by row.
            add("text_id IN (SELECT rowid FROM texts_fts WHERE texts_fts MATCH ?)", ftsQuery(query.text()));
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

    /**
     * Only records strictly older than the cursor (by start time, then id). Not a row value:
     * this form lets SQLite seek the time index to the cursor.
     */
    void before(LogCursor after) {
        if (after != null) {
            add("start_us <= ?", after.startMicros());
            add("(start_us < ? OR id < ?)", after.startMicros());
            parameters.add(after.id());
        }
    }

    /** The statement {@code sql} (built on {@link #from()}) with this filter's parameters bound. */
    PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
        return statement;
    }

    /** A condition of the caller's own, without parameters. */
    void require(String term) {
        terms.add(term);
    }

    /**
     * Reads the table by id (ranges given with {@link #add}), not through an index: else SQLite
     * might walk the whole time index to find the few rows of a range.
     */
    void readByIdRange() {
        byIdRange = true;
    }

    /** {@code FROM access_log WHERE ...}, without WHERE when every record matches. */
    String from() {
        return (byIdRange ? " FROM access_log NOT INDEXED" : " FROM access_log")
                + (terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms));
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
