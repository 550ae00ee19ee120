package dev.gatehouse.engine.ai.auth;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CredentialExtractorTest {

    @ParameterizedTest(name = "authorization=[{0}] x-api-key=[{1}] api-key=[{2}] -> [{3}]")
    @CsvSource(nullValues = "-", value = {
            "Bearer gh-abc,   -,       -,       gh-abc",
            "bearer   gh-abc  , -,     -,       gh-abc",
            "BEARER gh-abc,   gh-x,    -,       gh-abc",
            "-,               gh-x,    -,       gh-x",
            "-,               -,       gh-az,   gh-az",
            "-,               gh-x,    gh-az,   gh-x",
            "Basic dXNlcjpwdw==, -,    -,       -",
            "Basic dXNlcjpwdw==, gh-x, -,       gh-x",
            "Bearer ,         -,       gh-az,   gh-az",
            "-,               '  ',    -,       -",
            "-,               -,       -,       -",
    })
    void findsTheKeyInTheHeadersClientsUse(String authorization, String xApiKey, String apiKey, String expected) {
        Map<String, String> headers = new HashMap<>();
        headers.put("authorization", authorization);
        headers.put("x-api-key", xApiKey);
        headers.put("api-key", apiKey);

        assertThat(CredentialExtractor.extract(headers::get).orElse(null)).isEqualTo(expected);
    }
}
