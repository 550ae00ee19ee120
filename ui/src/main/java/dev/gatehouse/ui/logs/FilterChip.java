package dev.gatehouse.ui.logs;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** One active filter as a removable chip: what it says, and the filter without it. */
public record FilterChip(String text, LogFilter removed) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    public FilterChip {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(removed, "removed");
    }

    /** The chips of {@code filter}: its range unless it is the default one, then each filter in key order. */
    public static List<FilterChip> of(LogFilter filter, ZoneId zone) {
        List<FilterChip> chips = new ArrayList<>();
        TimeRange range = filter.range();
        if (!range.equals(LogFilter.DEFAULT.range())) {
            chips.add(new FilterChip("Time: " + describe(range, zone), filter.withRange(LogFilter.DEFAULT.range())));
        }
        filter.values().forEach((key, value) ->
                chips.add(new FilterChip(key.label() + ": " + key.display(value), filter.without(key))));
        return chips;
    }

    /** "Last hour", or "11-25 10:00 – 11-25 11:00" for a custom range. */
    public static String describe(TimeRange range, ZoneId zone) {
        if (range.preset() != TimeRange.Preset.CUSTOM) {
            return range.preset().label();
        }
        String from = range.fromMillis() == null ? "…" : WHEN.format(Instant.ofEpochMilli(range.fromMillis()).atZone(zone));
        String to = range.toMillis() == null ? "now" : WHEN.format(Instant.ofEpochMilli(range.toMillis()).atZone(zone));
        return from + " – " + to;
    }
}
