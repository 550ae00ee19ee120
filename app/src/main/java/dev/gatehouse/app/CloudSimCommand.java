package dev.gatehouse.app;

import dev.gatehouse.engine.sim.LlmBackendSimulator;
import dev.gatehouse.engine.sim.SimulatorOptions;
import dev.gatehouse.engine.sim.cloud.CloudSimOptions;
import dev.gatehouse.engine.sim.cloud.CloudSimulator;
import dev.gatehouse.engine.sim.cloud.DemoAccount;
import dev.gatehouse.engine.sim.cloud.SimHostEndpoint;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code gatehouse cloud-sim}: the Huawei Cloud simulator alone, with two simulated LLM backends as
 * its ModelArts service's host endpoints, for trying the wizard or the discovery without a cloud account.
 */
final class CloudSimCommand {

    static final String USAGE = """
            Usage: gatehouse cloud-sim [--listen HOST:PORT] [--region REGION]

            Runs a simulated Huawei Cloud (IAM, VPC, ECS, IMS, ModelArts) on one port, with two
            simulated LLM backends behind its ModelArts service's host endpoints, and prints the
            demo account to sign in with. Point the client at it with the printed URL.
              --listen HOST:PORT  listen here (default 127.0.0.1:9443)
              --region REGION     the region it answers for (default cn-north-4)
              -h, --help          show this help
            Stops on Ctrl+C.
            """;

    static final int DEFAULT_PORT = 9443;

    /** The simulator and its backends, stopped together. */
    record Running(CloudSimulator cloud, List<LlmBackendSimulator> backends) implements AutoCloseable {
        @Override
        public void close() {
            cloud.close();
            backends.forEach(LlmBackendSimulator::close);
        }
    }

    private final PrintStream out;
    private final PrintStream err;

    CloudSimCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        CommandLine line;
        try {
            line = CommandLine.parse(args, Set.of("--listen", "--region"), Set.of("--help", "-h"));
            if (line.has("--help") || line.has("-h")) {
                out.print(USAGE);
                return 0;
            }
            if (!line.positional().isEmpty()) {
                throw new IllegalArgumentException("unexpected argument \"" + line.positional().get(0) + "\"");
            }
        } catch (IllegalArgumentException e) {
            err.println("gatehouse cloud-sim: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        try {
            Running running = start(line);
            Runtime.getRuntime().addShutdownHook(new Thread(running::close, "gatehouse-cloud-sim-shutdown"));
            return ServeCommand.KEEP_RUNNING;
        } catch (IllegalArgumentException e) {
            err.println("gatehouse cloud-sim: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("gatehouse cloud-sim: could not start: " + e);
            return 1;
        }
    }

    Running start(CommandLine line) {
        HostPort listen = line.value("--listen") == null ? new HostPort("127.0.0.1", DEFAULT_PORT)
                : HostPort.parse(line.value("--listen"));
        CloudSimOptions defaults = CloudSimOptions.defaults();
        String region = line.value("--region") != null ? line.value("--region") : defaults.region();
        CloudSimOptions options = new CloudSimOptions(listen.host(), listen.port(), region, defaults.clock(),
                defaults.tokenLifetime(), defaults.jobDuration(), defaults.peeringActivation(), defaults.serverQuota(),
                defaults.hostEndpointLookupsPerMinute());
        List<LlmBackendSimulator> backends = new ArrayList<>();
        try {
            for (int i = 1; i <= 2; i++) {
                backends.add(new LlmBackendSimulator(SimulatorOptions.builder().models("qwen-72b")
                        .hostname("modelarts-instance-" + i).seed(3000 + i).build()).start());
            }
            CloudSimulator cloud = new CloudSimulator(options).start();
            cloud.setHostEndpoints(backends.stream().map(b -> SimHostEndpoint.http(b.host(), b.port())).toList());
            printReady(cloud, backends);
            return new Running(cloud, backends);
        } catch (RuntimeException e) {
            backends.forEach(LlmBackendSimulator::close);
            throw e;
        }
    }

    private void printReady(CloudSimulator cloud, List<LlmBackendSimulator> backends) {
        out.println("Gatehouse cloud simulator: serving IAM, VPC, ECS, IMS and ModelArts at " + cloud.baseUrl());
        out.println("  region        " + cloud.options().region());
        out.println("  account       " + DemoAccount.DOMAIN + ", IAM user " + DemoAccount.USER
                + ", password " + DemoAccount.PASSWORD);
        out.println("  access key    " + DemoAccount.ACCESS_KEY + ", secret key " + DemoAccount.SECRET_KEY);
        out.println("  project id    " + DemoAccount.PROJECT_ID);
        out.println("  service       " + DemoAccount.SERVICE_NAME + " (" + DemoAccount.SERVICE_ID + "), host endpoints "
                + String.join(", ", backends.stream().map(b -> b.host() + ":" + b.port()).toList()));
        out.println("These are public demo credentials of the simulator only; they open nothing in a real cloud.");
    }
}
