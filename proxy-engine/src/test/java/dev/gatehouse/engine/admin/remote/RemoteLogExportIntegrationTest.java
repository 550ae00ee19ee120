package dev.gatehouse.engine.admin.remote;

import dev.gatehouse.engine.accesslog.query.ExportFormat;
import dev.gatehouse.engine.accesslog.query.ExportProgress;
import dev.gatehouse.engine.accesslog.query.ExportResult;
import dev.gatehouse.engine.accesslog.query.LogQuery;
import dev.gatehouse.engine.admin.AdminFixture;
import dev.gatehouse.engine.admin.ExportRequest;
import dev.gatehouse.engine.admin.rest.AdminServer;
import dev.gatehouse.engine.testing.Closer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import static dev.gatehouse.engine.testing.RecordBuilder.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A large log export over the admin API: streamed in chunks, counted, and stoppable part way. */
class RemoteLogExportIntegrationTest {

    private static final int RECORDS = 5_000;

    @TempDir
    Path dir;

    private final Closer closer = new Closer();
    private AdminFixture fixture;
    private RemoteGatewayControl remote;
    private String base;

    @BeforeEach
    void start() throws Exception {
        fixture = new AdminFixture(dir, closer);
        Instant start = Instant.parse("2026-11-25T10:00:00Z");
        for (int i = 0; i < RECORDS; i++) {
            // A user agent with a quote and a line break: CSV quotes it, and the count must not be fooled.
            fixture.log.accept(record().id("r" + i).start(start.plusMillis(i)).userAgent("agent \"x\"\nline " + i).build());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.log.stats().written() == RECORDS);
        AdminServer server = closer.add(AdminServer.builder(fixture.embedded, "t0ken").listen("127.0.0.1", 0).start());
        base = "http://127.0.0.1:" + server.address().getPort();
        remote = closer.add(new RemoteGatewayControl(URI.create(base), "t0ken"));
    }

    @AfterEach
    void stop() throws Exception {
        closer.close();
    }

    @Test
    void everyRecordArrivesAndIsCounted() {
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        AtomicLong lastProgress = new AtomicLong();

        ExportResult result = remote.exportLogs(new ExportRequest(LogQuery.all(), ExportFormat.CSV), csv, new ExportProgress() {
            @Override
            public void written(long records) {
                lastProgress.set(records);
            }
        });

        assertThat(result).isEqualTo(new ExportResult(RECORDS, false));
        assertThat(lastProgress.get()).isEqualTo(RECORDS);
        String text = csv.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("\"agent \"\"x\"\"\nline 4999\"").contains("r0,");
        assertThat(text.length()).as("well over one 64 KiB chunk").isGreaterThan(1_000_000);
    }

    @Test
    void cancellingStopsTheExportPartWay() {
        AtomicLong bytes = new AtomicLong();
        OutputStream counting = new OutputStream() {
            @Override
            public void write(int b) {
                bytes.incrementAndGet();
            }

            @Override
            public void write(byte[] b, int off, int len) {
                bytes.addAndGet(len);
            }
        };

        ExportResult result = remote.exportLogs(new ExportRequest(LogQuery.all(), ExportFormat.JSON_LINES), counting,
                new ExportProgress() {
                    @Override
                    public boolean cancelled() {
                        return bytes.get() > 0;
                    }
                });

        assertThat(result.cancelled()).isTrue();
        assertThat(result.records()).isLessThan(RECORDS);
        // The engine is still answering afterwards.
        assertThat(remote.logStore().written()).isEqualTo(RECORDS);
    }

    @Test
    void aBadExportRequestIsAJsonErrorNotAnEmptyFile() throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/admin/logs/export"))
                    .header("Authorization", "Bearer t0ken")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"query\": {}, \"format\": \"XML\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(answer.body()).contains("\"kind\":\"BAD_REQUEST\"").contains("XML");
        }
    }
}
