package dev.gatehouse.engine.accesslog.query;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** Sums request counts (from rollup minutes or raw records) into histogram slots by status class. */
final class SlotCounter {

    private final long slotMillis;
    // Slot start -> {ok, 4xx, 5xx}.
    private final TreeMap<Long, long[]> slots = new TreeMap<>();

    SlotCounter(long slotMillis) {
        this.slotMillis = slotMillis;
    }

    long slotMillis() {
        return slotMillis;
    }

    /** {@code requests} of status class {@code statusClass} that started in the slot numbered {@code slot}. */
    void add(long slot, int statusClass, long requests) {
        long[] counts = slots.computeIfAbsent(slot * slotMillis, k -> new long[3]);
        counts[statusClass == 4 ? 1 : statusClass == 5 ? 2 : 0] += requests;
    }

    /** The slots with at least one request, oldest first. */
    List<SlotCounts> counts() {
        List<SlotCounts> out = new ArrayList<>(slots.size());
        slots.forEach((start, c) -> out.add(new SlotCounts(start, c[0], c[1], c[2])));
        return out;
    }
}
