package dev.gatehouse.engine.accesslog.query;

/**
 * The requests that started in one time slot of a histogram, by status class: the explorer's
 * stacked bars need counts only, which the store answers far faster than per-minute percentiles.
 *
 * @param startMillis  the slot's start, epoch milliseconds (a multiple of the slot width)
 * @param ok           responses other than 4xx and 5xx (1xx to 3xx, and codes outside 100 to 599)
 * @param clientErrors 4xx responses
 * @param serverErrors 5xx responses
 */
public record SlotCounts(long startMillis, long ok, long clientErrors, long serverErrors) {

    public SlotCounts {
        if (ok < 0 || clientErrors < 0 || serverErrors < 0) {
            throw new IllegalArgumentException("request counts cannot be negative: " + ok + ", " + clientErrors
                    + ", " + serverErrors);
        }
    }

    public long requests() {
        return ok + clientErrors + serverErrors;
    }

    /** Refuses a slot that is not a whole number of minutes (the rollup's and the facts' unit). */
    public static long requireWholeMinutes(long slotMillis) {
        if (slotMillis < 60_000 || slotMillis % 60_000 != 0) {
            throw new IllegalArgumentException("a histogram slot must be a whole number of minutes (a multiple of"
                    + " 60000 ms), was " + slotMillis + " ms");
        }
        return slotMillis;
    }
}
