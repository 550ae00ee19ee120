package dev.gatehouse.engine.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiscoveryRulesTest {

    private static final String VALID = """
            {"pools": [{"name": "qwen", "discovery": {"modelarts": {"region": "cn-north-4",
              "serviceId": "6f2e4a9b-1c3d", "credentials": "vault:prod", "endpoint": "http://127.0.0.1:9000"}}}]}
            """;

    private final ConfigCodec codec = new ConfigCodec();

    private List<String> errorsOf(String json) throws ConfigException {
        return ConfigValidator.validate(codec.parse(json)).stream().map(ConfigError::toString).toList();
    }

    private static String pool(String modelarts) {
        return "{\"pools\": [{\"name\": \"p\", \"discovery\": {\"modelarts\": {" + modelarts + "}}}]}";
    }

    @Test
    void validSourceReadsBackWithItsDefaultsAndWritesTheSame() throws ConfigException {
        GatewayConfig config = codec.parse(VALID);
        ModelArtsDiscoveryConfig source = config.pools().get(0).discovery().modelarts();

        assertThat(ConfigValidator.validate(config)).isEmpty();
        assertThat(source.interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(source.drainTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(codec.parse(codec.write(config))).isEqualTo(config);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `{"pools": [{"name": "p", "discovery": {}}]}` | pools[0].discovery: names no source; expected "modelarts"
            `"serviceId": "s", "credentials": "env"` | pools[0].discovery.modelarts.region: required
            `"region": "CN North", "serviceId": "s", "credentials": "env"` | pools[0].discovery.modelarts.region: must look like "cn-north-4", got "CN North"
            `"region": "cn-north-4", "credentials": "env"` | pools[0].discovery.modelarts.serviceId: required
            `"region": "cn-north-4", "serviceId": "a/b", "credentials": "env"` | pools[0].discovery.modelarts.serviceId: must be a service id (letters, digits and "-"), got "a/b"
            `"region": "cn-north-4", "serviceId": "s"` | pools[0].discovery.modelarts.credentials: required
            `"region": "cn-north-4", "serviceId": "s", "credentials": "my-Secret-Key"` | pools[0].discovery.modelarts.credentials: must be "env" or "vault:NAME" (the secrets themselves never go in the config), got a value that is neither
            `"region": "cn-north-4", "serviceId": "s", "credentials": "env", "endpoint": "modelarts:443"` | pools[0].discovery.modelarts.endpoint: must be an absolute http or https URL, got "modelarts:443"
            `"region": "cn-north-4", "serviceId": "s", "credentials": "env", "interval": "1s"` | pools[0].discovery.modelarts.interval: must be at least 3s, got 1s
            `"region": "cn-north-4", "serviceId": "s", "credentials": "env", "drainTimeout": "-1s"` | pools[0].discovery.modelarts.drainTimeout: must not be negative, got -1s
            """)
    void reportsTheBrokenRuleWithThePathOfItsField(String json, String expected) throws ConfigException {
        assertThat(errorsOf(json.startsWith("{") ? json : pool(json))).containsExactly(expected);
    }

    @Test
    void misspeltFieldIsAnErrorNotIgnored() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> codec.parse(pool("\"regoin\": \"cn-north-4\"")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("regoin");
    }
}
