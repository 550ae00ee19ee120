package dev.gatehouse.engine.telemetry.backend;

/** Whether the local machine's GPUs could be read with {@code nvidia-smi}. */
public enum LocalGpuStatus {
    /** Not queried yet. */
    PENDING,
    /** No {@code nvidia-smi} on this machine: the feature is off. */
    NOT_PRESENT,
    /** The last query succeeded. */
    OK,
    /** {@code nvidia-smi} exists but the last query failed (no driver, timeout, unreadable output). */
    ERROR
}
