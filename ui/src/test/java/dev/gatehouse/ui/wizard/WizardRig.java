package dev.gatehouse.ui.wizard;

import static org.awaitility.Awaitility.await;

import dev.gatehouse.engine.EngineOptions;
import dev.gatehouse.engine.GatewayEngine;
import dev.gatehouse.engine.admin.EmbeddedGatewayControl;
import dev.gatehouse.engine.admin.ServedConfig;
import dev.gatehouse.engine.admin.TrafficRecords;
import dev.gatehouse.engine.cloud.CloudOptions;
import dev.gatehouse.engine.cloud.CredentialVault;
import dev.gatehouse.engine.config.ConfigStore;
import dev.gatehouse.engine.config.GatewayConfig;
import dev.gatehouse.engine.config.ListenerConfig;
import dev.gatehouse.engine.discovery.CredentialResolver;
import dev.gatehouse.engine.discovery.EndpointDiscovery;
import dev.gatehouse.engine.discovery.ModelArtsSources;
import dev.gatehouse.engine.sim.LlmBackendSimulator;
import dev.gatehouse.engine.sim.SimulatorOptions;
import dev.gatehouse.engine.sim.cloud.CloudSimOptions;
import dev.gatehouse.engine.sim.cloud.CloudSimulator;
import dev.gatehouse.engine.sim.cloud.DemoAccount;
import dev.gatehouse.engine.sim.cloud.SimHostEndpoint;
import dev.gatehouse.engine.telemetry.Telemetry;
import dev.gatehouse.ui.testing.HandClock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What the wizard's tests run against, all on loopback: the cloud simulator on a hand-driven
 * clock, two simulated LLM backends that its ModelArts service reports as host endpoints, a real
 * gateway behind {@link EmbeddedGatewayControl} with an empty config, and a vault in a temporary directory.
 */
final class WizardRig implements AutoCloseable {

    static final String MODEL = "qwen-72b-vpc";

    final HandClock cloudClock = new HandClock();
    final CloudSimulator cloud;
    final List<LlmBackendSimulator> backends;
    final GatewayEngine engine;
    final EmbeddedGatewayControl control;
    final Path vaultDir;
    final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    /** Stands in for the FX thread in view-model tests: one thread that owns the view model's state. */
    final ExecutorService fx = Executors.newSingleThreadExecutor();
    WizardViewModel model;

    WizardRig(Path dir, Duration jobDuration) throws Exception {
        cloud = new CloudSimulator(new CloudSimOptions("127.0.0.1", 0, "cn-north-4", cloudClock, Duration.ofHours(1),
                jobDuration, Duration.ZERO, 3, 20)).start();
        backends = List.of(backend(1), backend(2));
        cloud.setHostEndpoints(backends.stream().map(b -> SimHostEndpoint.http(b.host(), b.port())).toList());
        Telemetry telemetry = new Telemetry(Clock.systemUTC());
        engine = GatewayEngine.start(new GatewayConfig(List.of(ListenerConfig.of("127.0.0.1", 0)), List.of(), List.of(),
                null), EngineOptions.defaults().withWorkerThreads(1).withRecords(telemetry).withActivity(telemetry));
        ServedConfig served = ServedConfig.inStore(engine, new ConfigStore(dir.resolve("store")));
        served.recordRunning();
        control = new EmbeddedGatewayControl(served, TrafficRecords.withoutLog(telemetry), Clock.systemUTC());
        vaultDir = dir.resolve("cloud");
    }

    private static LlmBackendSimulator backend(int number) {
        return new LlmBackendSimulator(SimulatorOptions.builder().models(MODEL).tokensPerSecond(2000)
                .timeToFirstToken(Duration.ofMillis(5)).baseLatency(Duration.ofMillis(10)).seed(number)
                .hostname("sim-gpu-node-" + number).build()).start();
    }

    /** The view model on the rig's executors, its cloud client polling every 50 ms. */
    WizardViewModel model(java.util.concurrent.Executor fxExecutor) {
        CloudOptions fast = CloudOptions.defaults().withPollInterval(Duration.ofMillis(50));
        model = new WizardViewModel(control, VaultAccess.at(vaultDir),
                (at, who) -> dev.gatehouse.engine.cloud.HuaweiCloud.connect(at, who, fast,
                        dev.gatehouse.engine.cloud.CallLimiter.hostEndpoints(fast.clock())),
                background, fxExecutor);
        return model;
    }

    /** Runs {@code action} on the stand-in FX thread and returns what it returns. */
    <T> T onFx(Callable<T> action) throws Exception {
        return fx.submit(action).get();
    }

    void onFx(Runnable action) throws Exception {
        fx.submit(action).get();
    }

    /** Waits until the wizard shows {@code step} with nothing running. */
    void awaitStep(WizardStep step) {
        await().atMost(Duration.ofSeconds(20)).until(() -> onFx(() -> model.stepProperty().get() == step
                && !model.runner().busyProperty().get()));
    }

    /** Fills the first page with the simulator's demo account. */
    void typeDemoAccount() throws Exception {
        onFx(() -> {
            CredentialsForm form = model.credentials();
            form.endpointProperty().set(cloud.baseUrl().toString());
            form.domainProperty().set(DemoAccount.DOMAIN);
            form.userProperty().set(DemoAccount.USER);
            form.passwordProperty().set(DemoAccount.PASSWORD);
        });
    }

    /** Saves the demo account as the console's demo does, so the first page prefills it. */
    void saveDemoAccount(String name) throws IOException {
        CredentialVault.open(vaultDir).save(name, new dev.gatehouse.engine.cloud.CloudCredentials.Password(
                DemoAccount.DOMAIN, DemoAccount.USER, DemoAccount.PASSWORD));
    }

    /** Discovery as the app runs it, with the rig's vault; one pass per call of {@code refresh()}. */
    EndpointDiscovery discovery() throws IOException {
        CredentialResolver credentials = CredentialResolver.standard(CredentialVault.open(vaultDir), Map.of());
        return new EndpointDiscovery(control, new ModelArtsSources(credentials, CloudOptions.defaults()), Clock.systemUTC());
    }

    /**
     * Serves a pool discovered from the simulator with the demo account saved in the vault, as the
     * console's demo does; the wizard's first page then prefills the simulator.
     */
    void serveLikeTheDemo() throws Exception {
        saveDemoAccount("cloud-sim-demo");
        String url = cloud.baseUrl().toString();
        var source = new dev.gatehouse.engine.config.ModelArtsDiscoveryConfig("cn-north-4", DemoAccount.PROJECT_ID,
                DemoAccount.SERVICE_ID, "vault:cloud-sim-demo", url, url, null, null);
        var pool = new dev.gatehouse.engine.config.PoolConfig("qwen-72b", null,
                List.of(dev.gatehouse.engine.config.EndpointConfig.of(backends.get(0).host(), backends.get(0).port())),
                null, null).withDiscovery(new dev.gatehouse.engine.config.DiscoveryConfig(source));
        var running = control.config();
        control.apply(dev.gatehouse.engine.admin.ApplyRequest.basedOn(
                running.config().withPools(List.of(pool)), running.version()));
    }

    /** The status and body of a chat completion for {@link #MODEL} sent to the gateway. */
    String chat() throws IOException, InterruptedException {
        String address = control.status().listenAddresses().get(0);
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                    URI.create("http://" + address + "/v1/chat/completions"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"" + MODEL
                            + "\",\"max_tokens\":4,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() + " " + response.body();
        }
    }

    @Override
    public void close() {
        if (model != null) {
            model.close();
        }
        background.shutdownNow();
        fx.shutdownNow();
        engine.close();
        backends.forEach(LlmBackendSimulator::close);
        cloud.close();
    }
}
