package dev.gatehouse.app;

import dev.gatehouse.engine.EngineOptions;
import dev.gatehouse.engine.GatewayEngine;
import dev.gatehouse.engine.admin.EmbeddedGatewayControl;
import dev.gatehouse.engine.admin.ServedConfig;
import dev.gatehouse.engine.config.ConfigException;
import dev.gatehouse.engine.config.ConfigStore;
import dev.gatehouse.engine.config.GatewayConfig;
import dev.gatehouse.engine.config.ListenerConfig;
import dev.gatehouse.engine.sim.DemoEnvironment;
import dev.gatehouse.engine.sim.DemoTraffic;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The engine the console embeds. First run (no config in the config directory): the demo
 * environment with its traffic, its history kept apart in the state directory because its
 * simulators' ports change on every start; {@link #useEmptyConfig} leaves it for an empty config
 * saved in the config directory. Later runs: the last config of the config directory.
 */
final class ConsoleGateway implements AutoCloseable {

    static final String DEMO_HISTORY = "demo-config";

    private final GatewayEngine engine;
    private final ConfigStore configStore;
    private final SwitchableGatewayControl control;
    private volatile DemoEnvironment demo;
    private volatile DemoTraffic traffic;

    private ConsoleGateway(GatewayEngine engine, ConfigStore configStore, SwitchableGatewayControl control,
                           DemoEnvironment demo, DemoTraffic traffic) {
        this.engine = engine;
        this.configStore = configStore;
        this.control = control;
        this.demo = demo;
        this.traffic = traffic;
    }

    /** Starts the engine; {@code listen} overrides the config's listeners when not null. */
    static ConsoleGateway start(GatehouseHome home, HostPort listen, EngineOptions options)
            throws ConfigException, IOException, InterruptedException {
        ConfigStore configStore = new ConfigStore(home.config());
        Optional<GatewayConfig> saved = configStore.current();
        if (saved.isPresent()) {
            GatewayConfig config = listen == null ? saved.get()
                    : saved.get().withListeners(List.of(ListenerConfig.of(listen.host(), listen.port())));
            GatewayEngine engine = GatewayEngine.start(config, options);
            ServedConfig served = ServedConfig.inStore(engine, configStore);
            return new ConsoleGateway(engine, configStore,
                    new SwitchableGatewayControl(new EmbeddedGatewayControl(served)), null, null);
        }
        HostPort at = listen != null ? listen : new HostPort(ListenerConfig.DEFAULT_HOST, ListenerConfig.DEFAULT_PORT);
        DemoEnvironment demo = DemoEnvironment.start(at.host(), at.port());
        GatewayEngine engine = null;
        try {
            engine = GatewayEngine.start(demo.config(), options);
            ServedConfig served = ServedConfig.inStore(engine, new ConfigStore(home.state().resolve(DEMO_HISTORY)));
            served.recordRunning();
            InetSocketAddress address = engine.addresses().get(0);
            DemoTraffic traffic = DemoTraffic.start(URI.create("http://" + hostText(address) + ":" + address.getPort()));
            return new ConsoleGateway(engine, configStore,
                    new SwitchableGatewayControl(new EmbeddedGatewayControl(served)), demo, traffic);
        } catch (ConfigException | IOException | InterruptedException | RuntimeException e) {
            if (engine != null) {
                engine.close();
            }
            demo.close();
            throw e;
        }
    }

    SwitchableGatewayControl control() {
        return control;
    }

    GatewayEngine engine() {
        return engine;
    }

    boolean servesDemo() {
        return demo != null;
    }

    /**
     * Replaces the demo with an empty config on the same listeners, saved in the config
     * directory (so later starts reopen it), and stops the demo's traffic and backends.
     */
    synchronized void useEmptyConfig() throws ConfigException, IOException, InterruptedException {
        if (demo == null) {
            return;
        }
        traffic.close();
        ServedConfig own = ServedConfig.inStore(engine, configStore);
        own.apply(new GatewayConfig(engine.config().listeners(), List.of(), List.of(), null), null);
        control.switchTo(new EmbeddedGatewayControl(own));
        demo.close();
        demo = null;
        traffic = null;
    }

    /** Drains the engine (in-flight requests finish), then stops the demo if it runs. */
    @Override
    public synchronized void close() {
        if (traffic != null) {
            traffic.close();
        }
        engine.shutdown().join();
        if (demo != null) {
            demo.close();
        }
    }

    static String hostText(InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        return host.contains(":") ? "[" + host + "]" : host;
    }
}
