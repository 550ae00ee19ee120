package dev.gatehouse.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimulatorOptionsTest {

    @ParameterizedTest
    @CsvSource({"20, 50", "40, 25", "1000, 1"})
    void interChunkDelayIsTheInverseOfTokensPerSecond(double tokensPerSecond, long millis) {
        SimulatorOptions options = SimulatorOptions.builder().tokensPerSecond(tokensPerSecond).build();

        assertThat(options.interChunkDelay()).isEqualTo(Duration.ofMillis(millis));
    }

    @Test
    void rejectsRatesOutsideZeroToOneAndEmptyModelList() {
        assertThatThrownBy(() -> SimulatorOptions.builder().errorRate(1.5).build()).hasMessageContaining("errorRate");
        assertThatThrownBy(() -> SimulatorOptions.builder().hangRate(-0.1).build()).hasMessageContaining("hangRate");
        assertThatThrownBy(() -> SimulatorOptions.builder().models(List.of()).build()).hasMessageContaining("models");
        assertThatThrownBy(() -> SimulatorOptions.builder().tokensPerSecond(0).build())
                .hasMessageContaining("tokensPerSecond");
    }

    @Test
    void toBuilderKeepsEveryOption() {
        SimulatorOptions options = SimulatorOptions.builder().models("a", "b").seed(9).gpuCount(8).maxNumSeqs(3)
                .errorRate(0.1).hangRate(0.2).hostname("h").build();

        assertThat(options.toBuilder().build()).isEqualTo(options);
    }

    @Test
    void generatedTextIsDeterministicAndHasOneWordPerToken() {
        List<String> tokens = TextGenerator.tokens(123, 50);

        assertThat(tokens).hasSize(50).isEqualTo(TextGenerator.tokens(123, 50));
        assertThat(String.join("", tokens).split(" ")).hasSize(50);
        assertThat(tokens.get(0)).matches("[A-Z].*");
        assertThat(tokens.get(49)).endsWith(".");
        assertThat(TextGenerator.defaultLength(123)).isBetween(20, 120).isEqualTo(TextGenerator.defaultLength(123));
    }
}
