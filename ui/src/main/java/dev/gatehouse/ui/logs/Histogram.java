package dev.gatehouse.ui.logs;

import dev.gatehouse.engine.accesslog.query.SlotCounts;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the engine's request counts per time slot into at most {@link #MAX_BARS} bars over a
 * range, each split by status class. The slot width is chosen here and asked of the engine, so
 * each bar is one slot of its answer.
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
     * The bars from {@code fromMillis} to {@code toMillis}, empty slots included, from the
     * engine's counts per slot of {@link #slotMillis} (any it returns outside the range are left out).
     */
    public static List<HistogramBar> bars(long fromMillis, long toMillis, List<SlotCounts> counts) {
        long slot = slotMillis(fromMillis, toMillis);
        long first = Math.floorDiv(fromMillis, slot) * slot;
        int count = (int) Math.max(1, (toMillis - first + slot - 1) / slot);
        long[][] byClass = new long[count][3];
        for (SlotCounts slotCounts : counts) {
            int i = index(slotCounts.startMillis(), first, slot, count);
            if (i >= 0) {
                byClass[i][0] += slotCounts.ok();
                byClass[i][1] += slotCounts.clientErrors();
                byClass[i][2] += slotCounts.serverErrors();
            }
        }
        List<HistogramBar> bars = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            bars.add(new HistogramBar(first + i * slot, first + (i + 1) * slot, byClass[i][0], byClass[i][1],
                    byClass[i][2]));
        }
        return bars;
    }

    private static int index(long minuteMillis, long first, long slot, int count) {
        long i = Math.floorDiv(minuteMillis - first, slot);
        return i < 0 || i >= count ? -1 : (int) i;
    }
}
