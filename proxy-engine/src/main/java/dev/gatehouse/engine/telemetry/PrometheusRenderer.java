package dev.gatehouse.engine.telemetry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Writes a {@link MetricsSnapshot} in the Prometheus text exposition format 0.0.4, for
 * {@code /metrics}. All traffic goes in {@code gatehouse_*} families and each dimension in its own
 * ({@code gatehouse_route_*{route="..."}}, ...), so that summing a family never counts a request twice.
 */
public final class PrometheusRenderer {

    /** The media type to serve the text with. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private static final String PREFIX = "gatehouse_";

    private record Counter(String name, String help, ToLongFunction<KeyFigures> value) {
    }

    private record Labelled(String name, String help, String label, Function<KeyFigures, Map<String, Long>> values) {
    }

    /** A histogram, exposed for all traffic and for the dimensions in {@code per} only: 24 lines per key add up. */
    private record Histogram(String name, String help, Function<KeyFigures, Distribution> value, Set<Dimension> per) {
    }

    private static final List<Counter> COUNTERS = List.of(
            new Counter("requests_total", "Requests finished.", KeyFigures::requests),
            new Counter("input_tokens_total", "Input (prompt) tokens of AI requests.", KeyFigures::inputTokens),
            new Counter("output_tokens_total", "Output (completion) tokens of AI requests.", KeyFigures::outputTokens),
            new Counter("cache_lookups_total", "Requests that looked in the response cache.", KeyFigures::cacheLookups),
            new Counter("cache_hits_total", "Requests answered from the response cache.", KeyFigures::cacheHits),
            new Counter("rate_limited_total", "Requests refused by a rate limit or quota.", KeyFigures::rateLimited),
            new Counter("fallbacks_total", "Requests answered by a fallback pool.", KeyFigures::fallbacks));
    private static final List<Labelled> LABELLED = List.of(
            new Labelled("responses_total", "Requests by response class (none: the client got no response).",
                    "class", KeyFigures::responses),
            new Labelled("gateway_errors_total", "Errors the gateway answered itself, by type.",
                    "type", KeyFigures::gatewayErrors));
    private static final List<Histogram> HISTOGRAMS = List.of(
            new Histogram("request_duration_seconds", "Arrival of the request to the end of its response.",
                    KeyFigures::latency, EnumSet.allOf(Dimension.class)),
            new Histogram("upstream_duration_seconds", "The upstream's time to answer (response head).",
                    KeyFigures::upstream, EnumSet.of(Dimension.POOL, Dimension.ENDPOINT)),
            new Histogram("first_token_seconds", "AI streams: arrival of the request to the first token.",
                    KeyFigures::firstToken, EnumSet.of(Dimension.ROUTE, Dimension.POOL, Dimension.ENDPOINT,
                    Dimension.MODEL)));
    private static final List<String> LE = Distribution.bucketBoundsSeconds().stream()
            .map(bound -> BigDecimal.valueOf(bound).stripTrailingZeros().toPlainString()).toList();

    private final Appendable out;

    private PrometheusRenderer(Appendable out) {
        this.out = out;
    }

    /** The whole exposition as text. */
    public static String render(MetricsSnapshot snapshot) {
        StringBuilder text = new StringBuilder(64 * 1024);
        render(snapshot, text);
        return text.toString();
    }

    /** Appends the whole exposition to {@code out}; an {@link IOException} of {@code out} is rethrown unchecked. */
    public static void render(MetricsSnapshot snapshot, Appendable out) {
        try {
            new PrometheusRenderer(out).write(snapshot);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(MetricsSnapshot snapshot) throws IOException {
        gauge("active_connections", "Client connections open now.", snapshot.activeConnections());
        gauge("active_streams", "AI event streams being sent now.", snapshot.activeStreams());
        scope(null, Map.of("", snapshot.total()));
        for (Dimension dimension : Dimension.values()) {
            scope(dimension, snapshot.by(dimension));
        }
    }

    private void gauge(String name, String help, long value) throws IOException {
        header(PREFIX + name, help, "gauge");
        out.append(PREFIX).append(name).append(' ').append(Long.toString(value)).append('\n');
    }

    /** Every family of one dimension, or of all traffic (null: one unlabelled key). */
    private void scope(Dimension dimension, Map<String, KeyFigures> keys) throws IOException {
        String label = dimension == null ? null : dimension.label();
        String prefix = dimension == null ? PREFIX : PREFIX + label + "_";
        for (Counter counter : COUNTERS) {
            header(prefix + counter.name(), counter.help(), "counter");
            for (Map.Entry<String, KeyFigures> key : keys.entrySet()) {
                sample(prefix + counter.name(), labels(label, key.getKey(), null, null), counter.value().applyAsLong(key.getValue()));
            }
        }
        for (Labelled labelled : LABELLED) {
            header(prefix + labelled.name(), labelled.help(), "counter");
            for (Map.Entry<String, KeyFigures> key : keys.entrySet()) {
                for (Map.Entry<String, Long> value : new TreeMap<>(labelled.values().apply(key.getValue())).entrySet()) {
                    sample(prefix + labelled.name(), labels(label, key.getKey(), labelled.label(), value.getKey()), value.getValue());
                }
            }
        }
        for (Histogram histogram : HISTOGRAMS) {
            if (dimension != null && !histogram.per().contains(dimension)) {
                continue;
            }
            String name = prefix + histogram.name();
            header(name, histogram.help(), "histogram");
            for (Map.Entry<String, KeyFigures> key : keys.entrySet()) {
                Distribution d = histogram.value().apply(key.getValue());
                for (int i = 0; i < LE.size(); i++) {
                    sample(name + "_bucket", labels(label, key.getKey(), "le", LE.get(i)), d.cumulativeCounts().get(i));
                }
                sample(name + "_bucket", labels(label, key.getKey(), "le", "+Inf"), d.count());
                String own = labels(label, key.getKey(), null, null);
                out.append(name).append("_sum").append(own).append(' ').append(Double.toString(d.sumNanos() / 1e9)).append('\n');
                sample(name + "_count", own, d.count());
            }
        }
    }

    private void header(String name, String help, String type) throws IOException {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private void sample(String name, String labels, long value) throws IOException {
        out.append(name).append(labels).append(' ').append(Long.toString(value)).append('\n');
    }

    /** {@code {label="key",extra="value"}} with whichever of the two pairs is present, or nothing. */
    private static String labels(String label, String key, String extra, String value) {
        if (label == null && extra == null) {
            return "";
        }
        StringBuilder text = new StringBuilder("{");
        if (label != null) {
            text.append(label).append("=\"");
            escape(key, text);
            text.append('"');
        }
        if (extra != null) {
            text.append(label != null ? "," : "").append(extra).append("=\"");
            escape(value, text);
            text.append('"');
        }
        return text.append('}').toString();
    }

    /** Label values may hold anything a client sent (a model name): backslash, quote and newline are escaped. */
    public static void escape(String value, StringBuilder text) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '"' -> text.append("\\\"");
                case '\n' -> text.append("\\n");
                default -> text.append(c);
            }
        }
    }
}
