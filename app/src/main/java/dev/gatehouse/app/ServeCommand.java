package dev.gatehouse.app;

import dev.gatehouse.engine.EngineOptions;
import dev.gatehouse.engine.GatewayEngine;
import dev.gatehouse.engine.admin.rest.AdminServer;
import dev.gatehouse.engine.config.ConfigError;
import dev.gatehouse.engine.config.ConfigException;
import dev.gatehouse.engine.config.ListenerConfig;
import dev.gatehouse.engine.sim.DemoEnvironment;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Set;

/** {@code gatehouse serve}: the gateway headless, from a config file or with the demo environment. */
final class ServeCommand {

    /** Returned by {@link #run} when the gateway is up and the JVM must stay alive. */
    static final int KEEP_RUNNING = Integer.MIN_VALUE;

    /** The access log's file name in the data directory. */
    static final String ACCESS_LOG = "access-log.db";

    static final String USAGE = """
            Usage: gatehouse serve --config FILE [--listen HOST:PORT] [--admin-listen HOST:PORT] [--home DIR]
                                   [--no-access-log]
                   gatehouse serve --demo [--listen HOST:PORT] [--admin-listen HOST:PORT] [--home DIR]
                                   [--no-access-log]

            Runs the gateway without the console.
              --config FILE       serve this config; edits to the file are applied live when valid,
                                  and refused (with every error listed) while the old one keeps serving
              --demo              start simulated LLM backends and serve a demo config for them
              --listen HOST:PORT  listen here instead of the config's listeners (default 127.0.0.1:8080)
              --admin-listen HOST:PORT
                                  serve the admin API (and /metrics) here (default 127.0.0.1:9901); it
                                  needs the bearer token in admin.token in the config directory
              --home DIR          keep Gatehouse's files under DIR instead of the per-user directories
              --no-access-log     keep no per-request records (metrics are still kept in memory); by
                                  default every request is recorded in access-log.db in the data directory
              -h, --help          show this help
            Stops gracefully on Ctrl+C or SIGTERM: in-flight requests finish first.
            """;

    static final Set<String> VALUE_OPTIONS = Set.of("--config", "--listen", "--admin-listen", "--home");
    static final Set<String> FLAGS = Set.of("--demo", "--no-access-log", "--help", "-h");

    private final PrintStream out;
    private final PrintStream err;

    ServeCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        CommandLine line;
        try {
            line = CommandLine.parse(args, VALUE_OPTIONS, FLAGS);
            if (line.has("--help") || line.has("-h")) {
                out.print(USAGE);
                return 0;
            }
            if (line.has("--demo") == (line.value("--config") != null) || !line.positional().isEmpty()) {
                throw new IllegalArgumentException("give either --config FILE or --demo");
            }
        } catch (IllegalArgumentException e) {
            err.println("gatehouse serve: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        try {
            RunningGateway gateway = start(line);
            Runtime.getRuntime().addShutdownHook(new Thread(gateway::stop, "gatehouse-shutdown"));
            return KEEP_RUNNING;
        } catch (IllegalArgumentException e) {
            err.println("gatehouse serve: " + e.getMessage());
            return 2;
        } catch (ConfigException e) {
            err.println("gatehouse serve: " + e.source().orElse("config") + " is not valid:");
            for (ConfigError error : e.errors()) {
                err.println("  " + error);
            }
            return 1;
        } catch (IOException e) {
            err.println("gatehouse serve: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (RuntimeException e) {
            err.println("gatehouse serve: could not start: " + e);
            return 1;
        }
    }

    RunningGateway start(CommandLine line) throws ConfigException, IOException, InterruptedException {
        HostPort listen = line.value("--listen") == null ? null : HostPort.parse(line.value("--listen"));
        HostPort adminListen = line.value("--admin-listen") == null
                ? new HostPort(AdminServer.DEFAULT_HOST, AdminServer.DEFAULT_PORT) : HostPort.parse(line.value("--admin-listen"));
        GatehouseHome home = line.value("--home") == null
                ? GatehouseHome.platformDefault() : GatehouseHome.under(Path.of(line.value("--home")));
        if (line.has("--demo")) {
            HostPort at = listen != null ? listen : new HostPort(ListenerConfig.DEFAULT_HOST, ListenerConfig.DEFAULT_PORT);
            DemoEnvironment demo = DemoEnvironment.start(at.host(), at.port());
            LocalGateway gateway = null;
            try {
                // The demo's records are its own: its simulators' ports change on every start.
                Path accessLog = line.has("--no-access-log") ? null : home.data().resolve("demo").resolve(ACCESS_LOG);
                gateway = LocalGateway.startDemo(demo, home, engineOptions(), accessLog, err);
                printReady(gateway, accessLog);
                AdminServer admin = startAdmin(gateway, adminListen, home);
                printDemoHelp(gateway.engine(), demo);
                return new RunningGateway(gateway, demo, null, admin, out);
            } catch (ConfigException | IOException | InterruptedException | RuntimeException e) {
                if (gateway != null) {
                    gateway.close();
                }
                demo.close();
                throw e;
            }
        }
        Path file = Path.of(line.value("--config"));
        Path accessLog = line.has("--no-access-log") ? null : home.data().resolve(ACCESS_LOG);
        LocalGateway gateway = LocalGateway.servingFile(file, listen, home, engineOptions(), accessLog, err);
        gateway.startDiscovery(CloudVault.credentials(home, false, err));
        printReady(gateway, accessLog);
        ConfigReloader reloader = null;
        try {
            reloader = ConfigReloader.watch(file, gateway.served(), out, err);
            AdminServer admin = startAdmin(gateway, adminListen, home);
            return new RunningGateway(gateway, null, reloader, admin, out);
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (reloader != null) {
                reloader.close();
            }
            gateway.close();
            throw e;
        }
    }

    private AdminServer startAdmin(LocalGateway gateway, HostPort at, GatehouseHome home)
            throws IOException, InterruptedException {
        String token = AdminToken.loadOrCreate(home.config());
        AdminServer admin;
        try {
            admin = AdminServer.builder(gateway.control(), token).metrics(gateway.exposition())
                    .listen(at.host(), at.port()).start();
        } catch (Exception e) {
            if (e instanceof java.net.BindException) { // rethrown undeclared by Netty
                throw new IOException("cannot listen for the admin API on " + at.host() + ":" + at.port() + " ("
                        + e.getMessage() + "); choose another address with --admin-listen HOST:PORT", e);
            }
            throw e;
        }
        out.println("Gatehouse admin API on http://" + ConsoleGateway.hostText(admin.address()) + ":" + admin.address().getPort()
                + "/admin/ (bearer token in " + home.config().resolve(AdminToken.FILE) + ")");
        return admin;
    }

    private EngineOptions engineOptions() {
        return EngineOptions.defaults().withHealthListener(new HealthLog(out));
    }

    private void printReady(LocalGateway gateway, Path accessLog) {
        for (InetSocketAddress address : gateway.engine().addresses()) {
            out.println("Gatehouse gateway listening on http://" + ConsoleGateway.hostText(address) + ":" + address.getPort());
        }
        out.println("Sockets: " + gateway.engine().transportName());
        out.println(accessLog != null ? "Access log: " + accessLog : "Access log: off (--no-access-log)");
    }

    private void printDemoHelp(GatewayEngine engine, DemoEnvironment demo) {
        InetSocketAddress address = engine.addresses().get(0);
        String base = "http://" + ConsoleGateway.hostText(address) + ":" + address.getPort();
        out.println("Demo environment: " + demo.simulators().size() + " simulated LLM backends in pools "
                + String.join(", ", demo.config().pools().stream().map(p -> p.name()).toList()));
        out.println("Try a streamed chat completion:");
        out.println("  curl -N " + base + "/v1/chat/completions -H 'Content-Type: application/json' \\");
        out.println("    -d '{\"model\":\"" + DemoEnvironment.QWEN
                + "\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}'");
        out.println("Press Ctrl+C to stop.");
    }
}
