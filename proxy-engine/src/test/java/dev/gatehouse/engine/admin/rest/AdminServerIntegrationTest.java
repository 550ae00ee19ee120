package dev.gatehouse.engine.admin.rest;

import dev.gatehouse.engine.admin.AdminFixture;
import dev.gatehouse.engine.config.ConfigCodec;
import dev.gatehouse.engine.health.HealthState;
import dev.gatehouse.engine.testing.Closer;
import dev.gatehouse.engine.testing.RawHttp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin REST API on the wire: authentication, malformed and oversized requests, status codes, /metrics. */
class AdminServerIntegrationTest {

    private static final String TOKEN = "0123456789abcdef";
    private static final String DRAIN_FIRST = "{\"pool\":\"chat\",\"address\":\"127.0.0.1:9\"}";

    @TempDir
    Path dir;

    private final Closer closer = new Closer();
    private final ObjectMapper json = new ObjectMapper();
    private AdminFixture fixture;
    private AdminServer server;

    @BeforeEach
    void start() throws Exception {
        fixture = new AdminFixture(dir, closer);
        server = closer.add(AdminServer.builder(fixture.embedded, TOKEN).listen("127.0.0.1", 0)
                .maxBodyBytes(4096).start());
    }

    @AfterEach
    void stop() throws Exception {
        closer.close();
    }

    @Test
    void withoutATokenEveryCallIs401WithAJsonErrorAndDoesNothing() throws Exception {
        RawHttp.Response response = call("POST", AdminPaths.DRAIN, null, DRAIN_FIRST);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.headers().get("www-authenticate")).startsWith("Bearer");
        assertThat(body(response).get("kind").asText()).isEqualTo("UNAUTHORIZED");
        assertThat(body(response).get("message").asText()).contains("admin.token");
        assertThat(firstEndpointState()).isEqualTo(HealthState.HEALTHY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer 0123456789abcdeX", "Bearer 0123456789abcdef0", "Bearer ", "Basic MDEyMzQ1Njc4OWFiY2RlZg==",
            "0123456789abcdef"})
    void aWrongTokenIs401(String authorization) throws Exception {
        RawHttp.Response response = send("GET " + AdminPaths.STATUS + " HTTP/1.1\r\nHost: a\r\nAuthorization: "
                + authorization + "\r\n\r\n");

        assertThat(response.status()).isEqualTo(401);
        assertThat(body(response).get("kind").asText()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void aCallerWithoutTheTokenIsRefusedOnTheHeadBeforeSendingItsBody() throws Exception {
        try (RawHttp http = new RawHttp(server.address())) {
            // Announces a body far over the limit and sends none of it: the 401 must not wait for it.
            http.send("POST " + AdminPaths.APPLY + " HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100000000\r\n\r\n");

            RawHttp.Response response = http.readResponse();

            assertThat(response.status()).isEqualTo(401);
            assertThat(http.closedByServer()).isTrue();
        }
    }

    @Test
    void theRightTokenIsAdmittedWhateverTheSchemesCase() throws Exception {
        RawHttp.Response response = send("GET " + AdminPaths.STATUS + " HTTP/1.1\r\nHost: a\r\nAuthorization: bearer "
                + TOKEN + "\r\n\r\n");

        assertThat(response.status()).isEqualTo(200);
        assertThat(body(response).get("configVersion").asLong()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"pool\":\"chat\",", "not json", "{\"pool\":\"chat\",\"address\":\"127.0.0.1:9\",\"extra\":1}",
            "{\"pool\":\"chat\"}", "{\"pool\":\"chat\",\"address\":\"127.0.0.1:9\"} trailing", ""})
    void aMalformedBodyIs400AndDoesNothing(String bodyText) throws Exception {
        RawHttp.Response response = call("POST", AdminPaths.DRAIN, TOKEN, bodyText);

        assertThat(response.status()).isEqualTo(400);
        assertThat(body(response).get("kind").asText()).isEqualTo("BAD_REQUEST");
        assertThat(body(response).get("message").asText()).isNotBlank();
        assertThat(firstEndpointState()).isEqualTo(HealthState.HEALTHY);
    }

    @Test
    void aBodyLargerThanTheLimitIs413AndNothingIsApplied() throws Exception {
        String big = "{\"config\":{\"listeners\":[]},\"pad\":\"" + "x".repeat(5000) + "\"}";

        RawHttp.Response response = call("POST", AdminPaths.APPLY, TOKEN, big);

        assertThat(response.status()).isEqualTo(413);
        assertThat(body(response).get("kind").asText()).isEqualTo("TOO_LARGE");
        assertThat(body(response).get("message").asText()).contains("4096");
        assertThat(fixture.embedded.config().version()).isEqualTo(1);
    }

    @Test
    void anUnknownPathIs404AndAKnownPathWithTheWrongMethodIs405() throws Exception {
        RawHttp.Response unknown = call("GET", "/admin/nothing-here", TOKEN, null);
        RawHttp.Response wrongMethod = call("GET", AdminPaths.DRAIN, TOKEN, null);

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(body(unknown).get("kind").asText()).isEqualTo("NOT_FOUND");
        assertThat(body(unknown).get("message").asText()).contains("/admin/nothing-here");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(body(wrongMethod).get("message").asText()).contains("POST");
    }

    @Test
    void anInvalidConfigIs422WithThePathOfEveryError() throws Exception {
        String config = new ConfigCodec().write(AdminFixture.withTwoBrokenRoutes(fixture.initial));

        RawHttp.Response response = call("POST", AdminPaths.APPLY, TOKEN, "{\"config\":" + config + "}");

        assertThat(response.status()).isEqualTo(422);
        assertThat(body(response).get("kind").asText()).isEqualTo("INVALID_CONFIG");
        assertThat(body(response).get("errors").findValuesAsText("path")).containsExactly("routes[0].pool", "routes[1].pool");
        assertThat(fixture.embedded.config().version()).isEqualTo(1);
    }

    @Test
    void aConfigWithAMisspeltFieldIs422NamingTheField() throws Exception {
        RawHttp.Response response = call("POST", AdminPaths.APPLY, TOKEN, "{\"config\":{\"listners\":[]}}");

        assertThat(response.status()).isEqualTo(422);
        assertThat(body(response).get("errors").toString()).contains("listners");
    }

    @Test
    void anApplyBasedOnAReplacedVersionIs409() throws Exception {
        String current = json.writeValueAsString(body(call("GET", AdminPaths.CONFIG, TOKEN, null)).get("config"));
        assertThat(call("POST", AdminPaths.APPLY, TOKEN, "{\"basedOnVersion\":1,\"config\":" + current + "}").status())
                .isEqualTo(200);

        RawHttp.Response stale = call("POST", AdminPaths.APPLY, TOKEN, "{\"basedOnVersion\":1,\"config\":" + current + "}");

        assertThat(stale.status()).isEqualTo(409);
        assertThat(body(stale).get("kind").asText()).isEqualTo("CONFLICT");
    }

    @Test
    void requestsSentTogetherOnOneConnectionAreAnsweredInOrder() throws Exception {
        String auth = "Authorization: Bearer " + TOKEN + "\r\n";
        try (RawHttp http = new RawHttp(server.address())) {
            http.send("GET " + AdminPaths.ENDPOINTS + " HTTP/1.1\r\nHost: a\r\n" + auth + "\r\n"
                    + "GET /nowhere HTTP/1.1\r\nHost: a\r\n" + auth + "\r\n"
                    + "GET " + AdminPaths.STATUS + " HTTP/1.1\r\nHost: a\r\n" + auth + "\r\n");

            assertThat(body(http.readResponse()).get(0).get("pool").asText()).isEqualTo("chat");
            assertThat(http.readResponse().status()).isEqualTo(404);
            assertThat(body(http.readResponse()).get("running").asBoolean()).isTrue();
        }
    }

    @Test
    void metricsServesEngineGaugesInPrometheusText() throws Exception {
        RawHttp.Response response = call("GET", AdminPaths.METRICS, TOKEN, null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().get("content-type")).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
        assertThat(response.bodyText()).contains("# TYPE gatehouse_config_version gauge\ngatehouse_config_version 1\n")
                .contains("\ngatehouse_in_flight_requests 0\n");
        assertThat(call("GET", AdminPaths.METRICS, null, null).status()).isEqualTo(401);
    }

    @Test
    void metricsServesWhatTheSourcePluggedInRenders() throws Exception {
        AdminServer custom = closer.add(AdminServer.builder(fixture.embedded, TOKEN).listen("127.0.0.1", 0)
                .metrics(() -> "requests_total{route=\"all\"} 7\n").start());

        try (RawHttp http = new RawHttp(custom.address())) {
            RawHttp.Response response = http.send("GET /metrics HTTP/1.1\r\nHost: a\r\nAuthorization: Bearer " + TOKEN
                    + "\r\n\r\n").readResponse();
            assertThat(response.bodyText()).isEqualTo("requests_total{route=\"all\"} 7\n");
        }
    }

    private RawHttp.Response call(String method, String path, String token, String bodyText) throws Exception {
        byte[] bytes = bodyText == null ? new byte[0] : bodyText.getBytes(StandardCharsets.UTF_8);
        return send(method + " " + path + " HTTP/1.1\r\nHost: a\r\n"
                + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
                + (bodyText == null ? "" : "Content-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n")
                + "\r\n" + new String(bytes, StandardCharsets.ISO_8859_1));
    }

    private RawHttp.Response send(String request) throws Exception {
        try (RawHttp http = new RawHttp(server.address())) {
            return http.send(request).readResponse();
        }
    }

    private JsonNode body(RawHttp.Response response) throws Exception {
        assertThat(response.headers().get("content-type")).isEqualTo("application/json");
        return json.readTree(response.body());
    }

    private HealthState firstEndpointState() {
        return fixture.engine.snapshot().pool("chat").endpoints().get(0).health().state();
    }
}
