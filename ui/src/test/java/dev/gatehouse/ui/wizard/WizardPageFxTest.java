package dev.gatehouse.ui.wizard;

import dev.gatehouse.ui.testing.Screenshots;
import static dev.gatehouse.ui.testing.FxLookup.id;
import static dev.gatehouse.ui.testing.FxLookup.label;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gatehouse.engine.cloud.CloudCredentials;
import dev.gatehouse.engine.cloud.CloudEndpoints;
import dev.gatehouse.engine.cloud.HuaweiCloud;
import dev.gatehouse.engine.config.GatewayConfig;
import dev.gatehouse.engine.config.PoolConfig;
import dev.gatehouse.engine.discovery.DiscoveryStatus;
import dev.gatehouse.engine.discovery.EndpointDiscovery;
import dev.gatehouse.engine.sim.cloud.DemoAccount;
import dev.gatehouse.ui.common.Theme;
import java.nio.file.Path;
import java.time.Duration;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole wizard clicked through on screen against the cloud simulator and a real gateway on
 * loopback: it ends with a route that carries a chat completion to the discovered endpoints. With
 * {@code -Dwizard.screenshots=DIR} it saves each page as DIR/wizard-N-step.png.
 */
@ExtendWith(ApplicationExtension.class)
class WizardPageFxTest {

    @TempDir
    static Path dir;
    private WizardRig rig;
    private WizardPage page;

    @Start
    void start(Stage stage) throws Exception {
        rig = new WizardRig(dir.resolve(String.valueOf(System.nanoTime())), Duration.ofSeconds(30));
        rig.serveLikeTheDemo();
        Theme.LIGHT.apply();
        page = new WizardPage(rig.model(Platform::runLater));
        stage.setScene(new Scene((Parent) page.node(), 1100, 720));
        stage.show();
        page.shown();
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    @Test
    void clickingThroughTheWizardEndsWithARouteToTheDiscoveredEndpoints(FxRobot robot) throws Exception {
        await().until(() -> label(robot, id("wizard-simulator-note")).startsWith("Simulator"));
        assertThat(field(robot, "wizard-endpoint")).isEqualTo(rig.cloud.baseUrl().toString());
        assertThat(field(robot, "wizard-user")).isEqualTo(DemoAccount.USER);
        screenshot(robot, WizardStep.CREDENTIALS);

        next(robot, WizardStep.RESOURCE_POOL);
        screenshot(robot, WizardStep.RESOURCE_POOL);
        next(robot, WizardStep.VPC);
        await().until(() -> page.viewModel().choices().subnetProperty().get() != null);
        screenshot(robot, WizardStep.VPC);
        next(robot, WizardStep.PEERING);
        assertThat(rig.cloud.routeDestinations()).as("nothing created before Create").isEmpty();
        robot.clickOn(id("wizard-peering-id")).write(pendingPeering());
        screenshot(robot, WizardStep.PEERING);
        robot.clickOn(id("wizard-create-connection"));
        await().until(() -> page.viewModel().peering().doneBinding().get());
        assertThat(rig.cloud.routeDestinations()).containsExactly("172.16.0.0/16");

        next(robot, WizardStep.SERVER);
        robot.clickOn(id("wizard-flavor")).clickOn("s6.large.2  (2 vCPUs, 4 GiB)");
        robot.clickOn(id("wizard-create-server"));
        await().until(() -> page.viewModel().runner().statusProperty().get().startsWith("ECS job"));
        screenshot(robot, WizardStep.SERVER); // the job's progress bar
        rig.cloudClock.advance(Duration.ofMinutes(1));
        await().until(() -> label(robot, id("wizard-server-ready")).startsWith("Ready: gatehouse-gw-1"));

        next(robot, WizardStep.SERVICE);
        screenshot(robot, WizardStep.SERVICE);
        next(robot, WizardStep.ENDPOINTS);
        assertThat(page.viewModel().endpoints()).hasSize(2).allMatch(EndpointCheck::ok);
        screenshot(robot, WizardStep.ENDPOINTS);
        next(robot, WizardStep.GATEWAY);
        assertThat(field(robot, "wizard-model")).isEqualTo(WizardRig.MODEL);
        screenshot(robot, WizardStep.GATEWAY);
        next(robot, WizardStep.SUMMARY);
        robot.clickOn(id("wizard-apply"));
        await().until(() -> label(robot, id("wizard-applied")).startsWith("Applied as config version"));
        screenshot(robot, WizardStep.SUMMARY);

        GatewayConfig running = rig.control.config().config();
        PoolConfig pool = running.pool("qwen-72b-vpc-direct");
        assertThat(pool.endpoints()).hasSize(2);
        assertThat(pool.discovery().modelarts().credentials()).isEqualTo("vault:cloud-sim-demo");
        long before = received();
        assertThat(rig.chat()).startsWith("200 ");
        assertThat(rig.chat()).startsWith("200 ");
        assertThat(received() - before).isEqualTo(2);
        // Discovery as the app runs it finds the service with the saved credentials and keeps the pool as is.
        try (EndpointDiscovery discovery = rig.discovery()) {
            discovery.refresh();
            DiscoveryStatus status = discovery.status().stream()
                    .filter(s -> s.pool().equals("qwen-72b-vpc-direct")).findFirst().orElseThrow();
            assertThat(status.lastError()).isNull();
            assertThat(status.found()).containsExactlyInAnyOrderElementsOf(
                    rig.backends.stream().map(b -> b.host() + ":" + b.port()).toList());
        }
    }

    @Test
    void aQuotaFailureShowsTheCloudsReasonAndRetryWithAnotherFlavorCreatesTheServer(FxRobot robot) throws Exception {
        await().until(() -> label(robot, id("wizard-simulator-note")).startsWith("Simulator"));
        next(robot, WizardStep.RESOURCE_POOL);
        next(robot, WizardStep.VPC);
        await().until(() -> page.viewModel().choices().subnetProperty().get() != null);
        next(robot, WizardStep.PEERING);
        robot.clickOn(id("wizard-create-connection"));
        await().until(() -> page.viewModel().peering().doneBinding().get());
        next(robot, WizardStep.SERVER);
        robot.clickOn(id("wizard-flavor")).clickOn("p2s.2xlarge.8  (8 vCPUs, 64 GiB)");
        robot.clickOn(id("wizard-create-server"));
        await().until(() -> page.viewModel().runner().statusProperty().get().startsWith("ECS job"));
        rig.cloudClock.advance(Duration.ofMinutes(1));

        await().until(() -> label(robot, id("wizard-failure")).contains("Ecs.0319"));
        Button retry = robot.lookup(id("wizard-retry")).queryAs(Button.class);
        assertThat(retry.isVisible()).isTrue();
        assertThat(robot.lookup(id("wizard-next")).queryAs(Button.class).isDisabled()).isTrue();
        screenshot(robot, "wizard-5-server-quota-failed");

        robot.clickOn(id("wizard-flavor")).clickOn("s6.large.2  (2 vCPUs, 4 GiB)");
        robot.clickOn(retry);
        await().until(() -> page.viewModel().runner().statusProperty().get().startsWith("ECS job"));
        rig.cloudClock.advance(Duration.ofMinutes(1));
        await().until(() -> label(robot, id("wizard-server-ready")).startsWith("Ready: gatehouse-gw-1"));
        assertThat(label(robot, id("wizard-failure"))).isEmpty();
        assertThat(robot.lookup(id("wizard-next")).queryAs(Button.class).isDisabled()).isFalse();
    }

    private long received() {
        return rig.backends.stream().mapToLong(b -> b.stats().requestsReceived()).sum();
    }

    /** A peering pending acceptance in the demo VPC, as the pool network's connection leaves one. */
    private String pendingPeering() {
        try (HuaweiCloud cloud = HuaweiCloud.connect(CloudEndpoints.allAt("cn-north-4", rig.cloud.baseUrl()),
                new CloudCredentials.Password(DemoAccount.DOMAIN, DemoAccount.USER, DemoAccount.PASSWORD))) {
            return cloud.vpc().createPeering("pool-side", "vpc-pool-side", DemoAccount.VPC_ID, null).id();
        }
    }

    private void next(FxRobot robot, WizardStep expected) {
        Button next = robot.lookup(id("wizard-next")).queryAs(Button.class);
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return !next.isDisabled();
        });
        robot.clickOn(next);
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return page.viewModel().stepProperty().get() == expected && !page.viewModel().runner().busyProperty().get();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String field(FxRobot robot, String fieldId) {
        return robot.lookup(id(fieldId)).queryAs(TextField.class).getText();
    }

    private void screenshot(FxRobot robot, WizardStep step) throws Exception {
        screenshot(robot, "wizard-" + (step.ordinal() + 1) + "-" + step.name().toLowerCase(java.util.Locale.ROOT)
                .replace('_', '-'));
    }

    private void screenshot(FxRobot robot, String name) throws Exception {
        String target = System.getProperty("wizard.screenshots");
        if (target == null) {
            return;
        }
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(robot, page.node(), Path.of(target).resolve(name + ".png"));
    }
}
