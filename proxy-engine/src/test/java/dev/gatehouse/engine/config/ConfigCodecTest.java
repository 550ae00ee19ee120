package dev.gatehouse.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigCodecTest {

    private final ConfigCodec codec = new ConfigCodec();

    static String example() throws IOException {
        try (InputStream in = ConfigCodecTest.class.getResourceAsStream("/config/example.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsTheExampleFile() throws Exception {
        GatewayConfig config = codec.parse(example());

        assertThat(config.listeners()).containsExactly(new ListenerConfig("main", "127.0.0.1", 8080));
        assertThat(config.limits().maxBodyBytes()).isEqualTo(12_582_912L);
        assertThat(config.limits().upstreamTimeout()).isEqualTo(Duration.ofSeconds(40));
        PoolConfig pool = config.pool("qwen-72b");
        assertThat(pool.balancer().strategy()).isEqualTo(BalancerConfig.Strategy.LEAST_LATENCY);
        assertThat(pool.healthCheck().interval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(pool.outlier().window()).isEqualTo(Duration.ofMinutes(5));
        assertThat(pool.metricsInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(pool.endpoints()).containsExactly(
                new EndpointConfig("127.0.0.1", 9001, 100, "http://127.0.0.1:9001/metrics"),
                new EndpointConfig("127.0.0.1", 9002, null, null));
        RouteConfig route = config.routes().get(0);
        assertThat(route.match()).isEqualTo(new RouteMatch(List.of("api.example.com"), PathMatch.prefix("/v1/"),
                List.of("POST"), Map.of("x-tenant", "a"), List.of("qwen-72b")));
        assertThat(ConfigValidator.validate(config)).isEmpty();
    }

    @Test
    void writtenConfigReadsBackEqual() throws Exception {
        GatewayConfig config = codec.parse(example());

        String json = codec.write(config);

        assertThat(codec.parse(json)).isEqualTo(config);
        assertThat(codec.write(codec.parse(json))).isEqualTo(json);
    }

    @Test
    void writesEnumsInLowerCaseDurationsAsTextAndFieldsInRecordOrder() throws Exception {
        GatewayConfig config = new GatewayConfig(
                List.of(new ListenerConfig("main", "0.0.0.0", 80)),
                List.of(new RouteConfig("r", 1, new RouteMatch(null, PathMatch.exact("/a"), null,
                        Map.of("x-b", "2", "x-a", "1"), null), "p")),
                List.of(new PoolConfig("p", BalancerConfig.of(BalancerConfig.Strategy.WEIGHTED_ROUND_ROBIN),
                        List.of(EndpointConfig.of("10.0.0.1", 9000)), null, null)),
                new LimitsConfig(null, null, null, null, Duration.ofMillis(1500), null, null, null, null));

        String json = codec.write(config);

        assertThat(json).isEqualTo("""
                {
                  "listeners": [
                    {
                      "name": "main",
                      "host": "0.0.0.0",
                      "port": 80
                    }
                  ],
                  "routes": [
                    {
                      "name": "r",
                      "priority": 1,
                      "match": {
                        "path": {
                          "kind": "exact",
                          "value": "/a"
                        },
                        "headers": {
                          "x-a": "1",
                          "x-b": "2"
                        }
                      },
                      "pool": "p"
                    }
                  ],
                  "pools": [
                    {
                      "name": "p",
                      "balancer": {
                        "strategy": "weighted_round_robin",
                        "hashOn": "client_ip"
                      },
                      "endpoints": [
                        {
                          "host": "10.0.0.1",
                          "port": 9000,
                          "weight": 100,
                          "tls": false
                        }
                      ],
                      "healthCheck": {
                        "enabled": true,
                        "path": "/health",
                        "interval": "10s",
                        "timeout": "2s",
                        "unhealthyThreshold": 3,
                        "healthyThreshold": 2
                      },
                      "outlier": {
                        "enabled": true,
                        "errorRateThreshold": 0.2,
                        "window": "5m",
                        "minRequests": 10,
                        "halfOpenInterval": "30s",
                        "rampUp": "30s"
                      },
                      "provider": {
                        "kind": "openai"
                      },
                      "metricsInterval": "5s"
                    }
                  ],
                  "limits": {
                    "maxBodyBytes": 12582912,
                    "maxHeaderBytes": 16384,
                    "maxInitialLineBytes": 8192,
                    "headerReadTimeout": "10s",
                    "upstreamTimeout": "1500ms",
                    "connectTimeout": "5s",
                    "clientIdleTimeout": "1m",
                    "upstreamIdleTimeout": "30s",
                    "drainTimeout": "30s"
                  }
                }
                """);
    }

    @Test
    void readsEnumsInAnyCase() throws Exception {
        GatewayConfig config = codec.parse("""
                {"pools": [{"name": "p", "balancer": {"strategy": "CONSISTENT_HASH"}}],
                 "routes": [{"name": "r", "pool": "p", "match": {"path": {"kind": "Regex", "value": "/v[0-9]+/"}}}]}
                """);

        assertThat(config.pools().get(0).balancer().strategy()).isEqualTo(BalancerConfig.Strategy.CONSISTENT_HASH);
        assertThat(config.routes().get(0).match().path().kind()).isEqualTo(PathMatch.Kind.REGEX);
    }

    @Test
    void absentSectionsTakeTheirDefaults() throws Exception {
        assertThat(codec.parse("{}")).isEqualTo(new GatewayConfig(null, null, null, null));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"pools": [{"name": "p", "endpoints": [{"host": "h", "port": 1}, {"host": "h", "port": "abc"}]}]} | pools[0].endpoints[1].port: expected an integer, got "abc"
            {"pools": [{"name": "p", "endpoints": [{"host": "h", "port": "9001"}]}]}                           | pools[0].endpoints[0].port: expected an integer, got "9001"
            {"pools": [{"name": "p", "endpoints": [{"host": "h", "port": 80.5}]}]}                             | pools[0].endpoints[0].port: expected an integer, got 80.5
            {"pools": [{"name": "p", "endpoints": [{"host": "h", "port": 99999999999}]}]}                      | pools[0].endpoints[0].port: out of range, got 99999999999
            {"pools": [{"name": "p", "endpoints": [{"host": 10, "port": 1}]}]}                                 | pools[0].endpoints[0].host: expected a string, got 10
            {"routes": [{}, {}, {"name": "r", "mach": {}}]}                                                    | routes[2].mach: unknown field (known: name, priority, match, pool, ai)
            {"listners": []}                                                                                   | listners: unknown field (known: listeners, routes, pools, limits, consumers)
            {"limits": {"upstreamTimeout": "40"}}                                                              | `limits.upstreamTimeout: expected a duration such as "250ms", "10s", "5m" or "1h", got "40"`
            {"limits": {"upstreamTimeout": 40}}                                                                | `limits.upstreamTimeout: expected a duration such as "250ms", "10s", "5m" or "1h", got 40`
            {"limits": 5}                                                                                      | limits: expected an object, got 5
            {"routes": {}}                                                                                     | routes: expected an array, got an object
            {"routes": [null]}                                                                                 | routes[0]: must not be null
            {"routes": [{"match": {"methods": ["GET", null]}}]}                                                | routes[0].match.methods[1]: must not be null
            {"pools": [{"balancer": {"strategy": "random"}}]}                                                  | pools[0].balancer.strategy: expected one of round_robin, weighted_round_robin, least_connections, least_latency, consistent_hash, dynamic_weight, got "random"
            {"pools": [{"balancer": {"strategy": 1}}]}                                                         | pools[0].balancer.strategy: expected one of round_robin, weighted_round_robin, least_connections, least_latency, consistent_hash, dynamic_weight, got 1
            {"pools": [{"healthCheck": {"enabled": "yes"}}]}                                                   | pools[0].healthCheck.enabled: expected true or false, got "yes"
            {"pools": [{"outlier": {"errorRateThreshold": "high"}}]}                                           | pools[0].outlier.errorRateThreshold: expected a number, got "high"
            {"routes": [{"match": {"headers": {"x-tenant": 1}}}]}                                              | routes[0].match.headers.x-tenant: expected a string, got 1
            []                                                                                                 | expected a JSON object at the top level, got an array
            ``                                                                                                 | empty document, expected a JSON object
            """)
    void reportsWhatIsWrongAndWhere(String json, String expected) {
        assertThatThrownBy(() -> codec.parse(json))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.errors()).hasSize(1);
                    assertThat(e.errors().get(0)).hasToString(expected);
                    assertThat(e.getMessage()).isEqualTo(expected);
                });
    }

    @Test
    void syntaxErrorsGiveLineAndColumn() {
        String json = """
                {
                  "listeners": [
                    {"name": "main",
                     "port": 80,,
                  ]
                }
                """;

        assertThatThrownBy(() -> codec.parse(json))
                .isInstanceOf(ConfigException.class)
                .hasMessage("line 4, column 17: Unexpected character (',' (code 44)): was expecting double-quote to start field name");
    }

    @Test
    void duplicateKeysAreAnError() {
        assertThatThrownBy(() -> codec.parse("{\"limits\": {\"maxBodyBytes\": 1,\n \"maxBodyBytes\": 2}}"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("line 2, column 16: Duplicate field 'maxBodyBytes'");
    }
}
