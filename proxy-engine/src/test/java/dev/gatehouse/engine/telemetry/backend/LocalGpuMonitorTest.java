package dev.gatehouse.engine.telemetry.backend;

import dev.gatehouse.engine.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The monitor against fake {@code nvidia-smi} scripts that print recorded output. */
@DisabledOnOs(OS.WINDOWS)
class LocalGpuMonitorTest {

    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(NOW);
    private final List<LocalGpuReport> reports = new CopyOnWriteArrayList<>();

    private LocalGpuMonitor monitor(List<String> command, Duration timeout) {
        return new LocalGpuMonitor(command, timeout, clock, reports::add);
    }

    private Path script(String body) throws IOException {
        Path script = dir.resolve("nvidia-smi");
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    @Test
    void reportsTheGpusTheCommandPrints() throws Exception {
        Path csv = dir.resolve("out.csv");
        Files.writeString(csv, Pages.read("nvidia-smi.csv"));
        Path script = script("cat '" + csv + "'");

        try (LocalGpuMonitor monitor = monitor(List.of(script.toString()), Duration.ofSeconds(10))) {
            LocalGpuReport report = monitor.query();

            assertThat(report.status()).isEqualTo(LocalGpuStatus.OK);
            assertThat(report.gpus()).hasSize(4);
            assertThat(report.gpus().get(0).utilPercent()).isEqualTo(94.0);
            assertThat(report.summary().avgUtilPercent()).isEqualTo(53.0);
            assertThat(report.checkedAt()).isEqualTo(NOW);
            assertThat(report.error()).isNull();
        }
    }

    @Test
    void aMissingCommandMeansNotPresentAndTheMonitorStops() {
        String missing = dir.resolve("no-such-nvidia-smi").toString();

        try (LocalGpuMonitor monitor = LocalGpuMonitor.start(List.of(missing), Duration.ofMillis(10), clock, reports::add)) {
            await().until(() -> !monitor.isPolling());
            assertThat(reports).singleElement().satisfies(r -> {
                assertThat(r.status()).isEqualTo(LocalGpuStatus.NOT_PRESENT);
                assertThat(r.gpus()).isEmpty();
            });
        }
    }

    @Test
    void aFailingDriverIsAnErrorWithTheCommandsOwnWords() throws Exception {
        Path script = script("echo \"NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver.\"\nexit 9");

        try (LocalGpuMonitor monitor = monitor(List.of(script.toString()), Duration.ofSeconds(10))) {
            LocalGpuReport report = monitor.query();

            assertThat(report.status()).isEqualTo(LocalGpuStatus.ERROR);
            assertThat(report.error()).contains("exited with 9")
                    .contains("couldn't communicate with the NVIDIA driver");
        }
    }

    @Test
    void anErrorKeepsTheGpusOfTheLastGoodQuery() throws Exception {
        Path flag = dir.resolve("broken");
        Path script = script("if [ -e '" + flag + "' ]; then echo 'Unable to determine the device handle'; exit 15; fi\n"
                + "echo '0, Tesla T4, GPU-1, 5, 300, 15360, 15060'");

        try (LocalGpuMonitor monitor = monitor(List.of(script.toString()), Duration.ofSeconds(10))) {
            assertThat(monitor.query().status()).isEqualTo(LocalGpuStatus.OK);
            Files.createFile(flag);
            clock.advance(Duration.ofSeconds(5));

            LocalGpuReport report = monitor.query();

            assertThat(report.status()).isEqualTo(LocalGpuStatus.ERROR);
            assertThat(report.gpus()).extracting(GpuSample::uuid).containsExactly("GPU-1");
            assertThat(report.checkedAt()).isEqualTo(NOW.plusSeconds(5));
        }
    }

    @Test
    void outputWithoutGpusIsAnError() throws Exception {
        Path script = script("echo 'No devices were found'");

        try (LocalGpuMonitor monitor = monitor(List.of(script.toString()), Duration.ofSeconds(10))) {
            LocalGpuReport report = monitor.query();

            assertThat(report.status()).isEqualTo(LocalGpuStatus.ERROR);
            assertThat(report.error()).contains("No devices were found");
        }
    }

    @Test
    void aHungCommandIsKilledAtTheTimeout() throws Exception {
        Path script = script("exec sleep 30");

        try (LocalGpuMonitor monitor = monitor(List.of(script.toString()), Duration.ofMillis(200))) {
            LocalGpuReport report = monitor.query();

            assertThat(report.status()).isEqualTo(LocalGpuStatus.ERROR);
            assertThat(report.error()).contains("did not answer within 200 ms");
        }
    }

    @Test
    void startedMonitorQueriesAgainEachInterval() throws Exception {
        Path script = script("echo '0, Tesla T4, GPU-1, 5, 300, 15360, 15060'");

        try (LocalGpuMonitor monitor = LocalGpuMonitor.start(List.of(script.toString()), Duration.ofMillis(20), clock,
                reports::add)) {
            await().until(() -> reports.size() >= 3);
        }
        assertThat(reports).allSatisfy(r -> assertThat(r.status()).isEqualTo(LocalGpuStatus.OK));
    }
}
