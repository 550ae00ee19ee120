package dev.gatehouse.engine.config;

import dev.gatehouse.engine.testing.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigStoreTest {

    private static final Instant START = Instant.parse("2025-03-01T10:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(START);

    private ConfigStore store(int keep) {
        return new ConfigStore(dir, clock, keep);
    }

    private static GatewayConfig listeningOn(int port) {
        return new GatewayConfig(List.of(new ListenerConfig("main", "127.0.0.1", port)), null, null, null);
    }

    @Test
    void hasNoConfigBeforeTheFirstSave() throws Exception {
        assertThat(store(20).current()).isEmpty();
        assertThat(store(20).versions()).isEmpty();
    }

    @Test
    void savedConfigReadsBackEqualInANewStore() throws Exception {
        GatewayConfig config = new ConfigCodec().parse(ConfigCodecTest.example());

        store(20).save(config);

        assertThat(new ConfigStore(dir).current()).contains(config);
        assertThat(Files.readString(dir.resolve("gateway.json"))).isEqualTo(new ConfigCodec().write(config));
    }

    @Test
    void refusesAnInvalidConfigAndLeavesTheFileUntouched() throws Exception {
        ConfigStore store = store(20);
        store.save(listeningOn(8080));
        byte[] before = Files.readAllBytes(dir.resolve("gateway.json"));

        assertThatThrownBy(() -> store.save(listeningOn(70000)))
                .isInstanceOf(ConfigException.class)
                .hasMessage("listeners[0].port: must be between 0 and 65535, got 70000");

        assertThat(Files.readAllBytes(dir.resolve("gateway.json"))).isEqualTo(before);
        assertThat(store.versions()).isEmpty();
        assertThat(store.current()).contains(listeningOn(8080));
    }

    @Test
    void keepsReplacedVersionsNewestFirstAndPrunesToTheLimit() throws Exception {
        ConfigStore store = store(3);
        for (int port = 8081; port <= 8085; port++) {
            store.save(listeningOn(port));
            clock.advance(Duration.ofMinutes(1));
        }

        // Five saves replace four configs; the oldest of those is pruned.
        assertThat(store.versions()).containsExactly(
                new ConfigVersion(4, START.plus(Duration.ofMinutes(4))),
                new ConfigVersion(3, START.plus(Duration.ofMinutes(3))),
                new ConfigVersion(2, START.plus(Duration.ofMinutes(2))));
        assertThat(store.load(store.versions().get(0))).isEqualTo(listeningOn(8084));
        assertThat(store.load(store.versions().get(2))).isEqualTo(listeningOn(8082));
        try (var files = Files.list(dir.resolve("history"))) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactly(
                    "gateway-000002-20250301T100200.000Z.json",
                    "gateway-000003-20250301T100300.000Z.json",
                    "gateway-000004-20250301T100400.000Z.json");
        }
    }

    @Test
    void rollbackRestoresAVersionAndKeepsTheReplacedOne() throws Exception {
        ConfigStore store = store(20);
        store.save(listeningOn(8081));
        store.save(listeningOn(8082));
        ConfigVersion first = store.versions().get(0);

        store.rollback(first);

        assertThat(store.current()).contains(listeningOn(8081));
        assertThat(store.versions()).extracting(ConfigVersion::seq).containsExactly(2L, 1L);
        assertThat(store.load(store.versions().get(0))).isEqualTo(listeningOn(8082));
    }

    @Test
    void loadingAPrunedVersionFailsNamingIt() throws Exception {
        ConfigStore store = store(1);
        store.save(listeningOn(8081));
        store.save(listeningOn(8082));
        ConfigVersion pruned = store.versions().get(0);
        store.save(listeningOn(8083));

        assertThatThrownBy(() -> store.load(pruned))
                .hasMessageContaining("gateway-000001-*.json")
                .hasMessageContaining("no such version (kept: the last 1)");
    }

    @Test
    void corruptCurrentFileIsAnErrorNamingTheFile() throws Exception {
        Path file = Files.writeString(dir.resolve("gateway.json"), "{\"listeners\": [{\"port\": 80}],");

        assertThatThrownBy(() -> store(20).current())
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ": line 1, column 30: Unexpected end-of-input within/between Object entries");
    }

    @Test
    void leftoverTempFileFromAnInterruptedWriteIsIgnoredAndCleanedOnTheNextSave() throws Exception {
        ConfigStore store = store(20);
        store.save(listeningOn(8081));
        Path leftover = Files.writeString(dir.resolve(".gateway-4711.json.tmp"), "{\"listeners\": [{\"po");
        Path historyLeftover = Files.writeString(dir.resolve("history/.gateway-4712.json.tmp"), "{");

        assertThat(store.current()).contains(listeningOn(8081));
        assertThat(store.versions()).isEmpty();

        store.save(listeningOn(8082));

        assertThat(leftover).doesNotExist();
        assertThat(historyLeftover).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("gateway.json", "history");
        }
    }

    /** A clock that moves only when the test says so. */
}
