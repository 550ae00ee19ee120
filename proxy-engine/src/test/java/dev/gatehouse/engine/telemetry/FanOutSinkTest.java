package dev.gatehouse.engine.telemetry;

import dev.gatehouse.engine.accesslog.AccessRecord;
import dev.gatehouse.engine.accesslog.AccessRecordSink;
import dev.gatehouse.engine.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.gatehouse.engine.telemetry.TestRecords.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Telemetry and the access log store share the engine's one sink through {@link AccessRecordSink#both}. */
class FanOutSinkTest {

    @Test
    void bothSinksGetEveryRecordEvenWhenTheFirstFails() {
        Telemetry telemetry = new Telemetry(new MutableClock("2026-11-25T12:00:00Z"));
        List<AccessRecord> stored = new ArrayList<>();
        AccessRecordSink failing = record -> {
            throw new IllegalStateException("store is broken");
        };
        AccessRecord record = request().build();

        AccessRecordSink.both(telemetry, stored::add).accept(record);
        assertThatThrownBy(() -> AccessRecordSink.both(failing, telemetry).accept(record))
                .hasMessage("store is broken");

        assertThat(stored).containsExactly(record);
        assertThat(telemetry.snapshot().total().requests()).isEqualTo(2);
    }
}
