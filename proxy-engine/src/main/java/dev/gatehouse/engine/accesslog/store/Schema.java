package dev.gatehouse.engine.accesslog.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The access log's tables: one row per request with every field of seed 003 as a column (times
 * in microseconds: {@code start_us} since the epoch, durations {@code *_us}, null where a field
 * does not apply), the indexes the explorer's filters use, the full-text index over path, user
 * agent and errors, and the per-minute rollup that answers aggregates without raw rows.
 */
public final class Schema {

    /** Bumped when the tables change; a file of another version is set aside, not migrated (yet). */
    static final int VERSION = 1;

    /** The access_log columns after {@code id}, in the order {@link RecordInsert} writes them. */
    public static final List<String> COLUMNS = List.of(
            "start_us", "request_id", "trace_id", "method", "path", "authority", "protocol", "client_ip",
            "user_agent", "x_forwarded_for", "downstream_local_address", "downstream_remote_address",
            "route_name", "upstream_cluster", "upstream_host", "upstream_local_address", "response_code",
            "response_code_details", "upstream_transport_failure_reason", "duration_us", "request_duration_us",
            "response_tx_duration_us", "upstream_service_time_us", "bytes_received", "bytes_sent", "api", "model",
            "consumer", "input_token", "output_token", "tokens_estimated", "llm_first_token_duration_us",
            "llm_service_duration_us", "response_type", "cache_status", "fallback_from", "safecheck_status",
            "token_ratelimit_status");

    private static final List<String> DDL = List.of(
            "CREATE TABLE access_log (id INTEGER PRIMARY KEY, start_us INTEGER NOT NULL, request_id TEXT, trace_id TEXT,"
                    + " method TEXT, path TEXT, authority TEXT, protocol TEXT, client_ip TEXT, user_agent TEXT,"
                    + " x_forwarded_for TEXT, downstream_local_address TEXT, downstream_remote_address TEXT,"
                    + " route_name TEXT, upstream_cluster TEXT, upstream_host TEXT, upstream_local_address TEXT,"
                    + " response_code INTEGER NOT NULL, response_code_details TEXT,"
                    + " upstream_transport_failure_reason TEXT, duration_us INTEGER NOT NULL,"
                    + " request_duration_us INTEGER, response_tx_duration_us INTEGER, upstream_service_time_us INTEGER,"
                    + " bytes_received INTEGER NOT NULL, bytes_sent INTEGER NOT NULL, api TEXT, model TEXT,"
                    + " consumer TEXT, input_token INTEGER NOT NULL, output_token INTEGER NOT NULL,"
                    + " tokens_estimated INTEGER NOT NULL, llm_first_token_duration_us INTEGER,"
                    + " llm_service_duration_us INTEGER, response_type TEXT, cache_status TEXT, fallback_from TEXT,"
                    + " safecheck_status TEXT, token_ratelimit_status TEXT)",
            // Newest first, within a time range: every page is a walk down one of these. Only keys that
            // grow with time (a few routes, models... then start_us): random keys such as trace ids
            // would cost a random page write per record; those are found through the full-text index.
            "CREATE INDEX access_log_start ON access_log(start_us)",
            "CREATE INDEX access_log_route ON access_log(route_name, start_us)",
            "CREATE INDEX access_log_model ON access_log(model, start_us)",
            "CREATE INDEX access_log_consumer ON access_log(consumer, start_us)",
            "CREATE INDEX access_log_upstream ON access_log(upstream_host, start_us)",
            // Partial: only the few rows they are about (queries repeat their condition word for word).
            "CREATE INDEX access_log_failed ON access_log(start_us) WHERE response_code >= 400",
            "CREATE INDEX access_log_ratelimited ON access_log(start_us) WHERE token_ratelimit_status <> 'pass'",
            "CREATE INDEX access_log_fallback ON access_log(start_us) WHERE fallback_from IS NOT NULL",
            "CREATE INDEX access_log_cache_hit ON access_log(start_us) WHERE cache_status = 'hit'",
            "CREATE INDEX access_log_slow ON access_log(start_us) WHERE duration_us >= 1000000",
            // Contentless: the text lives in access_log; the index maps words (and ids) to row ids. Filled
            // and emptied by the writer itself, not by triggers: FTS5 flushes its buffered terms at
            // every statement a trigger runs in, which made each insert four times as expensive.
            "CREATE VIRTUAL TABLE access_log_text USING fts5(path, user_agent, errors, trace_id, request_id,"
                    + " content='', contentless_delete=1)",
            // One row per minute, dimension (0 all, 1 route, 2 model, 3 consumer, 4 upstream host),
            // value and status class: counts, tokens and a latency histogram (LatencyHistogram).
            "CREATE TABLE minute_rollup (dim INTEGER NOT NULL, value TEXT NOT NULL, minute INTEGER NOT NULL,"
                    + " status_class INTEGER NOT NULL, requests INTEGER NOT NULL, input_tokens INTEGER NOT NULL,"
                    + " output_tokens INTEGER NOT NULL, latency BLOB NOT NULL,"
                    + " PRIMARY KEY (dim, minute, value, status_class)) WITHOUT ROWID",
            // Top-N reads a time range of one dimension straight from the table; one value's minutes come from here.
            "CREATE INDEX minute_rollup_by_value ON minute_rollup(dim, value, minute)");

    private Schema() {
    }

    /** Creates the tables in an empty database (whose auto_vacuum was set before its first page). */
    static void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String ddl : DDL) {
                statement.execute(ddl);
            }
            statement.execute("PRAGMA user_version = " + VERSION);
        }
    }
}
