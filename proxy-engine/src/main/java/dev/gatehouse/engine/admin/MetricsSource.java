package dev.gatehouse.engine.admin;

/**
 * What {@code GET /metrics} on the admin listener serves: Prometheus text exposition format
 * (version 0.0.4). Called off the event loop, once per scrape.
 */
@FunctionalInterface
public interface MetricsSource {

    String render();

    /** A few engine gauges read through {@code control}, until the telemetry renderer is wired in. */
    static MetricsSource engineGauges(GatewayControl control) {
        return () -> {
            EngineStatus status = control.status();
            return gauge("gatehouse_in_flight_requests", "Requests being served now.", status.inFlightRequests())
                    + gauge("gatehouse_config_version", "Version of the running config.", status.configVersion())
                    + gauge("gatehouse_uptime_seconds", "Seconds since the engine started.", status.uptimeMillis() / 1000.0)
                    + gauge("gatehouse_up", "1 while the engine listens.", status.running() ? 1 : 0);
        };
    }

    private static String gauge(String name, String help, double value) {
        String text = value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
        return "# HELP " + name + " " + help + "\n# TYPE " + name + " gauge\n" + name + " " + text + "\n";
    }
}
