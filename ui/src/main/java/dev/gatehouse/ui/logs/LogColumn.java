package dev.gatehouse.ui.logs;

import dev.gatehouse.engine.accesslog.AccessRecord;
import dev.gatehouse.engine.accesslog.query.LogEntry;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;

/**
 * The columns the record table can show, in table order; the defaults are visible at
 * first, the others are one click away in the table's column menu.
 */
public enum LogColumn {
    TIME("Time", true, 160, r -> TimeText.TIME.format(r.startTime().atZone(ZoneId.systemDefault()))),
    STATUS("Status", true, 70, r -> String.valueOf(r.responseCode())),
    METHOD("Method", true, 80, AccessRecord::method),
    PATH("Path", true, 175, AccessRecord::path),
    ROUTE("Route", true, 100, AccessRecord::route),
    MODEL("Model", true, 150, AccessRecord::model),
    CONSUMER("Consumer", true, 110, AccessRecord::consumer),
    UPSTREAM_HOST("Upstream host", true, 140, AccessRecord::upstreamHost),
    DURATION("Duration", true, 80, r -> millis(r.durationNanos())),
    FIRST_TOKEN("First token", true, 86, r -> millis(r.firstTokenNanos())),
    TOKENS_IN("Tokens in", true, 76, r -> String.valueOf(r.inputTokens())),
    TOKENS_OUT("Tokens out", true, 80, r -> String.valueOf(r.outputTokens())),
    CACHE("Cache", true, 70, AccessRecord::cacheStatus),
    FALLBACK("Fallback", true, 100, AccessRecord::fallbackFrom),
    REQUEST_ID("Request id", false, 200, AccessRecord::requestId),
    TRACE_ID("Trace id", false, 240, AccessRecord::traceId),
    CLIENT_IP("Client", false, 110, AccessRecord::clientIp),
    RESPONSE_TYPE("Response", false, 70, AccessRecord::responseType),
    DETAILS("Details", false, 140, AccessRecord::responseCodeDetails),
    RATE_LIMIT("Rate limit", false, 120, AccessRecord::tokenRatelimitStatus),
    USER_AGENT("User agent", false, 160, AccessRecord::userAgent),
    BYTES_SENT("Bytes sent", false, 80, r -> String.valueOf(r.bytesSent()));

    private final String title;
    private final boolean visibleByDefault;
    private final double width;
    private final Function<AccessRecord, String> text;

    LogColumn(String title, boolean visibleByDefault, double width, Function<AccessRecord, String> text) {
        this.title = title;
        this.visibleByDefault = visibleByDefault;
        this.width = width;
        this.text = text;
    }

    public String title() {
        return title;
    }

    public boolean visibleByDefault() {
        return visibleByDefault;
    }

    public double width() {
        return width;
    }

    /** What the cell shows; empty where the field does not apply. */
    public String text(LogEntry entry) {
        String value = text.apply(entry.record());
        return value == null ? "" : value;
    }

    private static String millis(long nanos) {
        return nanos < 0 ? "" : String.format(Locale.ROOT, "%,d ms", Math.round(nanos / 1e6));
    }

    private static final class TimeText {
        static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss.SSS");
    }
}
