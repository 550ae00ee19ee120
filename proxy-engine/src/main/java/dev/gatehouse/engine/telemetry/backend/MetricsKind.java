package dev.gatehouse.engine.telemetry.backend;

/** The exporters whose metrics a backend's page was recognised to contain. */
public enum MetricsKind {
    /** NVIDIA DCGM exporter: {@code DCGM_FI_DEV_*} per GPU. */
    DCGM,
    /** vLLM's engine metrics: {@code vllm:*}. */
    VLLM,
    /** SGLang's engine metrics: {@code sglang:*}. */
    SGLANG
}
