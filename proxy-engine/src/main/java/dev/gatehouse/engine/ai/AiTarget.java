package dev.gatehouse.engine.ai;

import dev.gatehouse.engine.ai.provider.ProviderAdapter;
import dev.gatehouse.engine.ai.provider.ProviderSettings;

/** One place an AI route can send a request: a pool, the protocol it speaks, and how to call it. */
public record AiTarget(String pool, ProviderAdapter adapter, ProviderSettings settings) {
}
