package dev.gatehouse.ui.logs;

/**
 * One bar of the requests histogram: a time slot (epoch milliseconds, end exclusive) and its
 * requests by status class, stacked in that order: successes (1xx to 3xx), 4xx, 5xx.
 */
public record HistogramBar(long startMillis, long endMillis, long ok, long clientErrors, long serverErrors) {

    public HistogramBar {
        if (endMillis <= startMillis) {
            throw new IllegalArgumentException("a bar must end (" + endMillis + ") after it starts (" + startMillis + ")");
        }
        if (ok < 0 || clientErrors < 0 || serverErrors < 0) {
            throw new IllegalArgumentException("request counts cannot be negative");
        }
    }

    public long total() {
        return ok + clientErrors + serverErrors;
    }
}
