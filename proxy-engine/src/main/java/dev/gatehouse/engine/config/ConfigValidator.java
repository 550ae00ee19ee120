package dev.gatehouse.engine.config;

import java.util.List;

public final class ConfigValidator {
    private ConfigValidator() {}
    public static List<ConfigError> validate(GatewayConfig config) { return List.of(); }
}
