package dev.gatehouse.ui.routes;

import dev.gatehouse.engine.health.HealthState;

import java.util.Locale;

/**
 * How the topology shows an endpoint's health: the engine's states, plus {@link #NOT_RUNNING} for
 * an endpoint that exists only in the draft. Each has the color the graph paints it with.
 */
public enum EndpointHealth {
    HEALTHY("healthy", "#2e9d4f"),
    RAMPING_UP("ramping up", "#7cc46a"),
    HALF_OPEN("half-open", "#e0a020"),
    EJECTED("ejected", "#d0392b"),
    DOWN("down", "#8e1b12"),
    DRAINING("draining", "#3f7fbf"),
    NOT_RUNNING("not applied yet", "#9a9a9a");

    private final String label;
    private final String color;

    EndpointHealth(String label, String color) {
        this.label = label;
        this.color = color;
    }

    /** How the topology shows the engine's {@code state}. */
    public static EndpointHealth of(HealthState state) {
        return switch (state) {
            case HEALTHY -> HEALTHY;
            case RAMPING_UP -> RAMPING_UP;
            case HALF_OPEN -> HALF_OPEN;
            case EJECTED -> EJECTED;
            case DOWN -> DOWN;
            case DRAINING -> DRAINING;
        };
    }

    /** Whether the endpoint takes new requests in this state. */
    public boolean takesTraffic() {
        return this == HEALTHY || this == RAMPING_UP || this == HALF_OPEN;
    }

    public String label() {
        return label;
    }

    /** A CSS color ({@code #rrggbb}). */
    public String color() {
        return color;
    }

    /** The style class the view puts on the endpoint's node: {@code endpoint-half-open}. */
    public String styleClass() {
        return "endpoint-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
