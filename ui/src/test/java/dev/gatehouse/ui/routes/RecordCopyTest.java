package dev.gatehouse.ui.routes;

import dev.gatehouse.engine.config.FallbackConfig;
import dev.gatehouse.engine.config.HealthCheckConfig;
import dev.gatehouse.engine.config.OutlierConfig;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the property form makes of typed text: one field changed, the rest kept, bad text explained. */
class RecordCopyTest {

    @Test
    void changesOneFieldAndKeepsTheOthers() {
        HealthCheckConfig check = new HealthCheckConfig(true, "/ready", Duration.ofSeconds(5), null, 4, null);

        HealthCheckConfig changed = RecordCopy.with(check, "interval", RecordCopy.parse(Duration.class, "250ms"));

        assertThat(changed).isEqualTo(new HealthCheckConfig(true, "/ready", Duration.ofMillis(250), null, 4, null));
    }

    @Test
    void blankTextMeansTheDefault() {
        OutlierConfig outlier = RecordCopy.with(OutlierConfig.defaults(), "minRequests",
                RecordCopy.parse(Integer.class, "  "));

        assertThat(outlier.minRequests()).isEqualTo(OutlierConfig.defaults().minRequests());
    }

    @Test
    void textThatDoesNotFitSaysWhatWasExpected() {
        assertThatThrownBy(() -> RecordCopy.parse(Duration.class, "10 seconds"))
                .hasMessageStartingWith("expected a duration such as");
        assertThatThrownBy(() -> RecordCopy.parse(Integer.class, "three"))
                .hasMessage("expected a whole number, got \"three\"");
        assertThatThrownBy(() -> RecordCopy.parse(Double.class, "20%"))
                .hasMessage("expected a number, got \"20%\"");
    }

    @Test
    void durationsShowAsInConfigFiles() {
        assertThat(RecordCopy.format(Duration.ofMinutes(5))).isEqualTo("5m");
        assertThat(RecordCopy.format(null)).isEmpty();
    }

    @Test
    void fallbackChainsReadAndWriteAsPoolColonModel() {
        List<FallbackConfig> steps = PropertyForm.parseFallback("qwen-7b, llama:llama3-8b,");

        assertThat(steps).containsExactly(new FallbackConfig("qwen-7b", null), new FallbackConfig("llama", "llama3-8b"));
        assertThat(PropertyForm.fallbackText(steps)).isEqualTo("qwen-7b, llama:llama3-8b");
    }
}
