package dev.gatehouse.ui.logs;

import dev.gatehouse.engine.accesslog.AccessRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One bar of a record's timing waterfall, in nanoseconds from the request's arrival. The record
 * keeps durations, not instants, so each bar is placed where the request's life puts it: reading
 * the request first, the upstream's answer after it, the response's sending at the end.
 */
public record WaterfallStep(String label, long startNanos, long endNanos) {

    public WaterfallStep {
        Objects.requireNonNull(label, "label");
        if (startNanos < 0 || endNanos < startNanos) {
            throw new IllegalArgumentException(label + ": " + startNanos + " to " + endNanos + " is not a span");
        }
    }

    /** The steps a record has timings for: request read, upstream, first token, response, total. */
    public static List<WaterfallStep> of(AccessRecord r) {
        long total = Math.max(0, r.durationNanos());
        List<WaterfallStep> steps = new ArrayList<>();
        long read = clamp(r.requestDurationNanos(), total);
        if (r.requestDurationNanos() >= 0) {
            steps.add(new WaterfallStep("request read", 0, read));
        }
        if (r.upstreamServiceNanos() >= 0) {
            long start = Math.max(0, read);
            steps.add(new WaterfallStep("upstream", start, Math.max(start, clamp(start + r.upstreamServiceNanos(), total))));
        }
        if (r.firstTokenNanos() >= 0) {
            steps.add(new WaterfallStep("first token", 0, clamp(r.firstTokenNanos(), total)));
        }
        if (r.responseTxNanos() >= 0) {
            long tx = clamp(r.responseTxNanos(), total);
            steps.add(new WaterfallStep("response", total - tx, total));
        }
        steps.add(new WaterfallStep("total", 0, total));
        return steps;
    }

    private static long clamp(long nanos, long total) {
        return Math.min(Math.max(0, nanos), total);
    }
}
