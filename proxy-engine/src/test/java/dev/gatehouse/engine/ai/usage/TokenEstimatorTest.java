package dev.gatehouse.engine.ai.usage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenEstimatorTest {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', emptyValue = "", value = {
            "''            | 0",
            "a             | 1",
            "abcd          | 1",
            "abcde         | 2",   // four characters a token, rounded up
            "éééé          | 1",   // by character, not by UTF-8 byte
            "😀😀😀😀      | 1",   // by code point, not by UTF-16 unit
            "你好          | 2",   // one token per CJK character
            "こんにちは    | 5",
            "안녕          | 2",
            "。，          | 2",   // CJK and fullwidth punctuation
            "你好, abcd    | 4",   // 2 CJK + ceil(6 / 4)
    })
    void estimatesByTheDocumentedRule(String text, long tokens) {
        assertThat(TokenEstimator.estimate(text.strip())).isEqualTo(tokens);
    }

    @Test
    void piecesAddUpToTheEstimateOfTheWholeNotTheSumOfTheirEstimates() {
        TokenEstimator estimator = new TokenEstimator().add("ab").add("cd").add("e").add("你");

        assertThat(estimator.tokens()).isEqualTo(TokenEstimator.estimate("abcde你")).isEqualTo(3);
    }

    @Test
    void nullCountsNothing() {
        assertThat(TokenEstimator.estimate(null)).isZero();
    }
}
