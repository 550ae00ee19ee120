package dev.gatehouse.app;

import dev.gatehouse.engine.sim.LlmBackendSimulator;
import dev.gatehouse.engine.sim.SimulatorOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code gatehouse serve --config FILE}: serves the file, applies valid edits, refuses bad ones. */
class ServeCommandIntegrationTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final HttpClient client = HttpClient.newHttpClient();
    private LlmBackendSimulator backend;
    private RunningGateway gateway;

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.stop();
        }
        if (backend != null) {
            backend.close();
        }
    }

    private static String config(int backendPort, String pathPrefix) {
        return """
                {"pools": [{"name": "p", "healthCheck": {"enabled": false},
                            "endpoints": [{"host": "127.0.0.1", "port": %d}]}],
                 "routes": [{"name": "r", "pool": "p", "match": {"path": {"kind": "prefix", "value": "%s"}}}]}
                """.formatted(backendPort, pathPrefix);
    }

    private int status(String path) throws Exception {
        int port = gateway.gateway().engine().addresses().get(0).getPort();
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void editsToTheConfigFileApplyLiveAndBadEditsAreRefused() throws Exception {
        backend = new LlmBackendSimulator(SimulatorOptions.builder().models("m").host("127.0.0.1").port(0).build()).start();
        Path file = dir.resolve("gateway.json");
        Files.writeString(file, config(backend.port(), "/echo"));
        PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        CommandLine line = CommandLine.parse(new String[] {"--config", file.toString(), "--listen", "127.0.0.1:0",
                "--admin-listen", "127.0.0.1:0", "--home", dir.resolve("home").toString()},
                ServeCommand.VALUE_OPTIONS, ServeCommand.FLAGS);
        gateway = new ServeCommand(outStream, errStream).start(line);

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Gatehouse gateway listening on http://127.0.0.1:")
                .containsPattern("\nSockets: (io_uring|epoll|nio)\n");
        assertThat(status("/echo/a")).isEqualTo(200);
        assertThat(status("/bytes/10")).isEqualTo(404);

        Files.writeString(file, "{\"routes\": [{\"name\": \"r\", \"pool\": \"gone\"}]}");
        await().atMost(Duration.ofSeconds(10)).until(() -> err.toString(StandardCharsets.UTF_8)
                .contains("routes[0].pool: no pool named \"gone\""));
        assertThat(status("/echo/a")).as("old config still serving").isEqualTo(200);

        Files.writeString(file, config(backend.port(), "/bytes"));
        await().atMost(Duration.ofSeconds(10)).until(() -> out.toString(StandardCharsets.UTF_8).contains("applied"));
        assertThat(status("/bytes/10")).isEqualTo(200);
        assertThat(status("/echo/a")).isEqualTo(404);
        assertThat(Files.list(dir.resolve("home/config/history")).count())
                .as("the replaced version is kept for rollback").isGreaterThanOrEqualTo(1);
    }
}
