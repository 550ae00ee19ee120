package dev.gatehouse.engine.config;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class AiRulesTest {

    private final ConfigCodec codec = new ConfigCodec();

    private static final String POOLS = "\"pools\": [{\"name\": \"qwen\"}, {\"name\": \"llama\", \"provider\": %s}]";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"fallback\": [{\"pool\": \"nope\"}]}                 | {\"kind\": \"openai\"} | routes[0].ai.fallback[0].pool: no pool named \"nope\"",
            "{\"retries\": 9}                                      | {\"kind\": \"openai\"} | routes[0].ai.retries: must be between 0 and 5, got 9",
            "{\"guard\": {\"words\": [\"x\"], \"mode\": \"hide\"}} | {\"kind\": \"openai\"} | routes[0].ai.guard.mode: expected block or mask, got \"hide\"",
            "{\"limits\": {\"tokensPerMinute\": 0}}                | {\"kind\": \"openai\"} | routes[0].ai.limits.tokensPerMinute: must be between 1 and 1000000000, got 0",
            "{\"limits\": {\"tokensPerMinute\": 100000000000}}     | {\"kind\": \"openai\"} | routes[0].ai.limits.tokensPerMinute: must be between 1 and 1000000000, got 100000000000",
            "{}                                                    | {\"kind\": \"anthropic\", \"apiKeyEnv\": \"sk-abc123\"} | pools[1].provider.apiKeyEnv: \"sk-abc123\" is not an environment variable name",
    })
    void aiSectionsAreCheckedWithThePathOfTheBadField(String ai, String provider, String expected) throws Exception {
        String json = "{" + POOLS.formatted(provider.trim())
                + ", \"routes\": [{\"name\": \"chat\", \"pool\": \"qwen\", \"ai\": " + ai.trim() + "}]}";
        assertThat(ConfigValidator.validate(codec.parse(json))).extracting(ConfigError::toString).containsExactly(expected.trim());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"salt\": \"00ff\", \"sha256\": \"gh-plaintextkey\"} | consumers[0].keys[0].sha256: expected 64 lower-case hex digits (a SHA-256, never the key itself)",
            "{\"salt\": \"XYZ\", \"sha256\": \"" + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef" + "\"} | consumers[0].keys[0].salt: expected lower-case hex (gatehouse keygen makes keys)",
    })
    void consumerKeysMustBeHashesNotKeys(String key, String expected) throws Exception {
        String json = "{\"consumers\": [{\"name\": \"alice\", \"keys\": [" + key.trim() + "]}]}";
        assertThat(ConfigValidator.validate(codec.parse(json))).extracting(ConfigError::toString).containsExactly(expected.trim());
    }
}
