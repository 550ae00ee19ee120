package dev.gatehouse.engine.accesslog.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The access log's tables: one row per request with every field of seed 003 as a column (times
 * in microseconds: {@code start_us} since the epoch, durations {@code *_us}, null where a field
 * does not apply), the time and flag indexes, the distinct texts with their full-text index, the
 * block summaries that stand in for per-dimension indexes ({@link Blocks}), and the per-minute
 * rollup that answers aggregates without raw rows.
 */
public final class Schema {

    /**
     * Bumped when the tables change; a file of another version is moved aside (kept, and reported
     * to the listener), not migrated: version 1 had per-dimension indexes and a full-text row per record.
     * Version 2 lacks block_facts and covering flag indexes, which {@link #upgrade} adds in place.
     */
    static final int VERSION = 3;

    /** The oldest version {@link #upgrade} turns into this one. */
    static final int UPGRADES_FROM = 2;

    /** Per block, what histograms count by (see BlockFacts); a block without a row is read record by record. */
    private static final String BLOCK_FACTS = "CREATE TABLE block_facts (block INTEGER PRIMARY KEY, facts BLOB NOT NULL)";

    /**
     * Partial: only the few rows they are about (queries repeat their condition word for word).
     * Ordered by time then id, as pages list records (no sort); with the response code, so that
     * a histogram of a flag counts by status class from the index alone, never reading the table
     * (a quarter of the time for 200,000 rows).
     */
    private static final List<String> FLAG_INDEXES = List.of(
            "CREATE INDEX access_log_ratelimited ON access_log(start_us, id, response_code)"
                    + " WHERE token_ratelimit_status <> 'pass'",
            "CREATE INDEX access_log_fallback ON access_log(start_us, id, response_code) WHERE fallback_from IS NOT NULL",
            "CREATE INDEX access_log_slow ON access_log(start_us, id, response_code) WHERE duration_us >= 1000000");

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
                    + " safecheck_status TEXT, token_ratelimit_status TEXT, text_id INTEGER NOT NULL)",
            // Newest first, within a time range. The one index every record pays for: an index per
            // dimension cost about a microsecond per record each; block_keys below does their job.
            "CREATE INDEX access_log_start ON access_log(start_us)",
            // The flag indexes are FLAG_INDEXES. Status classes and cache statuses are block keys
            // instead: errors can be a quarter of the rows.
            // Each distinct (path, user agent, errors) once, with its words in the full-text index: paths
            // and user agents repeat, so only a new combination pays for FTS. A record keeps its text_id.
            "CREATE TABLE texts (id INTEGER PRIMARY KEY, path TEXT NOT NULL, user_agent TEXT NOT NULL,"
                    + " errors TEXT NOT NULL)",
            "CREATE UNIQUE INDEX texts_unique ON texts(path, user_agent, errors)",
            "CREATE VIRTUAL TABLE texts_fts USING fts5(path, user_agent, errors, content='texts', content_rowid='id')",
            // The routes, models, consumers and upstream hosts seen, numbered for block_keys.
            "CREATE TABLE dim_values (id INTEGER PRIMARY KEY, kind INTEGER NOT NULL, value TEXT NOT NULL,"
                    + " UNIQUE (kind, value))",
            // Which values and texts occur in which block of records (see Blocks), and each block's time span
            // and Bloom filter of trace and request ids.
            "CREATE TABLE block_keys (key INTEGER NOT NULL, block INTEGER NOT NULL, PRIMARY KEY (key, block))"
                    + " WITHOUT ROWID",
            "CREATE INDEX block_keys_block ON block_keys(block)",
            "CREATE TABLE block_times (block INTEGER PRIMARY KEY, min_start INTEGER NOT NULL, max_start INTEGER NOT NULL)",
            "CREATE TABLE block_ids (block INTEGER PRIMARY KEY, bloom BLOB NOT NULL)",
            BLOCK_FACTS,
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
            for (String ddl : FLAG_INDEXES) {
                statement.execute(ddl);
            }
            statement.execute("PRAGMA user_version = " + VERSION);
        }
    }

    /**
     * Turns a version-2 file into this version, keeping every record: its flag indexes are
     * rebuilt with the response code (a few seconds over millions of records, once), and the
     * facts of its blocks start with the new records (histograms read older blocks' records).
     */
    static void upgrade(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String name : List.of("access_log_ratelimited", "access_log_fallback", "access_log_slow")) {
                statement.execute("DROP INDEX IF EXISTS " + name);
            }
            for (String ddl : FLAG_INDEXES) {
                statement.execute(ddl);
            }
            statement.execute(BLOCK_FACTS);
            statement.execute("PRAGMA user_version = " + VERSION);
        }
    }
}
