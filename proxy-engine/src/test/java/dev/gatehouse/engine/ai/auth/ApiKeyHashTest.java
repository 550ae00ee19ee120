package dev.gatehouse.engine.ai.auth;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiKeyHashTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void matchesOnlyTheKeyItWasMadeFrom() {
        String key = ApiKeys.generate(random);
        ApiKeyHash hash = ApiKeyHash.of(key, random);

        assertThat(hash.matches(key)).isTrue();
        assertThat(hash.matches(key + "x")).isFalse();
        assertThat(hash.matches(ApiKeys.generate(random))).isFalse();
        assertThat(hash.matches(null)).isFalse();
    }

    @Test
    void sameKeyGetsDifferentSaltAndHashEachTime() {
        String key = ApiKeys.generate(random);
        ApiKeyHash first = ApiKeyHash.of(key, random);
        ApiKeyHash second = ApiKeyHash.of(key, random);

        assertThat(first.salt()).isNotEqualTo(second.salt());
        assertThat(first.hash()).isNotEqualTo(second.hash());
        assertThat(second.matches(key)).isTrue();
    }

    @Test
    void storedFormSurvivesARoundTripThroughItsFields() {
        String key = ApiKeys.generate(random);
        ApiKeyHash stored = ApiKeyHash.of(key, random);

        ApiKeyHash reloaded = new ApiKeyHash("sha256", stored.salt().toUpperCase(), stored.hash());

        assertThat(reloaded.matches(key)).isTrue();
        assertThat(stored.algorithm()).isEqualTo("sha256");
        assertThat(stored.hash()).hasSize(64);
    }

    @Test
    void rejectsOtherAlgorithmsAndMalformedHex() {
        String hash = "ab".repeat(32);
        assertThatThrownBy(() -> new ApiKeyHash("md5", "00ff", hash)).hasMessageContaining("sha256");
        assertThatThrownBy(() -> new ApiKeyHash("sha256", "zz", hash)).hasMessageContaining("salt");
        assertThatThrownBy(() -> new ApiKeyHash("sha256", "00ff", "abc")).hasMessageContaining("hash");
    }

    @Test
    void printsNeitherSaltNorFullHash() {
        ApiKeyHash hash = ApiKeyHash.of(ApiKeys.generate(random), random);

        assertThat(hash.toString()).doesNotContain(hash.salt()).doesNotContain(hash.hash());
    }
}
