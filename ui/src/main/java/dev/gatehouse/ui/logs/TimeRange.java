package dev.gatehouse.ui.logs;

import java.time.Duration;
import java.util.Objects;

/**
 * The time range the explorer looks at: a preset relative to now ({@code last 1 h}, open at the
 * end so new records keep arriving), any time, or custom bounds (epoch milliseconds, either may
 * be null for an open end).
 */
public record TimeRange(Preset preset, Long fromMillis, Long toMillis) {

    /** The choices of the range picker; {@link #CUSTOM} is set by a drag on the histogram or by a slice. */
    public enum Preset {
        LAST_15_MINUTES("Last 15 minutes", "15m", Duration.ofMinutes(15)),
        LAST_HOUR("Last hour", "1h", Duration.ofHours(1)),
        LAST_6_HOURS("Last 6 hours", "6h", Duration.ofHours(6)),
        LAST_24_HOURS("Last 24 hours", "24h", Duration.ofHours(24)),
        LAST_7_DAYS("Last 7 days", "7d", Duration.ofDays(7)),
        ANY_TIME("Any time", "any", null),
        CUSTOM("Custom", "custom", null);

        private final String label;
        private final String code;
        private final Duration span;

        Preset(String label, String code, Duration span) {
            this.label = label;
            this.code = code;
            this.span = span;
        }

        public String label() {
            return label;
        }

        /** How the preset is written in a saved query ({@code range=1h}). */
        public String code() {
            return code;
        }

        public static Preset ofCode(String code) {
            for (Preset preset : values()) {
                if (preset.code.equals(code)) {
                    return preset;
                }
            }
            throw new IllegalArgumentException("range: \"" + code + "\" is not one of 15m, 1h, 6h, 24h, 7d, any, custom");
        }

        @Override
        public String toString() {
            return label;
        }
    }

    public TimeRange {
        Objects.requireNonNull(preset, "preset");
        if (preset != Preset.CUSTOM) {
            fromMillis = null;
            toMillis = null;
        }
        if (fromMillis != null && toMillis != null && fromMillis >= toMillis) {
            throw new IllegalArgumentException("the range must start (" + fromMillis + ") before it ends (" + toMillis + ")");
        }
    }

    public static TimeRange of(Preset preset) {
        return new TimeRange(preset, null, null);
    }

    public static TimeRange between(Long fromMillis, Long toMillis) {
        return new TimeRange(Preset.CUSTOM, fromMillis, toMillis);
    }

    /** Where the range starts at {@code nowMillis} (null: no start); its end is {@link #toMillis()} (null: open). */
    public Long fromAt(long nowMillis) {
        if (preset == Preset.CUSTOM) {
            return fromMillis;
        }
        return preset.span == null ? null : nowMillis - preset.span.toMillis();
    }
}
