package dev.gatehouse.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gatehouse.engine.cloud.Flavor;
import dev.gatehouse.engine.cloud.HuaweiCloud;
import dev.gatehouse.engine.cloud.CloudCredentials;
import dev.gatehouse.engine.cloud.CloudEndpoints;
import dev.gatehouse.engine.cloud.Peering;
import dev.gatehouse.engine.sim.cloud.DemoAccount;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wizard's view model against the cloud simulator on loopback, without the toolkit: validation
 * before Next, going back keeping input, an expired token, a failing ECS job retried, cancelling a
 * job's wait, and the peering created only when confirmed.
 */
class WizardViewModelTest {

    @TempDir
    java.nio.file.Path dir;
    private WizardRig rig;
    private WizardViewModel model;

    @BeforeEach
    void start() throws Exception {
        rig = new WizardRig(dir, Duration.ofMinutes(2));
        model = rig.model(rig.fx);
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    @Test
    void nextIsRefusedUntilEveryFieldIsValidAndSaysWhichIsNot() throws Exception {
        rig.typeDemoAccount();
        rig.onFx(() -> model.credentials().passwordProperty().set(""));
        assertThat(rig.onFx(() -> model.problemProperty().get())).startsWith("Password: required");
        rig.onFx(() -> model.credentials().regionProperty().set("Not a region"));
        assertThat(rig.onFx(() -> model.problemProperty().get())).startsWith("Region:");
        long before = rig.cloud.requests();

        rig.onFx(model::next);

        assertThat(rig.onFx(() -> model.stepProperty().get())).isEqualTo(WizardStep.CREDENTIALS);
        assertThat(rig.cloud.requests()).isEqualTo(before);
    }

    @Test
    void aWrongPasswordSaysWhatTheCloudSaidWithItsRequestId() throws Exception {
        rig.typeDemoAccount();
        rig.onFx(() -> model.credentials().passwordProperty().set("wrong"));
        rig.onFx(model::next);
        await().until(() -> rig.onFx(() -> !model.runner().failureProperty().get().isEmpty()));

        assertThat(rig.onFx(() -> model.runner().failureProperty().get())).contains("request id");
        assertThat(rig.onFx(() -> model.stepProperty().get())).isEqualTo(WizardStep.CREDENTIALS);

        rig.onFx(() -> model.credentials().passwordProperty().set(DemoAccount.PASSWORD));
        rig.onFx(model::next);
        rig.awaitStep(WizardStep.RESOURCE_POOL);
    }

    @Test
    void goingBackKeepsWhatWasEnteredAndAsksTheCloudNothingAgain() throws Exception {
        rig.typeDemoAccount();
        rig.onFx(model::next);
        rig.awaitStep(WizardStep.RESOURCE_POOL);
        assertThat(rig.onFx(() -> model.choices().poolProperty().get().name())).isEqualTo(DemoAccount.POOL_NAME);
        rig.onFx(model::next);
        rig.awaitStep(WizardStep.VPC);
        await().until(() -> rig.onFx(() -> model.choices().subnetProperty().get() != null));

        rig.onFx(model::back);
        rig.onFx(model::back);
        long before = rig.cloud.requests();

        assertThat(rig.onFx(() -> model.stepProperty().get())).isEqualTo(WizardStep.CREDENTIALS);
        assertThat(rig.onFx(() -> model.credentials().userProperty().get())).isEqualTo(DemoAccount.USER);
        assertThat(rig.onFx(() -> model.credentials().passwordProperty().get())).isEqualTo(DemoAccount.PASSWORD);
        rig.onFx(model::next);
        rig.awaitStep(WizardStep.RESOURCE_POOL);
        assertThat(rig.cloud.requests()).as("same credentials: no second sign-in").isEqualTo(before);
        assertThat(rig.onFx(() -> model.choices().poolProperty().get().name())).isEqualTo(DemoAccount.POOL_NAME);
        assertThat(rig.onFx(() -> model.choices().vpcProperty().get().id())).isEqualTo(DemoAccount.VPC_ID);
        assertThat(rig.onFx(() -> model.choices().subnetProperty().get().id())).isEqualTo(DemoAccount.SUBNET_ID);
    }

    @Test
    void anExpiredTokenIsRenewedAndTheStepGoesOn() throws Exception {
        rig.typeDemoAccount();
        rig.onFx(model::next);
        rig.awaitStep(WizardStep.RESOURCE_POOL);

        rig.cloudClock.advance(Duration.ofHours(2)); // the simulator's tokens live one hour
        rig.onFx(model::next);

        rig.awaitStep(WizardStep.VPC);
        assertThat(rig.onFx(() -> model.runner().failureProperty().get())).isEmpty();
        assertThat(rig.onFx(() -> model.choices().vpcs())).extracting(v -> v.id()).containsExactly(DemoAccount.VPC_ID);
    }

    @Test
    void aFailingEcsJobSaysWhyAndARetryWithAnotherFlavorCreatesTheServer() throws Exception {
        goToServerPage();
        rig.onFx(() -> model.server().flavorProperty().set(flavor("p2s.2xlarge.8"))); // the GPU flavor has no quota
        rig.onFx(model::createServer);
        await().until(() -> rig.onFx(() -> model.runner().statusProperty().get().startsWith("ECS job")));
        rig.cloudClock.advance(Duration.ofMinutes(3));
        await().until(() -> rig.onFx(() -> !model.runner().failureProperty().get().isEmpty()));

        assertThat(rig.onFx(() -> model.runner().failureProperty().get())).contains("Ecs.0319").contains("quota");
        assertThat(rig.onFx(() -> model.canGoOnBinding().get())).isFalse();
        assertThat(rig.onFx(() -> model.runner().retryableProperty().get())).isTrue();

        rig.onFx(() -> model.server().flavorProperty().set(flavor("s6.large.2")));
        rig.onFx(model::retry);
        await().until(() -> rig.onFx(() -> model.runner().statusProperty().get().startsWith("ECS job")));
        rig.cloudClock.advance(Duration.ofMinutes(3));

        await().until(() -> rig.onFx(() -> model.server().readyProperty().get() != null));
        assertThat(rig.onFx(() -> model.server().readyProperty().get().privateAddresses())).isNotEmpty();
        assertThat(rig.onFx(() -> model.canGoOnBinding().get())).isTrue();
        assertThat(rig.onFx(() -> model.stepProperty().get())).isEqualTo(WizardStep.SERVER);
    }

    @Test
    void cancelEndsTheJobsWaitAtOnceAndRetryFollowsTheSameJobInsteadOfCreatingAnother() throws Exception {
        goToServerPage();
        try (HuaweiCloud cloud = signedIn()) {
            assertThat(cloud.ecs().listServers()).as("nothing created before Create server").isEmpty();
        }
        rig.onFx(model::createServer);
        await().until(() -> rig.onFx(() -> model.runner().statusProperty().get().startsWith("ECS job")));

        rig.onFx(model::cancel);

        assertThat(rig.onFx(() -> model.runner().busyProperty().get())).isFalse();
        assertThat(rig.onFx(() -> model.runner().statusProperty().get())).startsWith("Cancelled");
        assertThat(rig.onFx(() -> model.server().readyProperty().get())).isNull();
        rig.cloudClock.advance(Duration.ofMinutes(3));
        rig.onFx(model::retry);
        await().until(() -> rig.onFx(() -> model.server().readyProperty().get() != null));
        try (HuaweiCloud cloud = signedIn()) {
            assertThat(cloud.ecs().listServers()).extracting(s -> s.name()).containsExactly("gatehouse-gw-1");
        }
    }

    @Test
    void thePeeringPageCreatesNothingUntilConfirmedThenAcceptsAndRoutes() throws Exception {
        goToPeeringPage();
        String pending;
        try (HuaweiCloud cloud = signedIn()) {
            assertThat(cloud.modelArts().network(DemoAccount.NETWORK_NAME).connectedTo(DemoAccount.VPC_ID)).isFalse();
            Peering peering = cloud.vpc().createPeering("pool-side", "vpc-pool-side", DemoAccount.VPC_ID, null);
            pending = peering.id();
        }
        assertThat(rig.cloud.routeDestinations()).isEmpty();
        assertThat(rig.onFx(() -> List.copyOf(model.peering().tasks()))).hasSize(4)
                .extracting(TaskLine::state).containsOnly(TaskLine.State.WAITING);
        assertThat(rig.onFx(() -> model.canGoOnBinding().get())).isFalse();

        rig.onFx(() -> model.peering().peeringIdProperty().set(pending));
        rig.onFx(model::createConnection);
        await().until(() -> rig.onFx(() -> model.peering().doneBinding().get()));

        assertThat(rig.cloud.routeDestinations()).containsExactly("172.16.0.0/16");
        assertThat(rig.onFx(() -> model.peering().tasks())).extracting(TaskLine::state).containsOnly(TaskLine.State.DONE);
        try (HuaweiCloud cloud = signedIn()) {
            assertThat(cloud.modelArts().network(DemoAccount.NETWORK_NAME).connectedTo(DemoAccount.VPC_ID)).isTrue();
            assertThat(cloud.vpc().peering(pending).status()).isEqualTo("ACTIVE");
        }
        assertThat(rig.onFx(() -> model.canGoOnBinding().get())).isTrue();
    }

    @Test
    void leftEmptyThePeeringIdIsFoundAmongTheVpcsWaitingPeerings() throws Exception {
        goToPeeringPage();

        rig.onFx(model::createConnection);
        await().until(() -> rig.onFx(() -> model.peering().doneBinding().get()));

        assertThat(rig.onFx(() -> model.peering().tasks())).extracting(TaskLine::state).containsOnly(TaskLine.State.DONE);
        String found = rig.onFx(() -> model.peering().peeringIdProperty().get());
        assertThat(found).as("shown in the id field").isNotEmpty();
        try (HuaweiCloud cloud = signedIn()) {
            assertThat(cloud.vpc().peering(found).status()).isEqualTo("ACTIVE");
            assertThat(cloud.vpc().peering(found).acceptVpcId()).isEqualTo(DemoAccount.VPC_ID);
        }
        assertThat(rig.cloud.routeDestinations()).containsExactly("172.16.0.0/16");
    }

    @Test
    void aNewVpcAndSubnetAreCreatedOnlyWhenConfirmedThenPicked() throws Exception {
        rig.typeDemoAccount();
        rig.onFx(model::next);
        rig.awaitStep(WizardStep.RESOURCE_POOL);
        rig.onFx(model::next);
        rig.awaitStep(WizardStep.VPC);
        NewVpcForm form = model.newVpc();
        rig.onFx(() -> form.subnetCidrProperty().set("10.0.1.0/24"));
        assertThat(rig.onFx(form::problem)).as("outside 192.168.0.0/16").startsWith("Subnet CIDR: 10.0.1.0/24 must lie inside");
        rig.onFx(() -> form.vpcCidrProperty().set("10.0.0.0/16"));
        assertThat(rig.onFx(form::problem)).isEmpty();
        try (HuaweiCloud cloud = signedIn()) {
            assertThat(cloud.vpc().listVpcs()).as("nothing before Create VPC").hasSize(1);
        }

        rig.onFx(model::createVpc);
        await().until(() -> rig.onFx(() -> model.choices().subnetProperty().get() != null
                && model.choices().vpcProperty().get().name().equals("vpc-gateway")));

        assertThat(rig.onFx(() -> model.choices().subnetProperty().get().gatewayIp())).isEqualTo("10.0.1.1");
        try (HuaweiCloud cloud = signedIn()) {
            assertThat(cloud.vpc().listVpcs()).extracting(v -> v.name() + " " + v.cidr())
                    .containsExactly("vpc-gatehouse 192.168.0.0/16", "vpc-gateway 10.0.0.0/16");
        }
        assertThat(rig.onFx(() -> model.canGoOnBinding().get())).isTrue();
    }

    private void goToPeeringPage() throws Exception {
        rig.typeDemoAccount();
        for (WizardStep step : new WizardStep[] {WizardStep.RESOURCE_POOL, WizardStep.VPC}) {
            rig.onFx(model::next);
            rig.awaitStep(step);
        }
        await().until(() -> rig.onFx(() -> model.choices().subnetProperty().get() != null));
        rig.onFx(model::next);
        rig.awaitStep(WizardStep.PEERING);
    }

    private void goToServerPage() throws Exception {
        goToPeeringPage();
        rig.onFx(model::createConnection); // no peering id: the one the connection leaves waiting is found
        await().until(() -> rig.onFx(() -> model.peering().doneBinding().get()));
        rig.onFx(model::next);
        rig.awaitStep(WizardStep.SERVER);
        rig.onFx(() -> model.server().imageProperty().set(model.server().images().get(0)));
        rig.onFx(() -> model.server().flavorProperty().set(flavor("s6.large.2")));
    }

    private Flavor flavor(String name) {
        return model.server().flavors().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    private HuaweiCloud signedIn() {
        return HuaweiCloud.connect(CloudEndpoints.allAt("cn-north-4", rig.cloud.baseUrl()),
                new CloudCredentials.Password(DemoAccount.DOMAIN, DemoAccount.USER, DemoAccount.PASSWORD));
    }
}
