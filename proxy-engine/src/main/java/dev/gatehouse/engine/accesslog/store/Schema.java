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
            // Newest first, within a time range: every page is a walk down one of these.
            "CREATE INDEX access_log_start ON access_log(start_us)",
            "CREATE INDEX access_log_route ON access_log(route_name, start_us)",
            "CREATE INDEX access_log_model ON access_log(model, start_us)",
            "CREATE INDEX access_log_consumer ON access_log(consumer, start_us)",
            "CREATE INDEX access_log_upstream ON access_log(upstream_host, start_us)",
            "CREATE INDEX access_log_status ON access_log(response_code, start_us)",
            "CREATE INDEX access_log_trace ON access_log(trace_id)",
            "CREATE INDEX access_log_request ON access_log(request_id)",
            "CREATE INDEX access_log_duration ON access_log(duration_us)",
            // Partial: only the rows they are about, so they cost nothing for ordinary requests.
            "CREATE INDEX access_log_failed ON access_log(start_us) WHERE response_code >= 400",
            "CREATE INDEX access_log_ratelimited ON access_log(start_us) WHERE token_ratelimit_status <> 'pass'",
            "CREATE INDEX access_log_fallback ON access_log(start_us) WHERE fallback_from IS NOT NULL",
            "CREATE INDEX access_log_cache ON access_log(cache_status, start_us) WHERE cache_status IS NOT NULL",
            "CREATE INDEX access_log_response_type ON access_log(response_type, start_us) WHERE response_type IS NOT NULL",
            // Contentless: the text lives in access_log; the index only maps words to row ids.
            "CREATE VIRTUAL TABLE access_log_text USING fts5(path, user_agent, errors, content='',"
                    + " contentless_delete=1)",
            "CREATE TRIGGER access_log_text_insert AFTER INSERT ON access_log BEGIN"
                    + " INSERT INTO access_log_text(rowid, path, user_agent, errors) VALUES (new.id, new.path,"
                    + " new.user_agent, coalesce(new.response_code_details, '') || ' '"
                    + " || coalesce(new.upstream_transport_failure_reason, '')); END",
            "CREATE TRIGGER access_log_text_delete AFTER DELETE ON access_log BEGIN"
                    + " DELETE FROM access_log_text WHERE rowid = old.id; END",
            // One row per minute, dimension (0 all, 1 route, 2 model, 3 consumer, 4 upstream host),
            // value and status class: counts, tokens and a latency histogram (LatencyHistogram).
            "CREATE TABLE minute_rollup (dim INTEGER NOT NULL, value TEXT NOT NULL, minute INTEGER NOT NULL,"
                    + " status_class INTEGER NOT NULL, requests INTEGER NOT NULL, input_tokens INTEGER NOT NULL,"
                    + " output_tokens INTEGER NOT NULL, latency BLOB NOT NULL,"
                    + " PRIMARY KEY (dim, value, minute, status_class)) WITHOUT ROWID",
            "CREATE INDEX minute_rollup_by_minute ON minute_rollup(dim, minute)");

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
