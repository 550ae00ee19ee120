package dev.gatehouse.engine.ai;

import dev.gatehouse.engine.ai.provider.ProviderAdapter;
import dev.gatehouse.engine.ai.provider.ProviderKind;
import dev.gatehouse.engine.ai.provider.ProviderSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AttemptPlanTest {

    private static AiTarget target(String pool) {
        return new AiTarget(pool, ProviderAdapter.of(ProviderKind.OPENAI), ProviderSettings.builder(ProviderKind.OPENAI).build());
    }

    private static final List<AiTarget> CHAIN = List.of(target("primary"), target("spare"), target("last"));

    @Test
    void retriesEachPoolWithBackoffAndMovesAlongTheChainAtOnce() {
        AttemptPlan plan = new AttemptPlan(CHAIN, 1, Duration.ofMillis(200), Duration.ofMinutes(1));

        assertThat(plan.current().pool()).isEqualTo("primary");
        assertThat(plan.fallingBack()).isFalse();
        assertThat(plan.advance(-1)).as("a retry of the same pool waits").isEqualTo(200);
        assertThat(plan.current().pool()).isEqualTo("primary");
        assertThat(plan.advance(-1)).as("another pool is tried at once").isZero();
        assertThat(plan.current().pool()).isEqualTo("spare");
        assertThat(plan.fallingBack()).isTrue();
        assertThat(plan.primaryPool()).isEqualTo("primary");
        assertThat(plan.advance(-1)).isEqualTo(200);
        assertThat(plan.advance(-1)).isZero();
        assertThat(plan.current().pool()).isEqualTo("last");
        assertThat(plan.advance(-1)).isEqualTo(200);
        assertThat(plan.hasNext()).isFalse();
        assertThat(plan.advance(-1)).isEqualTo(-1);
    }

    @Test
    void anUpstreamsLongerRetryAfterWinsOverTheBackoffUpToTheCap() {
        AttemptPlan plan = new AttemptPlan(List.of(target("only")), 3, Duration.ofMillis(200), Duration.ofSeconds(5));

        assertThat(plan.advance(1_500)).isEqualTo(1_500);
        assertThat(plan.advance(50)).isEqualTo(200);
        assertThat(plan.advance(60_000)).as("never longer than the request may take").isEqualTo(5_000);
        assertThat(plan.advance(-1)).isEqualTo(-1);
    }

    @Test
    void withoutRetriesOrFallbackThereIsNoSecondTry() {
        AttemptPlan plan = new AttemptPlan(List.of(target("only")), 0, Duration.ofMillis(200), Duration.ofMinutes(1));
        assertThat(plan.hasNext()).isFalse();
        assertThat(plan.fallingBack()).isFalse();
        assertThat(plan.advance(-1)).isEqualTo(-1);
    }
}
