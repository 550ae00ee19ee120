package dev.gatehouse.engine.ai;

import dev.gatehouse.engine.ai.cache.ResponseCache;
import dev.gatehouse.engine.ai.guard.ContentGuard;
import dev.gatehouse.engine.ai.limit.RouteLimits;
import dev.gatehouse.engine.ai.template.PromptDecorator;
import dev.gatehouse.engine.config.AiRouteConfig;

import java.util.List;

/**
 * An AI route ready for requests: its policy, its compiled guard and template (null when off),
 * its limits and cache, and its targets — the route's own pool first, then the fallback chain.
 */
public record AiRoute(String name, AiRouteConfig config, ContentGuard guard, PromptDecorator template,
                      RouteLimits limits, ResponseCache cache, List<AiTarget> targets) {

    public AiRoute {
        targets = List.copyOf(targets);
    }
}
