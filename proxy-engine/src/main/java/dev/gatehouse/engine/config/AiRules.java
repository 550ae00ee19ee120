package dev.gatehouse.engine.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static dev.gatehouse.engine.config.Findings.quote;

/** The checks of the AI sections: routes' {@code ai}, pools' {@code provider}, {@code consumers}. */
final class AiRules {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]+");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private AiRules() {
    }

    static void check(GatewayConfig config, Findings findings) {
        for (int i = 0; i < config.routes().size(); i++) {
            RouteConfig route = config.routes().get(i);
            if (route.ai() != null) {
                route("routes[" + i + "].ai", route.ai(), config, findings);
            }
        }
        for (int i = 0; i < config.pools().size(); i++) {
            ProviderConfig provider = config.pools().get(i).provider();
            if (provider.apiKeyEnv() != null && !ENV_NAME.matcher(provider.apiKeyEnv()).matches()) {
                findings.add("pools[" + i + "].provider.apiKeyEnv",
                        quote(provider.apiKeyEnv()) + " is not an environment variable name");
            }
        }
        consumers(config.consumers(), findings);
    }

    private static void route(String at, AiRouteConfig ai, GatewayConfig config, Findings findings) {
        for (int j = 0; j < ai.fallback().size(); j++) {
            FallbackConfig step = ai.fallback().get(j);
            String stepAt = at + ".fallback[" + j + "]";
            if (findings.text(stepAt + ".pool", step.pool()) && config.pool(step.pool()) == null) {
                findings.add(stepAt + ".pool", "no pool named " + quote(step.pool()));
            }
        }
        findings.between(at + ".retries", ai.retries(), 0, 5);
        findings.notNegative(at + ".retryBackoff", ai.retryBackoff());
        findings.positive(at + ".firstTokenTimeout", ai.firstTokenTimeout());
        findings.positive(at + ".totalTimeout", ai.totalTimeout());
        if (ai.limits() != null) {
            limits(at + ".limits", ai.limits(), findings);
        }
        if (ai.cache() != null) {
            findings.positive(at + ".cache.ttl", ai.cache().ttl());
            findings.atLeast(at + ".cache.maxBytes", ai.cache().maxBytes(), 1024);
        }
        if (ai.guard() != null) {
            guard(at + ".guard", ai.guard(), findings);
        }
        if (ai.template() != null) {
            findings.text(at + ".template.system", ai.template().system());
        }
    }

    private static void guard(String at, GuardConfig guard, Findings findings) {
        if (!guard.mode().equals("block") && !guard.mode().equals("mask")) {
            findings.add(at + ".mode", "expected block or mask, got " + quote(guard.mode()));
        }
        for (int k = 0; k < guard.words().size(); k++) {
            findings.text(at + ".words[" + k + "]", guard.words().get(k));
        }
    }

    /** Per-minute rates above this are refused: finer than the limiter's clock can meter (and unreal). */
    static final long MAX_PER_MINUTE = 1_000_000_000L;

    private static void limits(String at, RateLimitConfig limits, Findings findings) {
        perMinute(at + ".requestsPerMinute", limits.requestsPerMinute(), findings);
        perMinute(at + ".tokensPerMinute", limits.tokensPerMinute(), findings);
        positive(at + ".tokensPerDay", limits.tokensPerDay(), findings);
        positive(at + ".tokensPerMonth", limits.tokensPerMonth(), findings);
    }

    private static void perMinute(String at, Long value, Findings findings) {
        if (value != null) {
            findings.between(at, value, 1, MAX_PER_MINUTE);
        }
    }

    private static void positive(String at, Long value, Findings findings) {
        if (value != null) {
            findings.atLeast(at, value, 1);
        }
    }

    private static void consumers(List<ConsumerConfig> consumers, Findings findings) {
        Map<String, String> names = new HashMap<>();
        for (int i = 0; i < consumers.size(); i++) {
            ConsumerConfig consumer = consumers.get(i);
            String at = "consumers[" + i + "]";
            if (findings.text(at + ".name", consumer.name())) {
                String first = names.putIfAbsent(consumer.name(), at);
                if (first != null) {
                    findings.add(at + ".name", "duplicate consumer name " + quote(consumer.name()) + ", same as " + first);
                }
            }
            for (int k = 0; k < consumer.keys().size(); k++) {
                ApiKeyConfig key = consumer.keys().get(k);
                String keyAt = at + ".keys[" + k + "]";
                if (key.salt() == null || !HEX.matcher(key.salt()).matches()) {
                    findings.add(keyAt + ".salt", "expected lower-case hex (gatehouse keygen makes keys)");
                }
                if (key.sha256() == null || key.sha256().length() != 64 || !HEX.matcher(key.sha256()).matches()) {
                    findings.add(keyAt + ".sha256", "expected 64 lower-case hex digits (a SHA-256, never the key itself)");
                }
            }
            if (consumer.limits() != null) {
                limits(at + ".limits", consumer.limits(), findings);
            }
        }
    }
}
