package dev.gatehouse.engine.telemetry;

/**
 * Which time series to read: all traffic ({@link #all()}), or one route, pool, model or consumer.
 * Keys past the bound on kept series are read together as {@link #OTHER}.
 */
public record SeriesFilter(Dimension dimension, String key) {

    /** The key of the series of every key past the bound. */
    public static final String OTHER = BoundedMap.OTHER;

    private static final SeriesFilter ALL = new SeriesFilter(null, null);

    public SeriesFilter {
        if ((dimension == null) != (key == null)) {
            throw new IllegalArgumentException("a filter names both a dimension and a key, or neither");
        }
        if (dimension != null && !dimension.hasSeries()) {
            throw new IllegalArgumentException("no time series are kept per " + dimension.label());
        }
    }

    public static SeriesFilter all() {
        return ALL;
    }

    public static SeriesFilter of(Dimension dimension, String key) {
        return new SeriesFilter(dimension, key);
    }
}
