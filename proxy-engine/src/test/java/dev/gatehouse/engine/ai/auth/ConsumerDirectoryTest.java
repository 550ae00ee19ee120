package dev.gatehouse.engine.ai.auth;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConsumerDirectoryTest {

    private final SecureRandom random = new SecureRandom();
    private final String aliceKey = ApiKeys.generate(random);
    private final String aliceRotatedKey = ApiKeys.generate(random);
    private final String bobKey = ApiKeys.generate(random);
    private final Consumer alice = consumer("alice", aliceKey, aliceRotatedKey);
    private final Consumer bob = consumer("bob", bobKey);

    @Test
    void findsTheConsumerOfEachOfTheirKeys() {
        ConsumerDirectory directory = ConsumerDirectory.of(List.of(alice, bob));

        assertThat(directory.authenticate(aliceKey)).contains(alice);
        assertThat(directory.authenticate(aliceRotatedKey)).contains(alice);
        assertThat(directory.authenticate(bobKey)).contains(bob);
        assertThat(directory.byName("bob")).contains(bob);
    }

    @Test
    void unknownOrMissingKeysFindNobodyAndAreNotRemembered() {
        ConsumerDirectory directory = ConsumerDirectory.of(List.of(alice, bob));

        for (int i = 0; i < 1000; i++) {
            assertThat(directory.authenticate(ApiKeys.generate(random))).isEmpty();
        }
        assertThat(directory.authenticate(null)).isEmpty();
        assertThat(directory.authenticate("")).isEmpty();

        assertThat(directory.cachedKeys()).isZero();
    }

    @Test
    void rememberedMatchesStayWithinTheCacheSize() {
        String carolKey = ApiKeys.generate(random);
        ConsumerDirectory directory = ConsumerDirectory.of(List.of(alice, bob, consumer("carol", carolKey)), 2);

        for (int round = 0; round < 3; round++) {
            assertThat(directory.authenticate(aliceKey)).contains(alice);
            assertThat(directory.authenticate(bobKey)).contains(bob);
            assertThat(directory.authenticate(carolKey).map(Consumer::name)).contains("carol");
        }

        assertThat(directory.cachedKeys()).isEqualTo(2);
    }

    @Test
    void aKeyRemovedFromTheConfigStopsWorkingWithTheNextDirectory() {
        ConsumerDirectory before = ConsumerDirectory.of(List.of(alice, bob));
        assertThat(before.authenticate(aliceKey)).contains(alice); // now cached

        Consumer aliceRevoked = new Consumer("alice", List.of(alice.keys().get(1)), Set.of(), null);
        ConsumerDirectory after = ConsumerDirectory.of(List.of(aliceRevoked, bob));

        assertThat(after.authenticate(aliceKey)).isEmpty();
        assertThat(after.authenticate(aliceRotatedKey)).contains(aliceRevoked);
    }

    @Test
    void rejectsTwoConsumersOfTheSameName() {
        assertThatThrownBy(() -> ConsumerDirectory.of(List.of(alice, consumer("alice", bobKey))))
                .hasMessageContaining("duplicate consumer name \"alice\"");
    }

    @Test
    void anEmptyAllowListAllowsEveryModel() {
        Consumer restricted = new Consumer("r", List.of(), Set.of("qwen-72b"), ConsumerLimits.unlimited());

        assertThat(alice.allowsModel("anything")).isTrue();
        assertThat(restricted.allowsModel("qwen-72b")).isTrue();
        assertThat(restricted.allowsModel("gpt-4o")).isFalse();
        assertThat(restricted.allowsModel(null)).isFalse();
    }

    private Consumer consumer(String name, String... keys) {
        List<ApiKeyHash> hashes = Arrays.stream(keys).map(k -> ApiKeyHash.of(k, random)).toList();
        return new Consumer(name, hashes, Set.of(), ConsumerLimits.unlimited());
    }
}
