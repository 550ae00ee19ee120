package dev.gatehouse.ui.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The alert thresholds of seed 001 §4.3 (error rate over 5 %, success under 95 %, GPU over 85 %
 * for 5 minutes) and which are crossed now. {@link #update} returns only the alerts that just
 * started, so a notification is raised once per crossing and again only after it cleared. An
 * interval without requests leaves the request alerts as they were (no traffic is not recovery).
 */
public final class AlertLevels {

    public static final double ERROR_RATE_OVER = 0.05;
    public static final double SUCCESS_RATE_UNDER = 0.95;
    public static final double GPU_UTIL_OVER = 85;
    public static final Duration GPU_SUSTAINED = Duration.ofMinutes(5);

    static final String ERROR_RATE = "error-rate";
    static final String SUCCESS_RATE = "success-rate";

    /** An alert that just started: what the notification says. */
    public record Alert(String key, String title, String detail) {
    }

    private final Set<String> active = new HashSet<>();
    private final Map<String, Instant> gpuHighSince = new HashMap<>();

    /** Takes one poll's figures; returns the alerts crossed since the previous poll. */
    public List<Alert> update(HeadlineFigures figures, List<GpuGauge> gauges, Instant now) {
        List<Alert> started = new ArrayList<>();
        if (!Double.isNaN(figures.errorRate())) {
            set(ERROR_RATE, figures.errorRate() > ERROR_RATE_OVER, started, "Error rate high",
                    () -> percent(figures.errorRate()) + " of requests failed in the last minute (alert over 5 %).");
        }
        if (!Double.isNaN(figures.successRate())) {
            set(SUCCESS_RATE, figures.successRate() < SUCCESS_RATE_UNDER, started, "Success rate low",
                    () -> percent(figures.successRate()) + " succeeded (alert under 95 %).");
        }
        Set<String> seen = new HashSet<>();
        for (GpuGauge gauge : gauges) {
            String key = "gpu:" + gauge.key();
            seen.add(key);
            boolean high = gauge.utilPercent() != null && gauge.utilPercent() > GPU_UTIL_OVER;
            if (!high) {
                gpuHighSince.remove(key);
                set(key, false, started, null, null);
                continue;
            }
            Instant since = gpuHighSince.computeIfAbsent(key, k -> now);
            boolean sustained = !since.plus(GPU_SUSTAINED).isAfter(now);
            set(key, sustained, started, "GPU busy", () -> gauge.endpoint() + " in pool " + gauge.pool()
                    + " has been over 85 % GPU utilisation for 5 minutes.");
        }
        // Endpoints gone from the config no longer alert.
        gpuHighSince.keySet().retainAll(seen);
        active.removeIf(key -> key.startsWith("gpu:") && !seen.contains(key));
        return started;
    }

    /** True while the alert {@code key} is crossed ("error-rate", "success-rate", "gpu:pool/endpoint"). */
    public boolean isActive(String key) {
        return active.contains(key);
    }

    /** {@code detail} is worked out only for an alert that starts: the FX thread formats no text on a quiet poll. */
    private void set(String key, boolean crossed, List<Alert> started, String title, Supplier<String> detail) {
        if (crossed && active.add(key)) {
            started.add(new Alert(key, title, detail.get()));
        } else if (!crossed) {
            active.remove(key);
        }
    }

    private static String percent(double ratio) {
        return String.format(java.util.Locale.ROOT, "%.1f %%", ratio * 100);
    }
}
