package dev.gatehouse.engine.ai.provider;

/**
 * What a {@link ProviderAdapter} makes of a client request: either a call to make upstream or a
 * reason the provider cannot serve it, which the gateway answers with 400.
 */
public sealed interface UpstreamRequest permits ProviderCall, UnsupportedOperation {
}
