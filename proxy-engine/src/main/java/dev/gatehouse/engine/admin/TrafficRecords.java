package dev.gatehouse.engine.admin;

import dev.gatehouse.engine.accesslog.query.AccessLogQueries;
import dev.gatehouse.engine.accesslog.store.AccessLogStore;
import dev.gatehouse.engine.telemetry.Telemetry;

import static java.util.Objects.requireNonNull;

/**
 * What an engine records of its traffic, as the control reads it: the in-memory telemetry and,
 * when there is one, the access log store with its queries ({@code null} for both when the
 * engine keeps no access log).
 */
public record TrafficRecords(Telemetry telemetry, AccessLogStore logStore, AccessLogQueries logQueries) {

    public TrafficRecords {
        requireNonNull(telemetry, "telemetry");
        if ((logStore == null) != (logQueries == null)) {
            throw new IllegalArgumentException("an access log store comes with its queries");
        }
    }

    /** Telemetry only: log queries answer {@link ControlException.Kind#UNAVAILABLE}. */
    public static TrafficRecords withoutLog(Telemetry telemetry) {
        return new TrafficRecords(telemetry, null, null);
    }

    /** Telemetry and the access log; the caller closes the queries, then the store. */
    public static TrafficRecords of(Telemetry telemetry, AccessLogStore store) {
        return new TrafficRecords(telemetry, store, AccessLogQueries.over(store));
    }
}
