package dev.gatehouse.ui.dashboard;

import dev.gatehouse.engine.accesslog.query.LogQuery;
import dev.gatehouse.engine.telemetry.Dimension;
import dev.gatehouse.engine.telemetry.SeriesFilter;

import java.time.Instant;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What the user chose to look at: the time range, one route, model or consumer (or all traffic),
 * and the dimension the stacked charts break traffic down by.
 */
public record DashboardSelection(DashboardRange range, SeriesFilter filter, Dimension breakdown) {

    /** The dimensions a user can filter and break down by. */
    public static final List<Dimension> DIMENSIONS = List.of(Dimension.MODEL, Dimension.CONSUMER, Dimension.ROUTE);

    public static final DashboardSelection DEFAULT =
            new DashboardSelection(DashboardRange.LIVE_5_MINUTES, SeriesFilter.all(), Dimension.MODEL);

    public DashboardSelection {
        requireNonNull(range, "range");
        requireNonNull(filter, "filter");
        requireNonNull(breakdown, "breakdown");
        if (filter.dimension() != null && !DIMENSIONS.contains(filter.dimension())) {
            throw new IllegalArgumentException("the dashboard filters by model, consumer or route, not " + filter.dimension());
        }
        if (!DIMENSIONS.contains(breakdown)) {
            throw new IllegalArgumentException("the dashboard breaks down by model, consumer or route, not " + breakdown);
        }
    }

    public DashboardSelection withRange(DashboardRange value) {
        return new DashboardSelection(value, filter, breakdown);
    }

    public DashboardSelection withFilter(SeriesFilter value) {
        return new DashboardSelection(range, value, breakdown);
    }

    public DashboardSelection withBreakdown(Dimension value) {
        return new DashboardSelection(range, filter, value);
    }

    /**
     * The access log records behind what is shown at {@code now}: the range (from the start of its
     * first point: a minute range starts on a whole minute) and the filter; refine with the builder.
     */
    public LogQuery.Builder logQuery(Instant now) {
        long to = now.toEpochMilli() + 1;
        long from = now.minus(range.span()).toEpochMilli();
        if (!range.live()) {
            from -= Math.floorMod(from, 60_000L);
        }
        LogQuery.Builder query = LogQuery.builder().between(from, to);
        return filter.dimension() == null ? query : narrowed(query, filter.dimension(), filter.key());
    }

    /** {@code query} narrowed to one route, model or consumer. */
    static LogQuery.Builder narrowed(LogQuery.Builder query, Dimension dimension, String key) {
        return switch (dimension) {
            case MODEL -> query.model(key);
            case CONSUMER -> query.consumer(key);
            case ROUTE -> query.route(key);
            default -> throw new IllegalArgumentException("no log filter for " + dimension);
        };
    }
}
