package dev.gatehouse.ui.logs;

import dev.gatehouse.engine.accesslog.query.MinuteAggregate;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the engine's per-minute figures into at most {@link #MAX_BARS} bars over a range, each
 * split by status class. The engine counts requests and 5xx per minute; the 4xx come from a
 * second call filtered to 4xx, so a bar's successes are what is left.
 */
public final class Histogram {

    /** About one bar per 8 pixels of a full-width chart; finer slots would be unreadable. */
    public static final int MAX_BARS = 120;

    private static final long MINUTE = 60_000;
    private static final long[] SLOT_MINUTES = {1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440};

    private Histogram() {
    }

    /** The slot width for a range: the smallest round one that needs at most {@link #MAX_BARS} bars. */
    static long slotMillis(long fromMillis, long toMillis) {
        long minutes = Math.max(1, (toMillis - fromMillis + MINUTE - 1) / MINUTE);
        for (long slot : SLOT_MINUTES) {
            if (minutes / slot <= MAX_BARS) {
                return slot * MINUTE;
            }
        }
        long days = (minutes / MAX_BARS + 1439) / 1440;
        return days * 1440 * MINUTE;
    }

    /**
     * The bars from {@code fromMillis} to {@code toMillis}, empty slots included, from every
     * matching request's minutes ({@code all}) and the 4xx ones' ({@code clientErrors}).
     */
    public static List<HistogramBar> bars(long fromMillis, long toMillis, List<MinuteAggregate> all,
                                          List<MinuteAggregate> clientErrors) {
        long slot = slotMillis(fromMillis, toMillis);
        long first = Math.floorDiv(fromMillis, slot) * slot;
        int count = (int) Math.max(1, (toMillis - first + slot - 1) / slot);
        long[] requests = new long[count];
        long[] errors = new long[count];
        long[] clients = new long[count];
        for (MinuteAggregate minute : all) {
            int i = index(minute.minuteMillis(), first, slot, count);
            if (i >= 0) {
                requests[i] += minute.requests();
                errors[i] += minute.errors();
            }
        }
        for (MinuteAggregate minute : clientErrors) {
            int i = index(minute.minuteMillis(), first, slot, count);
            if (i >= 0) {
                clients[i] += minute.requests();
            }
        }
        List<HistogramBar> bars = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long client = Math.min(clients[i], requests[i] - errors[i]);
            bars.add(new HistogramBar(first + i * slot, first + (i + 1) * slot, requests[i] - errors[i] - client,
                    client, errors[i]));
        }
        return bars;
    }

    private static int index(long minuteMillis, long first, long slot, int count) {
        long i = Math.floorDiv(minuteMillis - first, slot);
        return i < 0 || i >= count ? -1 : (int) i;
    }
}
