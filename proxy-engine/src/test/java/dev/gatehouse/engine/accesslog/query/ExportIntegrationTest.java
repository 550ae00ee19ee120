package dev.gatehouse.engine.accesslog.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.engine.accesslog.store.AccessLogStore;
import dev.gatehouse.engine.accesslog.store.StoreOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.gatehouse.engine.testing.RecordBuilder.record;
import static org.assertj.core.api.Assertions.assertThat;

class ExportIntegrationTest {

    @TempDir
    static Path dir;
    static FilledStore filled;
    static AccessLogQueries queries;
    static LogDataset data;

    @BeforeAll
    static void fill() throws Exception {
        filled = FilledStore.of(dir, 12_000, 3);
        queries = filled.queries();
        data = filled.data();
    }

    @AfterAll
    static void close() throws Exception {
        filled.close();
    }

    @Test
    void jsonLinesHoldOneRecordPerLineWithSeedFieldNamesNewestFirst() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LogQuery errors = LogQuery.builder().statusClasses(5).build();
        ExportResult result = queries.export(errors, ExportFormat.JSON_LINES, out, ExportProgress.none());

        List<String> expected = data.newestFirst(r -> r.responseCode() >= 500);
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(result).isEqualTo(new ExportResult(expected.size(), false));
        assertThat(lines).hasSize(expected.size());
        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(lines[0]);
        assertThat(first.get("request_id").asText()).isEqualTo(expected.get(0));
        assertThat(first.get("response_code").asInt()).isGreaterThanOrEqualTo(500);
        assertThat(first.get("upstream_transport_failure_reason").asText()).contains("closed the connection");
        assertThat(first.get("fallback_from").isNull() || first.get("fallback_from").isTextual()).isTrue();
        assertThat(first.get("duration_us").isIntegralNumber()).isTrue();
    }

    @Test
    void csvQuotesWhatNeedsQuotingAndKeepsEmptyForNull(@TempDir Path own) throws Exception {
        try (AccessLogStore small = AccessLogStore.open(StoreOptions.defaults(own.resolve("log.db")));
             AccessLogQueries smallQueries = AccessLogQueries.over(small)) {
            small.accept(record().userAgent("Mozilla/5.0 (X11, \"Linux\")").fallbackFrom(null).build());
            org.awaitility.Awaitility.await().until(() -> small.stats().written() == 1);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            smallQueries.export(LogQuery.all(), ExportFormat.CSV, out, ExportProgress.none());

            String[] lines = out.toString(StandardCharsets.UTF_8).split("\r\n");
            assertThat(lines).hasSize(2);
            assertThat(lines[0]).startsWith("id,start_us,request_id,trace_id,method,path,");
            // user_agent quoted with its quotes doubled; fallback_from (null) empty between cache and safecheck status.
            assertThat(lines[1]).contains(",\"Mozilla/5.0 (X11, \"\"Linux\"\")\",").endsWith(",miss,,pass,pass");
        }
    }

    @Test
    void progressIsReportedAndCancellingStopsTheExport() throws Exception {
        List<Long> reported = new ArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportResult result = queries.export(LogQuery.all(), ExportFormat.CSV, out, new ExportProgress() {
            @Override
            public void written(long records) {
                reported.add(records);
            }

            @Override
            public boolean cancelled() {
                return !reported.isEmpty();
            }
        });

        assertThat(reported).containsExactly(5_000L, 5_000L);
        assertThat(result).isEqualTo(new ExportResult(5_000, true));
        assertThat(out.toString(StandardCharsets.UTF_8).split("\r\n")).hasSize(5_001);
    }
}
