package dev.gatehouse.app;

import dev.gatehouse.engine.admin.ControlException;
import dev.gatehouse.engine.sim.DemoEnvironment;

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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * {@code gatehouse serve --demo} records what it carries: rows in the access log database under
 * the home directory, and figures (request telemetry, the simulated backends' GPUs) on the admin
 * listener's {@code /metrics}.
 */
class ServeRecordsIntegrationTest {

    private static final Pattern ADMIN_LINE = Pattern.compile("Gatehouse admin API on (http://127\\.0\\.0\\.1:\\d+)/admin/");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final HttpClient client = HttpClient.newHttpClient();
    private RunningGateway gateway;

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.stop();
        }
        client.close();
    }

    @Test
    void demoTrafficLandsInTheAccessLogAndOnTheMetricsPage() throws Exception {
        CommandLine line = CommandLine.parse(new String[] {"--demo", "--listen", "127.0.0.1:0",
                "--admin-listen", "127.0.0.1:0", "--home", dir.toString()}, ServeCommand.VALUE_OPTIONS, ServeCommand.FLAGS);
        gateway = new ServeCommand(new PrintStream(out, true, StandardCharsets.UTF_8), System.err).start(line);
        int port = gateway.gateway().engine().addresses().get(0).getPort();
        Path database = dir.resolve("data/demo/access-log.db");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Access log: " + database);

        for (int i = 0; i < 3; i++) {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/v1/chat/completions")).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers
                    .ofString("{\"model\":\"" + DemoEnvironment.QWEN + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
        }

        String token = Files.readString(dir.resolve("config/admin.token")).strip();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(metricsPage(token))
                .contains("gatehouse_model_requests_total{model=\"" + DemoEnvironment.QWEN + "\"} 3")
                .containsPattern("gatehouse_backend_gpu_utilization_percent\\{pool=\"[^\"]+\",endpoint=\"127\\.0\\.0\\.1:\\d+\",gpu=\"0\"} ")
                .contains("gatehouse_access_log_dropped_total 0"));

        gateway.stop(); // writes what is still queued
        gateway = null;
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement query = db.createStatement();
             ResultSet rows = query.executeQuery("SELECT count(*), min(input_token), min(output_token), max(response_code)"
                     + " FROM access_log WHERE model = '" + DemoEnvironment.QWEN + "' AND path = '/v1/chat/completions'")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(3);
            assertThat(rows.getLong(2)).isPositive();
            assertThat(rows.getLong(3)).isPositive();
            assertThat(rows.getInt(4)).isEqualTo(200);
        }
    }

    @Test
    void withoutAnAccessLogNothingIsWrittenAndLogQuestionsSaySo() throws Exception {
        CommandLine line = CommandLine.parse(new String[] {"--demo", "--no-access-log", "--listen", "127.0.0.1:0",
                "--admin-listen", "127.0.0.1:0", "--home", dir.toString()}, ServeCommand.VALUE_OPTIONS, ServeCommand.FLAGS);
        gateway = new ServeCommand(new PrintStream(out, true, StandardCharsets.UTF_8), System.err).start(line);
        int port = gateway.gateway().engine().addresses().get(0).getPort();

        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/v1/models")).build(), HttpResponse.BodyHandlers.ofString());
        ControlException refused = catchThrowableOfType(ControlException.class, () -> gateway.gateway().control().logStore());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Access log: off (--no-access-log)");
        assertThat(refused.kind()).isEqualTo(ControlException.Kind.UNAVAILABLE);
        await().atMost(Duration.ofSeconds(5)).until(() -> gateway.gateway().control().metrics().total().requests() == 1);
        assertThat(dir.resolve("data/demo/access-log.db")).doesNotExist();
    }

    private String metricsPage(String token) throws Exception {
        Matcher admin = ADMIN_LINE.matcher(out.toString(StandardCharsets.UTF_8));
        assertThat(admin.find()).isTrue();
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(admin.group(1) + "/metrics"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        return page.body();
    }
}
