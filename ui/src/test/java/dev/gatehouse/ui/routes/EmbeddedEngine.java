package dev.gatehouse.ui.routes;

import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.engine.EngineOptions;
import dev.gatehouse.engine.GatewayEngine;
import dev.gatehouse.engine.admin.EmbeddedGatewayControl;
import dev.gatehouse.engine.admin.ServedConfig;
import dev.gatehouse.engine.admin.TrafficRecords;
import dev.gatehouse.engine.config.ConfigStore;
import dev.gatehouse.engine.config.GatewayConfig;
import dev.gatehouse.engine.telemetry.Telemetry;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A real engine on 127.0.0.1 port 0 behind {@link EmbeddedGatewayControl}, as the console runs it,
 * and tiny origins that answer every request with their own name, to see where requests went.
 */
final class EmbeddedEngine implements AutoCloseable {

    final GatewayEngine engine;
    final EmbeddedGatewayControl control;

    EmbeddedEngine(GatewayConfig initial, Path dir, Clock clock) throws Exception {
        Telemetry telemetry = new Telemetry(clock);
        engine = GatewayEngine.start(initial, EngineOptions.defaults().withWorkerThreads(1)
                .withRecords(telemetry).withActivity(telemetry));
        ServedConfig served = ServedConfig.inStore(engine, new ConfigStore(dir.resolve("store")));
        served.recordRunning();
        control = new EmbeddedGatewayControl(served, TrafficRecords.withoutLog(telemetry), clock);
    }

    EmbeddedEngine(GatewayConfig initial, Path dir) throws Exception {
        this(initial, dir, Clock.systemUTC());
    }

    /** The body of {@code GET path} through the gateway. */
    String get(String path) throws IOException, InterruptedException {
        String address = control.status().listenAddresses().get(0);
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create("http://" + address + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() + " " + response.body();
        }
    }

    /** An origin on 127.0.0.1 port 0 answering 200 and {@code name} to everything. */
    static HttpServer origin(String name) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = name.getBytes(StandardCharsets.UTF_8);
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    @Override
    public void close() {
        engine.close();
    }
}
