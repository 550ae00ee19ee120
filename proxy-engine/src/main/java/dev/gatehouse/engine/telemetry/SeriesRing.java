package dev.gatehouse.engine.telemetry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The last {@link Resolution#points()} points of one series in arrays allocated once: slot
 * {@code (start / step) mod points}, each stamped with its start so that a slot left over from
 * an earlier lap is never read as a current one. Written by the sampler, read by queries.
 */
final class SeriesRing {

    /** Counters of a point, then its four percentiles. */
    static final int FIELDS = KeyStats.SERIES_COUNTERS + 4;
    private static final long EMPTY = Long.MIN_VALUE;

    private final Resolution resolution;
    private final long[] starts;
    private final long[] values;
    private long newest = EMPTY;

    SeriesRing(Resolution resolution) {
        this.resolution = resolution;
        this.starts = new long[resolution.points()];
        this.values = new long[resolution.points() * FIELDS];
        Arrays.fill(starts, EMPTY);
    }

    /** Sets the point starting at {@code start} (epoch seconds) to {@code fields}. */
    synchronized void put(long start, long[] fields) {
        int slot = slotOf(start);
        starts[slot] = start;
        System.arraycopy(fields, 0, values, slot * FIELDS, FIELDS);
        newest = Math.max(newest, start);
    }

    /** The points that start in [from, to) and are still kept, oldest first. */
    synchronized List<SeriesPoint> range(long from, long to) {
        List<SeriesPoint> points = new ArrayList<>();
        if (newest == EMPTY) {
            return points;
        }
        long step = resolution.stepSeconds();
        long oldest = newest - (long) (resolution.points() - 1) * step;
        long first = Math.max(resolution.startOf(from), oldest);
        if (first < from) {
            first += step;
        }
        for (long start = first; start < to && start <= newest; start += step) {
            int slot = slotOf(start);
            if (starts[slot] == start) {
                points.add(pointAt(slot, start));
            }
        }
        return points;
    }

    /** Memory held, for the test that shows it is fixed: the lengths of the two arrays. */
    int capacity() {
        return starts.length + values.length;
    }

    private SeriesPoint pointAt(int slot, long start) {
        int at = slot * FIELDS;
        long[] v = values;
        return new SeriesPoint(Instant.ofEpochSecond(start), resolution.stepSeconds(), v[at], v[at + 1], v[at + 2],
                v[at + 3], v[at + 4], v[at + 5], v[at + 6], v[at + 7], v[at + 8], v[at + 9], v[at + 10], v[at + 11],
                v[at + 12]);
    }

    private int slotOf(long start) {
        return (int) Math.floorMod(start / resolution.stepSeconds(), (long) resolution.points());
    }
}
