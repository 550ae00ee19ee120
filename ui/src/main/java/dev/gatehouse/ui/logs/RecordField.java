package dev.gatehouse.ui.logs;

import dev.gatehouse.engine.accesslog.AccessRecord;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One field of a record as the detail pane lists it: its group ({@code request}, {@code upstream},
 * {@code timing} or {@code ai_log}), its seed 003 name and its value ("—" where it does not apply).
 */
public record RecordField(String group, String name, String value) {

    public static final String NONE = "\u2014";

    public RecordField {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(name, "name");
        value = value == null ? NONE : value;
    }

    /** Every field of {@code r}, grouped, in seed 003's order within each group. */
    public static List<RecordField> of(AccessRecord r) {
        return List.of(
                new RecordField("request", "start_time", r.startTime().toString()),
                new RecordField("request", "request_id", r.requestId()),
                new RecordField("request", "trace_id", r.traceId()),
                new RecordField("request", "method", r.method()),
                new RecordField("request", "path", r.path()),
                new RecordField("request", "authority", r.authority()),
                new RecordField("request", "protocol", r.protocol()),
                new RecordField("request", "client_ip", r.clientIp()),
                new RecordField("request", "user_agent", r.userAgent()),
                new RecordField("request", "x_forwarded_for", r.xForwardedFor()),
                new RecordField("request", "downstream_local_address", r.downstreamLocalAddress()),
                new RecordField("request", "downstream_remote_address", r.downstreamRemoteAddress()),
                new RecordField("request", "response_code", String.valueOf(r.responseCode())),
                new RecordField("request", "response_code_details", r.responseCodeDetails()),
                new RecordField("request", "bytes_received", String.valueOf(r.bytesReceived())),
                new RecordField("request", "bytes_sent", String.valueOf(r.bytesSent())),
                new RecordField("upstream", "route_name", r.route()),
                new RecordField("upstream", "upstream_cluster", r.upstreamCluster()),
                new RecordField("upstream", "upstream_host", r.upstreamHost()),
                new RecordField("upstream", "upstream_local_address", r.upstreamLocalAddress()),
                new RecordField("upstream", "upstream_transport_failure_reason", r.upstreamTransportFailureReason()),
                new RecordField("timing", "duration", millis(r.durationNanos())),
                new RecordField("timing", "request_duration", millis(r.requestDurationNanos())),
                new RecordField("timing", "upstream_service_time", millis(r.upstreamServiceNanos())),
                new RecordField("timing", "response_tx_duration", millis(r.responseTxNanos())),
                new RecordField("ai_log", "api", r.api()),
                new RecordField("ai_log", "model", r.model()),
                new RecordField("ai_log", "consumer", r.consumer()),
                new RecordField("ai_log", "input_token", String.valueOf(r.inputTokens())),
                new RecordField("ai_log", "output_token", String.valueOf(r.outputTokens())),
                new RecordField("ai_log", "tokens_estimated", String.valueOf(r.tokensEstimated())),
                new RecordField("ai_log", "llm_first_token_duration", millis(r.firstTokenNanos())),
                new RecordField("ai_log", "llm_service_duration", millis(r.serviceNanos())),
                new RecordField("ai_log", "response_type", r.responseType()),
                new RecordField("ai_log", "cache_status", r.cacheStatus()),
                new RecordField("ai_log", "fallback_from", r.fallbackFrom()),
                new RecordField("ai_log", "safecheck_status", r.safecheckStatus()),
                new RecordField("ai_log", "token_ratelimit_status", r.tokenRatelimitStatus()));
    }

    /** Nanoseconds as milliseconds with up to three decimals; negative means "does not apply". */
    static String millis(long nanos) {
        if (nanos < 0) {
            return null;
        }
        double ms = nanos / 1e6;
        return ms >= 100 ? String.format(Locale.ROOT, "%,.0f ms", ms) : String.format(Locale.ROOT, "%.3f ms", ms);
    }
}
