package dev.gatehouse.engine.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigValidatorTest {

    private final ConfigCodec codec = new ConfigCodec();

    private List<String> errorsOf(String json) throws ConfigException {
        return ConfigValidator.validate(codec.parse(json)).stream().map(ConfigError::toString).toList();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"listeners": [{"host": " "}]}                                          | listeners[0].host: must not be blank
            {"listeners": [{"port": 70000}]}                                        | listeners[0].port: must be between 0 and 65535, got 70000
            {"listeners": [{"name": ""}]}                                           | listeners[0].name: must not be blank
            {"listeners": [{"name": "a"}, {"name": "a", "port": 8081}]}             | listeners[1].name: duplicate listener name "a", same as listeners[0]
            {"listeners": [{"name": "a"}, {"name": "b", "port": 8080}]}             | listeners[1]: duplicate address 127.0.0.1:8080, same as listeners[0]
            {"pools": [{"name": "p"}], "routes": [{"pool": "p"}]}                   | routes[0].name: required
            {"pools": [{"name": "p"}], "routes": [{"name": "r", "pool": "p"}, {"name": "r", "pool": "p"}]} | routes[1].name: duplicate route name "r", same as routes[0]
            {"routes": [{"name": "r"}]}                                             | routes[0].pool: required
            {"routes": [{"name": "r", "pool": "qwen-72b"}]}                         | routes[0].pool: no pool named "qwen-72b"
            {"pools": [{"name": "p"}], "routes": [{"name": "r", "pool": "p", "match": {"path": {"value": "/a"}}}]}                     | routes[0].match.path.kind: required
            {"pools": [{"name": "p"}], "routes": [{"name": "r", "pool": "p", "match": {"path": {"kind": "exact"}}}]}                   | routes[0].match.path.value: required
            {"pools": [{"name": "p"}], "routes": [{"name": "r", "pool": "p", "match": {"path": {"kind": "prefix", "value": "v1/"}}}]}  | routes[0].match.path.value: must start with "/", got "v1/"
            {"pools": [{"name": "p"}], "routes": [{"name": "r", "pool": "p", "match": {"path": {"kind": "regex", "value": "/v1/(chat"}}}]} | routes[0].match.path.value: invalid regular expression: Unclosed group at index 9
            {"pools": [{"name": "p"}], "routes": [{"name": "r", "pool": "p", "match": {"methods": ["GET", "PO ST"]}}]}               | routes[0].match.methods[1]: "PO ST" is not a valid HTTP method
            {"pools": [{"name": "p"}], "routes": [{"name": "r", "pool": "p", "match": {"headers": {"x tenant": "a"}}}]}              | routes[0].match.headers: "x tenant" is not a valid header name
            {"pools": [{"name": "p"}], "routes": [{"name": "r", "pool": "p", "match": {"hosts": [""]}}]}                             | routes[0].match.hosts[0]: must not be blank
            {"pools": [{}]}                                                         | pools[0].name: required
            {"pools": [{"name": "qwen 72b"}]}                                       | pools[0].name: "qwen 72b" may contain only letters, digits, ".", "_" and "-"
            {"pools": [{"name": "p"}, {"name": "p"}]}                               | pools[1].name: duplicate pool name "p", same as pools[0]
            {"pools": [{"name": "p", "endpoints": [{"port": 1}]}]}                  | pools[0].endpoints[0].host: required
            {"pools": [{"name": "p", "endpoints": [{"host": "h"}]}]}                | pools[0].endpoints[0].port: required
            {"pools": [{"name": "p", "endpoints": [{"host": "h", "port": 0}]}]}     | pools[0].endpoints[0].port: must be between 1 and 65535, got 0
            {"pools": [{"name": "p", "endpoints": [{"host": "h", "port": 1, "weight": 0}]}]}     | pools[0].endpoints[0].weight: must be between 1 and 10000, got 0
            {"pools": [{"name": "p", "endpoints": [{"host": "h", "port": 1, "weight": 10001}]}]} | pools[0].endpoints[0].weight: must be between 1 and 10000, got 10001
            {"pools": [{"name": "p", "endpoints": [{"host": "h", "port": 1}, {"host": "h", "port": 1}]}]}                        | pools[0].endpoints[1]: duplicate address h:1, same as pools[0].endpoints[0]
            {"pools": [{"name": "p", "endpoints": [{"host": "h", "port": 1, "metricsUrl": "h:9001/metrics"}]}]}                  | pools[0].endpoints[0].metricsUrl: must be an absolute http or https URL, got "h:9001/metrics"
            {"pools": [{"name": "p", "endpoints": [{"host": "h", "port": 1, "metricsUrl": "ftp://h/metrics"}]}]}                 | pools[0].endpoints[0].metricsUrl: must be an absolute http or https URL, got "ftp://h/metrics"
            {"pools": [{"name": "p", "balancer": {"strategy": "consistent_hash", "hashOn": "ip"}}]}       | pools[0].balancer.hashOn: must be "client_ip", "consumer" or "header:NAME", got "ip"
            {"pools": [{"name": "p", "balancer": {"strategy": "consistent_hash", "hashOn": "header:"}}]}  | pools[0].balancer.hashOn: must be "client_ip", "consumer" or "header:NAME", got "header:"
            {"pools": [{"name": "p", "healthCheck": {"interval": "50ms", "timeout": "10ms"}}]}           | pools[0].healthCheck.interval: must be at least 100ms, got 50ms
            {"pools": [{"name": "p", "healthCheck": {"interval": "10s", "timeout": "10s"}}]}             | pools[0].healthCheck.timeout: must be greater than 0 and less than interval (10s), got 10s
            {"pools": [{"name": "p", "healthCheck": {"timeout": "0ms"}}]}                                | pools[0].healthCheck.timeout: must be greater than 0 and less than interval (10s), got 0s
            {"pools": [{"name": "p", "metricsInterval": "50ms"}]}                                        | pools[0].metricsInterval: must be at least 100ms, got 50ms
            {"pools": [{"name": "p", "metricsInterval": "2h"}]}                                          | pools[0].metricsInterval: must be at most 1h, got 2h
            {"pools": [{"name": "p", "healthCheck": {"unhealthyThreshold": 0}}]}                         | pools[0].healthCheck.unhealthyThreshold: must be at least 1, got 0
            {"pools": [{"name": "p", "healthCheck": {"healthyThreshold": -1}}]}                          | pools[0].healthCheck.healthyThreshold: must be at least 1, got -1
            {"pools": [{"name": "p", "healthCheck": {"path": "health"}}]}                                | pools[0].healthCheck.path: must start with "/", got "health"
            {"pools": [{"name": "p", "outlier": {"errorRateThreshold": 0}}]}                             | pools[0].outlier.errorRateThreshold: must be greater than 0 and at most 1, got 0.0
            {"pools": [{"name": "p", "outlier": {"errorRateThreshold": 1.5}}]}                           | pools[0].outlier.errorRateThreshold: must be greater than 0 and at most 1, got 1.5
            {"pools": [{"name": "p", "outlier": {"window": "500ms"}}]}                                   | pools[0].outlier.window: must be at least 1s, got 500ms
            {"pools": [{"name": "p", "outlier": {"minRequests": 0}}]}                                    | pools[0].outlier.minRequests: must be at least 1, got 0
            {"pools": [{"name": "p", "outlier": {"halfOpenInterval": "0s"}}]}                            | pools[0].outlier.halfOpenInterval: must be greater than 0, got 0s
            {"pools": [{"name": "p", "outlier": {"rampUp": "-1s"}}]}                                     | pools[0].outlier.rampUp: must not be negative, got -1s
            {"limits": {"maxBodyBytes": 0}}                                         | limits.maxBodyBytes: must be between 1 and 1073741824 (1 GiB), got 0
            {"limits": {"maxBodyBytes": 1073741825}}                                | limits.maxBodyBytes: must be between 1 and 1073741824 (1 GiB), got 1073741825
            {"limits": {"maxHeaderBytes": 512}}                                     | limits.maxHeaderBytes: must be at least 1024, got 512
            {"limits": {"upstreamTimeout": "0s"}}                                   | limits.upstreamTimeout: must be greater than 0, got 0s
            {"limits": {"drainTimeout": "-5m"}}                                     | limits.drainTimeout: must be greater than 0, got -5m
            """)
    void reportsTheBrokenRuleWithThePathOfItsField(String json, String expected) throws ConfigException {
        assertThat(errorsOf(json)).containsExactly(expected);
    }

    @Test
    void reportsEveryErrorNotJustTheFirst() throws ConfigException {
        String json = """
                {"listeners": [{"name": "a", "port": 0}, {"name": "b", "port": 65536}],
                 "pools": [{"name": "p", "endpoints": [{"host": "h", "port": 1, "weight": 0}]}],
                 "routes": [{"name": "a", "pool": "p"}, {"name": "b", "pool": "q"},
                            {"name": "c", "pool": "p", "match": {"path": {"kind": "regex", "value": "("}}}],
                 "limits": {"maxHeaderBytes": 10}}
                """;

        assertThat(errorsOf(json)).containsExactly(
                "listeners[1].port: must be between 0 and 65535, got 65536",
                "routes[1].pool: no pool named \"q\"",
                "routes[2].match.path.value: invalid regular expression: Unclosed group at index 1",
                "pools[0].endpoints[0].weight: must be between 1 and 10000, got 0",
                "limits.maxHeaderBytes: must be at least 1024, got 10");
    }

    @Test
    void acceptsTheExampleFile() throws Exception {
        assertThat(ConfigValidator.validate(codec.parse(ConfigCodecTest.example()))).isEmpty();
    }

    @Test
    void acceptsNoListenersPoolsWithoutEndpointsAndSeveralEphemeralPorts() throws ConfigException {
        assertThat(errorsOf("{}")).isEmpty();
        assertThat(errorsOf("""
                {"listeners": [{"name": "a", "port": 0}, {"name": "b", "port": 0}],
                 "pools": [{"name": "empty"}], "routes": [{"name": "r", "pool": "empty"}]}
                """)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"client_ip", "consumer", "header:x-user-id"})
    void acceptsEveryFormOfHashOn(String hashOn) throws ConfigException {
        assertThat(errorsOf("{\"pools\": [{\"name\": \"p\", \"balancer\": {\"strategy\": \"consistent_hash\", \"hashOn\": \""
                + hashOn + "\"}}]}")).isEmpty();
    }

    @Test
    void acceptsMethodsInAnyCaseAndHashOnOnlyMattersForConsistentHash() throws ConfigException {
        assertThat(errorsOf("""
                {"pools": [{"name": "p", "balancer": {"strategy": "round_robin", "hashOn": "anything"}}],
                 "routes": [{"name": "r", "pool": "p", "match": {"methods": ["post", "Get", "PURGE"]}}]}
                """)).isEmpty();
    }
}
