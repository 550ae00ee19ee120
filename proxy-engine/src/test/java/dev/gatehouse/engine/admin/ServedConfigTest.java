package dev.gatehouse.engine.admin;

import dev.gatehouse.engine.EngineOptions;
import dev.gatehouse.engine.GatewayEngine;
import dev.gatehouse.engine.config.ConfigCodec;
import dev.gatehouse.engine.config.ConfigException;
import dev.gatehouse.engine.config.ConfigLoader;
import dev.gatehouse.engine.config.ConfigStore;
import dev.gatehouse.engine.config.GatewayConfig;
import dev.gatehouse.engine.config.ListenerConfig;
import dev.gatehouse.engine.testing.Closer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

import static dev.gatehouse.engine.admin.AdminFixture.FIRST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Admin applies and edits of the served file go through one path and never undo each other. */
class ServedConfigTest {

    @TempDir
    Path dir;

    private final Closer closer = new Closer();
    private AdminFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new AdminFixture(dir, closer);
    }

    @AfterEach
    void stop() throws Exception {
        closer.close();
    }

    @Test
    void theFileAnAdminApplyWroteIsNotAppliedAgain() throws Exception {
        GatewayConfig next = AdminFixture.withPool(fixture.initial, "embeddings", FIRST);
        long version = fixture.served.apply(next, null);

        assertThat(fixture.served.reloadFile()).isEmpty();
        assertThat(fixture.engine.snapshot().version()).isEqualTo(version);
        assertThat(fixture.store.versions()).hasSize(1);
    }

    @Test
    void anEditOfTheFileIsAppliedAndRecordedAsAVersion() throws Exception {
        GatewayConfig edited = AdminFixture.withPool(fixture.initial, "embeddings", FIRST);
        Files.writeString(fixture.file, new ConfigCodec().write(edited));

        assertThat(fixture.served.reloadFile()).hasValue(2);
        assertThat(fixture.engine.config()).isEqualTo(edited);
        assertThat(fixture.store.current()).contains(edited);
        assertThat(fixture.store.versions()).hasSize(1);
    }

    @Test
    void anInvalidEditOfTheFileIsRefusedAndTheRunningConfigStays() throws Exception {
        Files.writeString(fixture.file, new ConfigCodec().write(AdminFixture.withTwoBrokenRoutes(fixture.initial)));

        ConfigException refused = catchThrowableOfType(ConfigException.class, fixture.served::reloadFile);

        assertThat(refused.errors()).hasSize(2);
        assertThat(fixture.engine.config()).isEqualTo(fixture.initial);
        assertThat(fixture.store.versions()).isEmpty();
    }

    @Test
    void commandLineOverridesApplyToAdminAppliesButTheFileKeepsWhatTheAdminSent() throws Exception {
        // As with --listen: the served config listens where the command line says, whatever the file says.
        List<ListenerConfig> forced = List.of(ListenerConfig.of("127.0.0.1", 0));
        UnaryOperator<GatewayConfig> overrides = c -> c.withListeners(forced);
        GatewayEngine engine = closer.add(GatewayEngine.start(fixture.initial, EngineOptions.defaults().withWorkerThreads(1)));
        Path file = dir.resolve("other.json");
        Files.writeString(file, new ConfigCodec().write(fixture.initial));
        ServedConfig served = ServedConfig.fromFile(engine, new ConfigStore(dir.resolve("other-store")), file, overrides);
        GatewayConfig sent = AdminFixture.withPool(fixture.initial, "embeddings", FIRST)
                .withListeners(List.of(ListenerConfig.of("127.0.0.1", 1)));

        served.apply(sent, null);

        assertThat(engine.config().listeners()).isEqualTo(forced);
        assertThat(ConfigLoader.load(file)).isEqualTo(sent);
        assertThat(served.reloadFile()).as("the file, overridden, is what runs").isEmpty();
    }

    @Test
    void anApplyBasedOnTheRunningVersionSucceedsAndOneBasedOnAnOlderVersionChangesNothing() throws Exception {
        GatewayConfig first = AdminFixture.withPool(fixture.initial, "a", FIRST);
        GatewayConfig second = AdminFixture.withPool(fixture.initial, "b", FIRST);
        assertThat(fixture.served.apply(first, 1L)).isEqualTo(2);

        ControlException conflict = catchThrowableOfType(ControlException.class, () -> fixture.served.apply(second, 1L));

        assertThat(conflict.kind()).isEqualTo(ControlException.Kind.CONFLICT);
        assertThat(fixture.engine.config()).isEqualTo(first);
        assertThat(ConfigLoader.load(fixture.file)).isEqualTo(first);
    }
}
