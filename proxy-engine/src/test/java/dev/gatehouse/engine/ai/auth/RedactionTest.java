package dev.gatehouse.engine.ai.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.security.SecureRandom;

import static org.assertj.core.api.Assertions.assertThat;

class RedactionTest {

    @Test
    void showsThePrefixAndLastFourOnly() {
        String key = ApiKeys.generate(new SecureRandom());

        String redacted = Redaction.redactKey(key);

        assertThat(redacted).isEqualTo("gh-…" + key.substring(key.length() - 4));
        assertThat(redacted.length()).isEqualTo(8);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "sk-proj-1234567890abcdef, …cdef",
            "gh-short,                 gh-…",
            "secret,                   …",
            "-,                        (none)",
    })
    void neverRevealsMuchOfOtherOrShortKeys(String key, String expected) {
        assertThat(Redaction.redactKey(key)).isEqualTo(expected);
    }
}
