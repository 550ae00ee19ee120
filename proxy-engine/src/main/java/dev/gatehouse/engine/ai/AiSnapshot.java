package dev.gatehouse.engine.ai;

import dev.gatehouse.engine.ai.auth.ApiKeyHash;
import dev.gatehouse.engine.ai.auth.Consumer;
import dev.gatehouse.engine.ai.auth.ConsumerDirectory;
import dev.gatehouse.engine.ai.auth.ConsumerLimits;
import dev.gatehouse.engine.ai.guard.ContentGuard;
import dev.gatehouse.engine.ai.guard.GuardMode;
import dev.gatehouse.engine.ai.guard.GuardPolicy;
import dev.gatehouse.engine.ai.limit.RouteLimits;
import dev.gatehouse.engine.ai.provider.ProviderAdapter;
import dev.gatehouse.engine.ai.provider.ProviderKind;
import dev.gatehouse.engine.ai.provider.ProviderSettings;
import dev.gatehouse.engine.ai.provider.ProviderSettingsBuilder;
import dev.gatehouse.engine.ai.template.PromptDecorator;
import dev.gatehouse.engine.ai.template.PromptTemplate;
import dev.gatehouse.engine.config.AiRouteConfig;
import dev.gatehouse.engine.config.ConsumerConfig;
import dev.gatehouse.engine.config.FallbackConfig;
import dev.gatehouse.engine.config.GatewayConfig;
import dev.gatehouse.engine.config.PoolConfig;
import dev.gatehouse.engine.config.ProviderConfig;
import dev.gatehouse.engine.config.RateLimitConfig;
import dev.gatehouse.engine.config.RouteConfig;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * The AI side of one config snapshot: consumers with their keys, and every AI route compiled.
 * Built off the request path when a config is applied; immutable after.
 */
public record AiSnapshot(ConsumerDirectory consumers, Map<String, AiRoute> routes, List<RouteConfig> aiRoutes) {

    public AiSnapshot {
        routes = Map.copyOf(routes);
        aiRoutes = List.copyOf(aiRoutes);
    }

    /**
     * @param environment where provider credentials are looked up ({@code apiKeyEnv}); System::getenv
     *                    in production, a map in tests
     */
    public static AiSnapshot build(GatewayConfig config, AiServices services, UnaryOperator<String> environment) {
        List<Consumer> consumers = config.consumers().stream().map(AiSnapshot::consumer).toList();
        Map<String, AiRoute> routes = new HashMap<>();
        List<RouteConfig> aiRoutes = new ArrayList<>();
        for (RouteConfig route : config.routes()) {
            if (route.ai() == null) {
                continue;
            }
            aiRoutes.add(route);
            AiRouteConfig ai = route.ai();
            List<AiTarget> targets = new ArrayList<>();
            targets.add(target(config.pool(route.pool()), ai.upstreamModel(), environment));
            for (FallbackConfig step : ai.fallback()) {
                targets.add(target(config.pool(step.pool()), step.upstreamModel(), environment));
            }
            ContentGuard guard = ai.guard() == null || ai.guard().words().isEmpty() ? null
                    : new ContentGuard(new GuardPolicy(ai.guard().words(),
                    ai.guard().mode().equals("mask") ? GuardMode.MASK : GuardMode.BLOCK,
                    ai.guard().checkRequest(), ai.guard().checkResponse()));
            PromptDecorator template = ai.template() == null ? null : new PromptDecorator(
                    new PromptTemplate(ai.template().system(), PromptTemplate.Placement.PREPEND, ai.template().variables()));
            RateLimitConfig limits = ai.limits();
            RouteLimits routeLimits = limits == null ? RouteLimits.unlimited()
                    : new RouteLimits(limits.requestsPerMinute(), limits.tokensPerMinute());
            routes.put(route.name(), new AiRoute(route.name(), ai, guard, template, routeLimits,
                    ai.cache() == null || !ai.cache().enabled() ? null : services.cacheFor(route.name(), ai.cache()),
                    targets));
        }
        return new AiSnapshot(ConsumerDirectory.of(consumers), routes, aiRoutes);
    }

    /** Whether some AI route can be used without a key. */
    public boolean anyOpenRoute() {
        return aiRoutes.stream().anyMatch(r -> !r.ai().requireKey());
    }

    /** The models a consumer (null: no key presented) may call, for {@code GET /v1/models}. */
    public Set<String> modelsFor(Consumer consumer) {
        Set<String> models = new TreeSet<>();
        for (RouteConfig route : aiRoutes) {
            if (route.ai().requireKey() && consumer == null) {
                continue;
            }
            for (String model : route.match().models()) {
                if (consumer == null || consumer.allowsModel(model)) {
                    models.add(model);
                }
            }
        }
        return models;
    }

    private static AiTarget target(PoolConfig pool, String upstreamModel, UnaryOperator<String> environment) {
        ProviderConfig provider = pool.provider();
        ProviderKind kind = switch (provider.kind()) {
            case OPENAI -> ProviderKind.OPENAI;
            case AZURE_OPENAI -> ProviderKind.AZURE_OPENAI;
            case ANTHROPIC -> ProviderKind.ANTHROPIC;
        };
        ProviderSettingsBuilder settings = ProviderSettings.builder(kind).modelRewrite(upstreamModel);
        if (provider.apiKeyEnv() != null) {
            settings.apiKey(environment.apply(provider.apiKeyEnv()));
        }
        if (provider.apiVersion() != null) {
            if (kind == ProviderKind.ANTHROPIC) {
                settings.anthropicVersion(provider.apiVersion());
            } else {
                settings.azureApiVersion(provider.apiVersion());
            }
        }
        provider.deployments().forEach(settings::azureDeployment);
        return new AiTarget(pool.name(), ProviderAdapter.of(kind), settings.build());
    }

    private static Consumer consumer(ConsumerConfig config) {
        List<ApiKeyHash> keys = config.keys().stream()
                .map(k -> new ApiKeyHash(ApiKeyHash.SHA256, k.salt(), k.sha256())).toList();
        RateLimitConfig l = config.limits();
        ConsumerLimits limits = l == null ? ConsumerLimits.unlimited()
                : new ConsumerLimits(l.requestsPerMinute(), l.tokensPerMinute(), l.tokensPerDay(), l.tokensPerMonth());
        Set<String> allowed = new HashSet<>(config.allowedModels());
        return new Consumer(config.name(), keys, allowed, limits);
    }
}
