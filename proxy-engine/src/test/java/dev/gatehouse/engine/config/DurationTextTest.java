package dev.gatehouse.engine.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationTextTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(textBlock = """
            10s,   PT10S
            250ms, PT0.25S
            5m,    PT5M
            1h,    PT1H
            40s,   PT40S
            2d,    PT48H
            0s,    PT0S
            1500us, PT0.0015S
            7ns,   PT0.000000007S
            -1s,   PT-1S
            """)
    void readsAndWritesBackTheSameText(String text, Duration duration) {
        assertThat(DurationText.parse(text)).contains(duration);
        assertThat(DurationText.format(duration)).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0} is written {1}")
    @CsvSource(textBlock = """
            60s,    1m
            90s,    90s
            1000ms, 1s
            120m,   2h
            24h,    1d
            0ms,    0s
            1500ms, 1500ms
            """)
    void writesTheLargestExactUnit(String text, String written) {
        assertThat(DurationText.format(DurationText.parse(text).orElseThrow())).isEqualTo(written);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"10", "s", "1.5s", "10 s", " 10s", "10S", "10sec", "1h30m", "PT10S", "+5s",
            "99999999999999999999s", "9223372036854775807d"})
    void rejectsAnythingElse(String text) {
        assertThat(DurationText.parse(text)).isEmpty();
    }
}
