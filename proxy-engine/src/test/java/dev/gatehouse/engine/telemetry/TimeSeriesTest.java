package dev.gatehouse.engine.telemetry;

import dev.gatehouse.engine.accesslog.AccessRecord;
import dev.gatehouse.engine.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static dev.gatehouse.engine.telemetry.TestRecords.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class TimeSeriesTest {

    private static final Instant NOON = Instant.parse("2026-11-25T12:00:00Z");

    private final MutableClock clock = new MutableClock(NOON.plusMillis(300));
    private final Telemetry telemetry = new Telemetry(clock);

    /** Sends {@code records} during the current second, then samples just after it ends. */
    private void second(List<AccessRecord> records) {
        records.forEach(telemetry::accept);
        clock.advance(Duration.ofSeconds(1));
        telemetry.sample();
    }

    private List<SeriesPoint> all(Resolution resolution) {
        return telemetry.series(resolution, Instant.EPOCH, clock.instant().plusSeconds(3600), SeriesFilter.all());
    }

    @Test
    void eachSecondsTrafficIsItsOwnPoint() {
        second(List.of(request().tokens(10, 4).build(), request().tokens(10, 4).build(),
                request().status(502, "upstream_reset").build()));
        second(List.of());
        second(List.of(request().model("llama").tokens(1, 1).cache("hit").build()));

        List<SeriesPoint> points = all(Resolution.SECOND);
        assertThat(points).extracting(SeriesPoint::start)
                .containsExactly(NOON, NOON.plusSeconds(1), NOON.plusSeconds(2));
        SeriesPoint first = points.get(0);
        assertThat(first.requests()).isEqualTo(3);
        assertThat(first.requestsPerSecond()).isEqualTo(3.0);
        assertThat(first.inputTokens()).isEqualTo(30);
        assertThat(first.outputTokens()).isEqualTo(13);
        assertThat(first.errors()).isEqualTo(1);
        assertThat(first.serverErrors()).isEqualTo(1);
        assertThat(first.latencyP50Nanos()).isBetween(75_000_000L, 100_000_000L);
        assertThat(points.get(1).requests()).isZero();
        assertThat(points.get(2).cacheHitRate()).isEqualTo(1.0);

        List<SeriesPoint> llama = telemetry.series(Resolution.SECOND, NOON, NOON.plusSeconds(60),
                SeriesFilter.of(Dimension.MODEL, "llama"));
        assertThat(llama).extracting(SeriesPoint::requests).containsExactly(1L);
        assertThat(telemetry.series(Resolution.SECOND, NOON, NOON.plusSeconds(60),
                SeriesFilter.of(Dimension.MODEL, "nobody-sent-this"))).isEmpty();
    }

    @Test
    void aMinutePointIsTheSumOfItsSecondPoints() {
        Telemetry reference = new Telemetry(clock);
        for (int s = 0; s < 150; s++) {
            List<AccessRecord> records = new ArrayList<>();
            for (int r = 0; r < s % 7; r++) {
                AccessRecord record = request().durationMillis(5 + (s * 37 + r * 11) % 900)
                        .firstTokenMillis(1 + s % 50).tokens(s % 13, r)
                        .status(s % 11 == 0 ? 500 : 200, "via_upstream").build();
                records.add(record);
                if (s >= 60 && s < 120) {
                    reference.accept(record);
                }
            }
            second(records);
        }

        List<SeriesPoint> minutes = all(Resolution.MINUTE);
        assertThat(minutes).extracting(SeriesPoint::start)
                .containsExactly(NOON, NOON.plusSeconds(60), NOON.plusSeconds(120));
        for (SeriesPoint minute : minutes) {
            List<SeriesPoint> seconds = telemetry.series(Resolution.SECOND, minute.start(),
                    minute.start().plusSeconds(60), SeriesFilter.all());
            assertThat(minute.requests()).isEqualTo(seconds.stream().mapToLong(SeriesPoint::requests).sum());
            assertThat(minute.errors()).isEqualTo(seconds.stream().mapToLong(SeriesPoint::errors).sum());
            assertThat(minute.inputTokens()).isEqualTo(seconds.stream().mapToLong(SeriesPoint::inputTokens).sum());
            assertThat(minute.outputTokens()).isEqualTo(seconds.stream().mapToLong(SeriesPoint::outputTokens).sum());
        }
        // Percentiles are not sums: the minute's are those of all its requests together.
        SeriesPoint second = minutes.get(1);
        KeyFigures together = reference.snapshot().total();
        assertThat(second.requests()).isEqualTo(together.requests());
        assertThat(second.latencyP50Nanos()).isEqualTo(together.latency().p50Nanos());
        assertThat(second.latencyP99Nanos()).isEqualTo(together.latency().p99Nanos());
        assertThat(second.firstTokenP99Nanos()).isEqualTo(together.firstToken().p99Nanos());
    }

    @Test
    void memoryStaysFixedWhateverTheTrafficAndTime() {
        second(List.of(request().build()));
        long slots = telemetry.seriesSlots();

        AccessRecord record = request().build();
        for (int s = 0; s < 26 * 3600; s++) {
            for (int r = 0; r < (s % 600 == 0 ? 1000 : 1); r++) {
                telemetry.accept(record);
            }
            clock.advance(Duration.ofSeconds(1));
            telemetry.sample();
        }

        assertThat(telemetry.seriesSlots()).isEqualTo(slots);
        List<SeriesPoint> seconds = all(Resolution.SECOND);
        assertThat(seconds).hasSize(Resolution.SECOND.points());
        assertThat(seconds.get(0).start()).isEqualTo(clock.instant().minusSeconds(900).truncatedTo(
                java.time.temporal.ChronoUnit.SECONDS));
        List<SeriesPoint> minutes = all(Resolution.MINUTE);
        assertThat(minutes).hasSize(Resolution.MINUTE.points());
        assertThat(minutes.get(minutes.size() - 1).start())
                .isEqualTo(clock.instant().minusSeconds(1).truncatedTo(java.time.temporal.ChronoUnit.MINUTES));
    }

    @Test
    void keysPastTheBoundOnSeriesAreReadTogetherAsOther() {
        Telemetry bounded = new Telemetry(clock, 100, 2);
        for (int i = 0; i < 5; i++) {
            bounded.accept(request().consumer("c" + i).build());
        }
        clock.advance(Duration.ofSeconds(1));
        bounded.sample();

        Instant to = clock.instant();
        long own = 0;
        for (int i = 0; i < 5; i++) {
            own += bounded.series(Resolution.SECOND, NOON, to, SeriesFilter.of(Dimension.CONSUMER, "c" + i)).size();
        }
        assertThat(own).isEqualTo(2);
        assertThat(bounded.series(Resolution.SECOND, NOON, to, SeriesFilter.of(Dimension.CONSUMER, SeriesFilter.OTHER)))
                .extracting(SeriesPoint::requests).containsExactly(3L);
        assertThat(bounded.snapshot().consumers()).as("the figures keep every key").hasSize(5);
    }

    @Test
    void aQueryReturnsOnlyPointsStartingInItsRange() {
        for (int s = 0; s < 10; s++) {
            second(List.of(request().build()));
        }

        assertThat(telemetry.series(Resolution.SECOND, NOON.plusSeconds(3), NOON.plusSeconds(6), SeriesFilter.all()))
                .extracting(SeriesPoint::start)
                .containsExactly(NOON.plusSeconds(3), NOON.plusSeconds(4), NOON.plusSeconds(5));
        assertThat(telemetry.series(Resolution.MINUTE, NOON.plusSeconds(1), NOON.plusSeconds(600), SeriesFilter.all()))
                .as("the minute starting before the range is not in it").isEmpty();
    }

    @Test
    void samplingOnAnExecutorFillsTheSeriesEverySecond() {
        Telemetry live = new Telemetry(Clock.systemUTC());
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        try {
            live.startSampling(executor);
            live.accept(request().build());
            Instant since = Instant.now().minusSeconds(5);

            await().atMost(Duration.ofSeconds(5)).until(() -> live.series(Resolution.SECOND, since,
                    Instant.now(), SeriesFilter.all()).stream().mapToLong(SeriesPoint::requests).sum() == 1);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void endpointsHaveNoSeriesAndAFilterSaysSo() {
        assertThatThrownBy(() -> SeriesFilter.of(Dimension.ENDPOINT, "10.0.0.1:8000"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("endpoint");
    }
}
