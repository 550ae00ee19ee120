package dev.gatehouse.app;

import dev.gatehouse.engine.admin.ApplyRequest;
import dev.gatehouse.engine.admin.ControlException;
import dev.gatehouse.engine.admin.GatewayControl;
import dev.gatehouse.engine.admin.VersionedConfig;
import dev.gatehouse.engine.admin.remote.RemoteGatewayControl;
import dev.gatehouse.engine.config.ConfigLoader;
import dev.gatehouse.engine.config.GatewayConfig;
import dev.gatehouse.engine.config.PathMatch;
import dev.gatehouse.engine.config.RouteConfig;
import dev.gatehouse.engine.config.RouteMatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/** {@code gatehouse serve} with its admin listener: address, token, and applies coherent with file edits. */
class ServeCommandAdminIntegrationTest {

    private static final Pattern ADMIN_LINE = Pattern.compile("Gatehouse admin API on (http://127\\.0\\.0\\.1:\\d+)/admin/");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private RunningGateway gateway;
    private RemoteGatewayControl remote;

    @AfterEach
    void stop() {
        if (remote != null) {
            remote.close();
        }
        if (gateway != null) {
            gateway.stop();
        }
    }

    private static final String CONFIG = """
            {"pools": [{"name": "p", "healthCheck": {"enabled": false},
                        "endpoints": [{"host": "127.0.0.1", "port": 9}]}],
             "routes": [{"name": "r", "pool": "p", "match": {"path": {"kind": "prefix", "value": "/v1"}}}]}
            """;

    private Path start() throws Exception {
        Path file = dir.resolve("gateway.json");
        Files.writeString(file, CONFIG);
        CommandLine line = CommandLine.parse(new String[] {"--config", file.toString(), "--listen", "127.0.0.1:0",
                "--admin-listen", "127.0.0.1:0", "--home", dir.resolve("home").toString()},
                ServeCommand.VALUE_OPTIONS, ServeCommand.FLAGS);
        gateway = new ServeCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).start(line);
        return file;
    }

    private String adminBase() {
        Matcher m = ADMIN_LINE.matcher(out.toString(StandardCharsets.UTF_8));
        assertThat(m.find()).as("admin address printed in %s", out).isTrue();
        return m.group(1);
    }

    @Test
    void serveStartsTheAdminApiWithTheTokenFromTheHomeDirectory() throws Exception {
        start();
        Path tokenFile = dir.resolve("home/config/admin.token");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("bearer token in " + tokenFile);

        remote = new RemoteGatewayControl(URI.create(adminBase()), Files.readString(tokenFile).strip());
        assertThat(remote.status().running()).isTrue();
        assertThat(remote.status().listenAddresses())
                .containsExactly("127.0.0.1:" + gateway.gateway().engine().addresses().get(0).getPort());

        try (RemoteGatewayControl wrong = new RemoteGatewayControl(URI.create(adminBase()), "guess")) {
            assertThat(catchThrowableOfType(ControlException.class, wrong::status).kind())
                    .isEqualTo(ControlException.Kind.UNAUTHORIZED);
        }
    }

    @Test
    void anAdminApplyRewritesTheServedFileWhichIsNotAppliedAgainAndLaterFileEditsStillApply() throws Exception {
        Path file = start();
        remote = new RemoteGatewayControl(URI.create(adminBase()),
                Files.readString(dir.resolve("home/config/admin.token")).strip());
        VersionedConfig running = remote.config();
        GatewayConfig edited = withPrefix(running.config(), "/v2");

        long applied = remote.apply(ApplyRequest.basedOn(edited, running.version())).configVersion();

        assertThat(ConfigLoader.load(file).routes().get(0).match().path()).isEqualTo(PathMatch.prefix("/v2"));
        // The watcher polls once a second: the version must still be the admin's after it has looked.
        await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(5))
                .until(() -> remote.config().version() == applied);
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("applied " + file);

        Files.writeString(file, CONFIG.replace("/v1", "/v3"));
        await().atMost(Duration.ofSeconds(10)).until(() -> remote.config().version() == applied + 1);
        assertThat(remote.config().config().routes().get(0).match().path()).isEqualTo(PathMatch.prefix("/v3"));
        assertThat(remote.versions()).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void helpNamesTheAdminListenOption() {
        new ServeCommand(new PrintStream(out, true, StandardCharsets.UTF_8), System.err).run(new String[] {"--help"});

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--admin-listen HOST:PORT").contains("127.0.0.1:9901");
    }

    @Test
    void aMalformedAdminAddressIsAUsageError() {
        int code = new ServeCommand(System.out, new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(new String[] {"--demo", "--admin-listen", "nowhere"});

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("expected HOST:PORT");
    }

    private static GatewayConfig withPrefix(GatewayConfig config, String prefix) {
        RouteConfig route = config.routes().get(0);
        RouteMatch match = new RouteMatch(null, PathMatch.prefix(prefix), null, null, null);
        return new GatewayConfig(config.listeners(), List.of(new RouteConfig(route.name(), route.priority(), match,
                route.pool(), route.ai())), config.pools(), config.limits(), config.consumers());
    }
}
