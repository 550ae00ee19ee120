package dev.gatehouse.ui.dashboard;

import dev.gatehouse.engine.telemetry.KeyFigures;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.function.ToLongFunction;

/**
 * Error and success rates over the last minute, from the running totals of each poll: one
 * second's rate at a few requests a second swings from 0 to 33 % on a single failure, so the
 * alerts (and the tile that shows them) judge a minute, and only once it holds enough requests.
 */
final class ErrorWindow {

    static final Duration SPAN = Duration.ofMinutes(1);
    /** Fewer requests than this in the window say nothing about a rate. */
    static final long MIN_REQUESTS = 20;

    private record Totals(Instant at, long requests, long errors, long successes) {
    }

    private final Deque<Totals> kept = new ArrayDeque<>();

    /** Adds a poll's totals; a counter that went down (the engine restarted) starts the window again. */
    void add(Instant at, KeyFigures totals) {
        Totals now = new Totals(at, totals.requests(), totals.errors(), totals.responses("2xx"));
        if (!kept.isEmpty() && (now.requests() < kept.peekLast().requests() || !at.isAfter(kept.peekLast().at()))) {
            kept.clear();
        }
        kept.addLast(now);
        // The window starts at the newest poll that is at least a minute old.
        while (kept.size() > 2) {
            Iterator<Totals> oldest = kept.iterator();
            oldest.next();
            if (oldest.next().at().isAfter(at.minus(SPAN))) {
                break;
            }
            kept.removeFirst();
        }
    }

    void clear() {
        kept.clear();
    }

    /** Errors per request in the window; NaN without enough requests. */
    double errorRate() {
        return rate(Totals::errors);
    }

    /** 2xx answers per request in the window; NaN without enough requests. */
    double successRate() {
        return rate(Totals::successes);
    }

    private double rate(ToLongFunction<Totals> part) {
        if (kept.size() < 2) {
            return Double.NaN;
        }
        long requests = kept.peekLast().requests() - kept.peekFirst().requests();
        if (requests < MIN_REQUESTS) {
            return Double.NaN;
        }
        return (double) (part.applyAsLong(kept.peekLast()) - part.applyAsLong(kept.peekFirst())) / requests;
    }
}
