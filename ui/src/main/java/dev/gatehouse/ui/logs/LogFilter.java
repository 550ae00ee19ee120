package dev.gatehouse.ui.logs;

import dev.gatehouse.engine.accesslog.query.LogQuery;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/**
 * The explorer's filters: a time range and the other filters by {@link FilterKey}, all combined.
 * Written as a URL-like text ({@code range=1h&model=qwen&status=5}) for saved queries. A filter
 * that the engine would refuse (a status code of 42, an unknown key) is refused here, with the
 * filter's name in the message.
 */
public record LogFilter(TimeRange range, Map<FilterKey, String> values) {

    public static final LogFilter DEFAULT = new LogFilter(TimeRange.of(TimeRange.Preset.LAST_24_HOURS), Map.of());

    public LogFilter {
        Objects.requireNonNull(range, "range");
        EnumMap<FilterKey, String> copy = new EnumMap<>(FilterKey.class);
        values.forEach((key, value) -> {
            if (value != null && !value.isBlank()) {
                copy.put(key, value.trim());
            }
        });
        values = Collections.unmodifiableMap(copy);
        query(range, values, 0); // refuses what the engine would refuse, now rather than on the next page
    }

    /** The engine's query, with a preset range resolved at {@code nowMillis}. */
    public LogQuery toQuery(long nowMillis) {
        return query(range, values, nowMillis);
    }

    private static LogQuery query(TimeRange range, Map<FilterKey, String> values, long nowMillis) {
        LogQuery.Builder builder = LogQuery.builder();
        values.forEach((key, value) -> key.apply(builder, value));
        return bounded(builder.build(), range.fromAt(nowMillis), range.toMillis());
    }

    /** {@code query} with its time bounds replaced; null bounds are open (the builder cannot unset one). */
    static LogQuery bounded(LogQuery q, Long fromMillis, Long toMillis) {
        return new LogQuery(fromMillis, toMillis, q.statusClasses(), q.statusCode(), q.route(), q.model(), q.consumer(),
                q.upstreamHost(), q.responseType(), q.cacheStatus(), q.rateLimited(), q.fallback(),
                q.minDurationMillis(), q.traceId(), q.requestId(), q.text());
    }

    /** This filter with {@code key} set to {@code value}; null or blank removes it. */
    public LogFilter with(FilterKey key, String value) {
        Map<FilterKey, String> next = new EnumMap<>(FilterKey.class);
        next.putAll(values);
        next.put(key, value);
        return new LogFilter(range, next);
    }

    public LogFilter without(FilterKey key) {
        return with(key, null);
    }

    public LogFilter withRange(TimeRange newRange) {
        return new LogFilter(newRange, values);
    }

    /** The filters a slice from another page sets: its bounds as a custom range (or the last 24 hours). */
    public static LogFilter of(LogQuery query) {
        TimeRange range = query.fromMillis() == null && query.toMillis() == null
                ? TimeRange.of(TimeRange.Preset.LAST_24_HOURS) : TimeRange.between(query.fromMillis(), query.toMillis());
        Map<FilterKey, String> values = new EnumMap<>(FilterKey.class);
        if (!query.statusClasses().isEmpty()) {
            values.put(FilterKey.STATUS, query.statusClasses().stream().map(String::valueOf).collect(Collectors.joining(",")));
        }
        putIfSet(values, FilterKey.CODE, query.statusCode());
        putIfSet(values, FilterKey.ROUTE, query.route());
        putIfSet(values, FilterKey.MODEL, query.model());
        putIfSet(values, FilterKey.CONSUMER, query.consumer());
        putIfSet(values, FilterKey.HOST, query.upstreamHost());
        putIfSet(values, FilterKey.TYPE, query.responseType());
        putIfSet(values, FilterKey.CACHE, query.cacheStatus());
        putIfSet(values, FilterKey.LIMITED, query.rateLimited() == null ? null : query.rateLimited() ? "yes" : "no");
        putIfSet(values, FilterKey.FALLBACK, query.fallback() == null ? null : query.fallback() ? "yes" : "no");
        putIfSet(values, FilterKey.SLOWER, query.minDurationMillis());
        putIfSet(values, FilterKey.TRACE, query.traceId());
        putIfSet(values, FilterKey.REQUEST, query.requestId());
        putIfSet(values, FilterKey.TEXT, query.text());
        return new LogFilter(range, values);
    }

    private static void putIfSet(Map<FilterKey, String> values, FilterKey key, Object value) {
        if (value != null) {
            values.put(key, value.toString());
        }
    }

    /** The URL-like text of a saved query: {@code range=...} first, then the filters in {@link FilterKey} order. */
    public String encode() {
        StringJoiner text = new StringJoiner("&");
        text.add("range=" + range.preset().code());
        if (range.fromMillis() != null) {
            text.add("from=" + range.fromMillis());
        }
        if (range.toMillis() != null) {
            text.add("to=" + range.toMillis());
        }
        values.forEach((key, value) -> text.add(key.code() + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return text.toString();
    }

    /** Reads {@link #encode()}'s text back; a part that makes no sense throws, naming it. */
    public static LogFilter decode(String text) {
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : text.strip().split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int equals = part.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("\"" + part + "\" is not name=value");
            }
            parts.put(part.substring(0, equals), URLDecoder.decode(part.substring(equals + 1), StandardCharsets.UTF_8));
        }
        TimeRange.Preset preset = TimeRange.Preset.ofCode(parts.getOrDefault("range", "24h"));
        TimeRange range = new TimeRange(preset, millis(parts.remove("from"), "from"), millis(parts.remove("to"), "to"));
        parts.remove("range");
        Map<FilterKey, String> values = new EnumMap<>(FilterKey.class);
        parts.forEach((code, value) -> values.put(FilterKey.ofCode(code), value));
        return new LogFilter(range, values);
    }

    private static Long millis(String value, String name) {
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": \"" + value + "\" is not a time in epoch milliseconds");
        }
    }
}
