package dev.gatehouse.ui.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The words under a GPU gauge: memory, running/waiting and KV cache, each only when known. */
final class GpuText {

    private GpuText() {
    }

    static String details(GpuGauge gauge) {
        List<String> parts = new ArrayList<>();
        if (gauge.memoryUsedMib() != null && gauge.memoryTotalMib() != null) {
            parts.add(String.format(Locale.ROOT, "mem %.1f / %.1f GiB", gauge.memoryUsedMib() / 1024,
                    gauge.memoryTotalMib() / 1024));
        }
        if (gauge.running() != null || gauge.waiting() != null) {
            parts.add("run " + orDash(gauge.running()) + " / wait " + orDash(gauge.waiting()));
        }
        if (gauge.kvCacheUsage() != null) {
            parts.add(String.format(Locale.ROOT, "KV %.0f %%", gauge.kvCacheUsage() * 100));
        }
        if (gauge.utilPercent() == null) {
            parts.add("GPU utilisation not reported");
        }
        return String.join(" · ", parts);
    }

    static String noMetrics(GpuGauge gauge) {
        return switch (gauge.status()) {
            case PENDING -> "waiting for the first scrape";
            case ERROR -> "no metrics: " + gauge.error();
            default -> "no metrics";
        };
    }

    private static String orDash(Integer value) {
        return value == null ? "–" : value.toString();
    }
}
