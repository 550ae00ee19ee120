package dev.gatehouse.ui.logs;

import dev.gatehouse.engine.EngineOptions;
import dev.gatehouse.engine.GatewayEngine;
import dev.gatehouse.engine.accesslog.AccessRecord;
import dev.gatehouse.engine.accesslog.store.AccessLogStore;
import dev.gatehouse.engine.accesslog.store.StoreOptions;
import dev.gatehouse.engine.admin.EmbeddedGatewayControl;
import dev.gatehouse.engine.admin.ServedConfig;
import dev.gatehouse.engine.admin.TrafficRecords;
import dev.gatehouse.engine.config.ConfigStore;
import dev.gatehouse.engine.config.GatewayConfig;
import dev.gatehouse.engine.config.ListenerConfig;
import dev.gatehouse.engine.telemetry.Telemetry;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * A real engine with a real access log store (SQLite in a temporary directory) behind
 * {@link EmbeddedGatewayControl}, as the console runs it; records are written through the store's
 * own writer, and the database can be read back directly to check what the explorer shows.
 */
final class LogEngine implements AutoCloseable {

    final GatewayEngine engine;
    final AccessLogStore store;
    final TrafficRecords traffic;
    final EmbeddedGatewayControl control;
    final Path db;

    LogEngine(Path dir, Clock clock) throws Exception {
        db = dir.resolve("log.db");
        store = AccessLogStore.open(StoreOptions.defaults(db).withRetention(Duration.ofDays(36_500), 0));
        Telemetry telemetry = new Telemetry(clock);
        traffic = TrafficRecords.of(telemetry, store);
        engine = GatewayEngine.start(new GatewayConfig(List.of(ListenerConfig.of("127.0.0.1", 0)), List.of(), List.of(), null),
                EngineOptions.defaults().withWorkerThreads(1).withRecords(telemetry).withActivity(telemetry));
        ServedConfig served = ServedConfig.inStore(engine, new ConfigStore(dir.resolve("config")));
        control = new EmbeddedGatewayControl(served, traffic, clock);
    }

    /** Writes {@code records} through the store and returns once they are all committed. */
    void write(List<AccessRecord> records) {
        long before = store.stats().written();
        records.forEach(store::accept);
        await().atMost(Duration.ofSeconds(20)).until(() -> store.stats().written() == before + records.size());
    }

    /** The request ids of the rows {@code where} selects, newest first, read straight from the database. */
    List<String> requestIds(String where, Object... parameters) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT request_id FROM access_log WHERE " + where + " ORDER BY start_us DESC, id DESC")) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        }
    }

    @Override
    public void close() throws InterruptedException {
        engine.close();
        traffic.logQueries().close();
        store.close();
    }
}
