package dev.gatehouse.engine.telemetry.backend;

/**
 * One GPU as a DCGM exporter or {@code nvidia-smi} reports it. Any figure the source did not
 * give (or gave as {@code [N/A]}) is null, so the dashboard can say "unknown" rather than 0.
 *
 * @param index           the device index ({@code gpu} label, nvidia-smi's {@code index})
 * @param uuid            the device UUID, {@code GPU-...}
 * @param model           the product name, for example {@code NVIDIA A100-SXM4-80GB}
 * @param utilPercent     GPU utilisation, 0–100
 * @param memoryUsedMib   frame buffer in use, MiB
 * @param memoryFreeMib   frame buffer free, MiB
 * @param memoryTotalMib  frame buffer size, MiB (used + free where the source gives no total)
 */
public record GpuSample(Integer index, String uuid, String model, Double utilPercent,
                        Double memoryUsedMib, Double memoryFreeMib, Double memoryTotalMib) {

    public GpuSample {
        if (index != null && index < 0) {
            throw new IllegalArgumentException("index: " + index);
        }
        if (memoryTotalMib == null && memoryUsedMib != null && memoryFreeMib != null) {
            memoryTotalMib = memoryUsedMib + memoryFreeMib;
        }
    }
}
