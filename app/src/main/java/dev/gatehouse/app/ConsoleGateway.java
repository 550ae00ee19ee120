package dev.gatehouse.app;

import dev.gatehouse.engine.EngineOptions;
import dev.gatehouse.engine.GatewayEngine;
import dev.gatehouse.engine.admin.GatewayControl;
import dev.gatehouse.engine.admin.ServedConfig;
import dev.gatehouse.engine.config.ConfigException;
import dev.gatehouse.engine.config.ConfigStore;
import dev.gatehouse.engine.config.GatewayConfig;
import dev.gatehouse.engine.config.ListenerConfig;
import dev.gatehouse.engine.sim.DemoEnvironment;
import dev.gatehouse.engine.sim.DemoTraffic;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The engine the console embeds, started through {@link LocalGateway}. First run (no config in
 * the config directory): the demo environment with its traffic, its history and records kept
 * apart as {@code serve --demo} keeps them, since its simulators' ports change on every start;
 * {@link #useEmptyConfig} leaves it for an empty config in the config directory. Later runs: the
 * last config of the config directory. {@link #servingFile} serves a config file instead (one the
 * user opened, such as a {@code .gatehouse} file from the file manager).
 */
final class ConsoleGateway implements AutoCloseable {


    private final GatehouseHome home;
    private final EngineOptions options;
    private final PrintStream err;
    private final SwitchableGatewayControl control;
    private volatile LocalGateway gateway;
    private volatile DemoEnvironment demo;
    private volatile DemoTraffic traffic;
    private final ConfigReloader reloader;
    private boolean closed;

    private ConsoleGateway(GatehouseHome home, EngineOptions options, PrintStream err, LocalGateway gateway,
                           DemoEnvironment demo, DemoTraffic traffic, ConfigReloader reloader) {
        this.home = home;
        this.reloader = reloader;
        this.options = options;
        this.err = err;
        this.gateway = gateway;
        this.demo = demo;
        this.traffic = traffic;
        this.control = new SwitchableGatewayControl(gateway.control());
    }

    /** Starts the engine; {@code listen} overrides the config's listeners when not null. */
    static ConsoleGateway start(GatehouseHome home, HostPort listen, EngineOptions options, PrintStream err)
            throws ConfigException, IOException, InterruptedException {
        ConfigStore configStore = new ConfigStore(home.config());
        Optional<GatewayConfig> saved = configStore.current();
        if (saved.isPresent()) {
            return new ConsoleGateway(home, options, err, startOwn(home, LocalGateway.withListen(saved.get(), listen), options, err),
                    null, null, null);
        }
        HostPort at = listen != null ? listen : new HostPort(ListenerConfig.DEFAULT_HOST, ListenerConfig.DEFAULT_PORT);
        DemoEnvironment demo = DemoEnvironment.start(at.host(), at.port());
        LocalGateway gateway = null;
        try {
            gateway = LocalGateway.startDemo(demo, home, options,
                    home.data().resolve("demo").resolve(ServeCommand.ACCESS_LOG), err);
            InetSocketAddress address = gateway.engine().addresses().get(0);
            DemoTraffic traffic = DemoTraffic.start(URI.create("http://" + hostText(address) + ":" + address.getPort()));
            return new ConsoleGateway(home, options, err, gateway, demo, traffic, null);
        } catch (ConfigException | IOException | InterruptedException | RuntimeException e) {
            if (gateway != null) {
                gateway.close();
            }
            demo.close();
            throw e;
        }
    }

    /**
     * Serves {@code file} as {@code serve --config} does: edits of the file are applied live (or
     * refused on {@code err}), and what the console applies is written back to it.
     */
    static ConsoleGateway servingFile(GatehouseHome home, Path file, HostPort listen, EngineOptions options,
                                      PrintStream out, PrintStream err)
            throws ConfigException, IOException, InterruptedException {
        LocalGateway gateway = LocalGateway.servingFile(file, listen, home, options,
                home.data().resolve(ServeCommand.ACCESS_LOG), err);
        try {
            gateway.startDiscovery(CloudVault.credentials(home, false, err));
            return new ConsoleGateway(home, options, err, gateway, null, null,
                    ConfigReloader.watch(file, gateway.served(), out, err));
        } catch (RuntimeException e) {
            gateway.close();
            throw e;
        }
    }

    private static LocalGateway startOwn(GatehouseHome home, GatewayConfig config, EngineOptions options, PrintStream err)
            throws ConfigException, IOException, InterruptedException {
        LocalGateway gateway = LocalGateway.start(config, options, home.data().resolve(ServeCommand.ACCESS_LOG),
                engine -> ServedConfig.inStore(engine, new ConfigStore(home.config())), err);
        gateway.startDiscovery(CloudVault.credentials(home, false, err));
        return gateway;
    }

    /** The control the console keeps for the whole run, whichever engine serves. */
    GatewayControl control() {
        return control.control();
    }

    GatewayEngine engine() {
        return gateway.engine();
    }

    boolean servesDemo() {
        return demo != null;
    }

    /**
     * Replaces the demo with an empty config on the same listeners: saved in the config directory,
     * served by an engine that records into the real access log (as on every later start), and the
     * demo's traffic, engine and backends stopped. The listener is closed and bound again, which
     * only the demo's own traffic notices.
     */
    synchronized void useEmptyConfig() throws ConfigException, IOException, InterruptedException {
        if (demo == null) {
            return;
        }
        traffic.close();
        GatewayConfig empty = new GatewayConfig(gateway.engine().config().listeners(), List.of(), List.of(), null);
        new ConfigStore(home.config()).save(empty);
        gateway.close();
        demo.close();
        demo = null;
        traffic = null;
        gateway = startOwn(home, empty, options, err);
        control.switchTo(gateway.control());
    }

    /** Drains the engine (in-flight requests finish), then stops the demo if it runs. Once; later calls do nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (reloader != null) {
            reloader.close();
        }
        if (traffic != null) {
            traffic.close();
        }
        gateway.close();
        if (demo != null) {
            demo.close();
        }
    }

    static String hostText(InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        return host.contains(":") ? "[" + host + "]" : host;
    }
}
