package dev.gatehouse.engine.routing;

import dev.gatehouse.engine.config.PathMatch;
import dev.gatehouse.engine.config.RouteConfig;
import dev.gatehouse.engine.config.RouteMatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class RouteTableTest {

    private static RouteConfig route(String name, int priority, RouteMatch match) {
        return new RouteConfig(name, priority, match, "pool-" + name);
    }

    private static RouteMatch path(PathMatch path) {
        return new RouteMatch(null, path, null, null, null);
    }

    private static RequestFacts request(String method, String host, String path, Map<String, String> headers, String model) {
        return new RequestFacts(host, path, method, name -> headers.get(name.toLowerCase()), () -> model);
    }

    private static RequestFacts get(String path) {
        return request("GET", "", path, Map.of(), null);
    }

    private static final RouteTable PATHS = RouteTable.compile(List.of(
            route("exact-health", 0, path(PathMatch.exact("/health"))),
            route("prefix-v1", 0, path(PathMatch.prefix("/v1/"))),
            route("regex-models", 5, path(PathMatch.regex("/v1/models/[a-z0-9-]+"))),
            route("catch-all", -100, RouteMatch.any())));

    @ParameterizedTest
    @CsvSource({
            "/health, exact-health",
            "/health/deep, catch-all",
            "/v1/chat/completions, prefix-v1",
            "/v1/models/qwen-72b, regex-models",
            "/v1/models/Qwen, prefix-v1",
            "/v2/other, catch-all"
    })
    void pathsMatchExactlyByPrefixOrByRegex(String path, String expectedRoute) {
        assertThat(PATHS.match(get(path)).name()).isEqualTo(expectedRoute);
    }

    @Test
    void higherPriorityWinsOverEarlierRoute() {
        RouteTable table = RouteTable.compile(List.of(
                route("low", 1, path(PathMatch.prefix("/"))),
                route("high", 9, path(PathMatch.prefix("/v1")))));
        assertThat(table.match(get("/v1/x")).name()).isEqualTo("high");
        assertThat(table.match(get("/other")).name()).isEqualTo("low");
    }

    @Test
    void equalPrioritiesKeepFileOrder() {
        RouteTable table = RouteTable.compile(List.of(
                route("first", 3, path(PathMatch.prefix("/a"))),
                route("second", 3, path(PathMatch.prefix("/"))),
                route("third", 3, path(PathMatch.exact("/a/b")))));
        assertThat(table.match(get("/a/b")).name()).isEqualTo("first");
    }

    @Test
    void exactPathRouteLosesToHigherPriorityPrefixRoute() {
        RouteTable table = RouteTable.compile(List.of(
                route("exact", 0, path(PathMatch.exact("/v1/chat"))),
                route("prefix", 1, path(PathMatch.prefix("/v1")))));
        assertThat(table.match(get("/v1/chat")).name()).isEqualTo("prefix");
    }

    @Test
    void methodHostAndHeaderConditionsMustAllHold() {
        RouteMatch match = new RouteMatch(List.of("API.example.com"), PathMatch.prefix("/"), List.of("post"),
                Map.of("x-tenant", "blue"), null);
        RouteTable table = RouteTable.compile(List.of(route("strict", 0, match)));
        assertThat(table.match(request("POST", "api.example.com", "/x", Map.of("x-tenant", "blue"), null)))
                .extracting(CompiledRoute::name).isEqualTo("strict");
        assertThat(table.match(request("GET", "api.example.com", "/x", Map.of("x-tenant", "blue"), null))).isNull();
        assertThat(table.match(request("POST", "other.example.com", "/x", Map.of("x-tenant", "blue"), null))).isNull();
        assertThat(table.match(request("POST", "api.example.com", "/x", Map.of("x-tenant", "red"), null))).isNull();
        assertThat(table.match(request("POST", "api.example.com", "/x", Map.of(), null))).isNull();
    }

    @Test
    void modelRoutesPickByTheBodysModel() {
        RouteTable table = RouteTable.compile(List.of(
                route("qwen", 0, new RouteMatch(null, PathMatch.prefix("/v1/"), null, null, List.of("qwen-72b"))),
                route("llama", 0, new RouteMatch(null, PathMatch.prefix("/v1/"), null, null, List.of("llama-3-8b", "llama-3-70b")))));
        assertThat(table.match(request("POST", "", "/v1/chat/completions", Map.of(), "llama-3-70b")).name()).isEqualTo("llama");
        assertThat(table.match(request("POST", "", "/v1/chat/completions", Map.of(), "qwen-72b")).name()).isEqualTo("qwen");
        assertThat(table.match(request("POST", "", "/v1/chat/completions", Map.of(), "gpt-4o"))).isNull();
        assertThat(table.anyMatchesOnModel()).isTrue();
    }

    @Test
    void bodyIsNotParsedWhenNoCandidateRouteNeedsTheModel() {
        AtomicInteger parses = new AtomicInteger();
        RouteTable table = RouteTable.compile(List.of(route("plain", 0, path(PathMatch.prefix("/v1/")))));
        RequestFacts facts = new RequestFacts("", "/v1/chat", "POST", n -> null, () -> {
            parses.incrementAndGet();
            return "m";
        });
        assertThat(table.match(facts).name()).isEqualTo("plain");
        assertThat(parses).hasValue(0);
        assertThat(table.anyMatchesOnModel()).isFalse();
    }

    @Test
    void tenThousandRoutesMatchTheRightOne() {
        List<RouteConfig> routes = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            routes.add(route("r" + i, 0, path(i % 2 == 0 ? PathMatch.exact("/svc/" + i) : PathMatch.prefix("/svc/" + i + "/"))));
        }
        RouteTable table = RouteTable.compile(routes);
        assertThat(table.size()).isEqualTo(10_000);
        assertThat(table.match(get("/svc/9998")).name()).isEqualTo("r9998");
        assertThat(table.match(get("/svc/9999/x")).name()).isEqualTo("r9999");
        assertThat(table.match(get("/svc/none"))).isNull();
    }
}
