package dev.gatehouse.engine.ai.auth;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeysTest {

    @Test
    void keysArePrefixedBase64UrlOf256Bits() {
        SecureRandom random = new SecureRandom();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            keys.add(ApiKeys.generate(random));
        }

        assertThat(keys).hasSize(100).allMatch(key -> key.matches("gh-[A-Za-z0-9_-]{43}"));
    }
}
