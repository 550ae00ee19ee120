package dev.gatehouse.engine.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.engine.sim.cloud.CloudSimOptions;
import dev.gatehouse.engine.sim.cloud.DemoAccount;
import dev.gatehouse.engine.sim.cloud.SimHostEndpoint;
import dev.gatehouse.engine.testing.Closer;
import dev.gatehouse.engine.testing.MutableClock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client against the cloud simulator over real sockets: sign-in, every call, and the failures. */
class HuaweiCloudIntegrationTest {

    private final Closer closer = new Closer();

    @AfterEach
    void tearDown() throws Exception {
        closer.close();
    }

    @Test
    void passwordSignInGivesAScopedTokenAndTheProjectId() {
        CloudTestRig rig = new CloudTestRig(closer);
        HuaweiCloud cloud = rig.password(closer);

        assertThat(cloud.signIn()).isEqualTo(DemoAccount.PROJECT_ID);
        assertThat(cloud.token().expiresAt()).isEqualTo(rig.clock.instant().plus(Duration.ofHours(24)));
        assertThat(cloud.token().toString()).doesNotContain(cloud.token().value());
    }

    @Test
    void aNewVpcAndSubnetAreListedAndThePeeringsOfAVpcCanBeFound() {
        CloudTestRig rig = new CloudTestRig(closer);
        HuaweiCloud cloud = rig.password(closer);

        Vpc vpc = cloud.vpc().createVpc("vpc-gateway", "10.8.0.0/16");
        Subnet subnet = cloud.vpc().createSubnet(vpc.id(), "subnet-gateway", "10.8.1.0/24", "10.8.1.1");
        Peering waiting = cloud.vpc().createPeering("to-gateway", DemoAccount.VPC_ID, vpc.id(), null);

        assertThat(cloud.vpc().listVpcs()).extracting(Vpc::name).contains("vpc-gatehouse", "vpc-gateway");
        assertThat(cloud.vpc().listSubnets(vpc.id())).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo(subnet.id());
            assertThat(s.cidr()).isEqualTo("10.8.1.0/24");
            assertThat(s.gatewayIp()).isEqualTo("10.8.1.1");
        });
        assertThat(cloud.vpc().listPeerings(vpc.id())).extracting(Peering::id, Peering::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(waiting.id(), "PENDING_ACCEPTANCE"));
        assertThatThrownBy(() -> cloud.vpc().createVpc("bad", "not-a-cidr"))
                .isInstanceOf(CloudException.class).hasMessageContaining("VPC.0002");
    }

    @Test
    void wrongPasswordIsRefusedWithIamsMessageAndTheRequestId() {
        CloudTestRig rig = new CloudTestRig(closer);
        HuaweiCloud cloud = closer.add(HuaweiCloud.connect(rig.endpoints(),
                new CloudCredentials.Password(DemoAccount.DOMAIN, DemoAccount.USER, "wrong"), rig.options,
                CallLimiter.hostEndpoints(rig.clock)));

        assertThatThrownBy(cloud::signIn).isInstanceOfSatisfying(CloudException.class, e -> {
            assertThat(e.kind()).isEqualTo(CloudException.Kind.UNAUTHORIZED);
            assertThat(e.requestId()).hasSize(32);
            assertThat(e.getMessage()).isEqualTo("could not sign in as wizard of gatehouse-demo: The username or password"
                    + " is wrong. (HTTP 401, 401, request id " + e.requestId() + ")");
        });
    }

    @Test
    void tokenNearExpiryIsRenewedBeforeUse() {
        CloudTestRig rig = new CloudTestRig(closer);
        HuaweiCloud cloud = rig.password(closer);
        String first = cloud.token().value();

        rig.clock.advance(Duration.ofHours(23).plusMinutes(51));
        assertThat(cloud.vpc().listVpcs()).hasSize(1);

        assertThat(cloud.token().value()).isNotEqualTo(first);
    }

    @Test
    void tokenTheCloudRejectsAsExpiredIsRenewedOnceAndTheCallRetried() {
        // The cloud's clock runs two hours ahead of ours, so it refuses a token we still believe in.
        MutableClock cloudClock = new MutableClock("2026-11-25T12:00:00Z");
        CloudTestRig rig = new CloudTestRig(closer, CloudSimOptions.defaults().withTokenLifetime(Duration.ofHours(1)),
                cloudClock);
        HuaweiCloud cloud = rig.password(closer);
        cloud.signIn();
        String expired = cloud.token().value();
        cloudClock.advance(Duration.ofHours(2));
        long before = rig.sim.requests();

        List<Vpc> vpcs = cloud.vpc().listVpcs();

        assertThat(vpcs).extracting(Vpc::id).containsExactly(DemoAccount.VPC_ID);
        assertThat(cloud.token().value()).isNotEqualTo(expired);
        assertThat(rig.sim.requests() - before).as("refused call, new token, retried call").isEqualTo(3);
    }

    @Test
    void accessKeyRequestsAreSignedAndAWrongSecretIsRefused() {
        CloudTestRig rig = new CloudTestRig(closer);
        HuaweiCloud good = rig.accessKey(closer, DemoAccount.SECRET_KEY);
        assertThat(good.signIn()).isEqualTo(DemoAccount.PROJECT_ID);
        assertThat(good.vpc().listSubnets(DemoAccount.VPC_ID)).extracting(Subnet::cidr).containsExactly("192.168.1.0/24");

        HuaweiCloud bad = rig.accessKey(closer, "not-the-secret");
        assertThatThrownBy(bad::signIn).isInstanceOfSatisfying(CloudException.class, e -> {
            assertThat(e.kind()).isEqualTo(CloudException.Kind.UNAUTHORIZED);
            assertThat(e.errorCode()).isEqualTo("APIGW.0301");
            assertThat(e.getMessage()).contains("verify aksk signature fail").contains("request id " + e.requestId());
        });
    }

    @Test
    void peeringWaitsForAcceptanceThenBecomesActiveAndTakesARoute() {
        CloudTestRig rig = new CloudTestRig(closer);
        VpcApi vpc = rig.password(closer).vpc();

        Peering created = vpc.createPeering("gh-peering", DemoAccount.VPC_ID, "vpc-other", null);
        assertThat(created.status()).isEqualTo("PENDING_ACCEPTANCE");
        assertThat(vpc.peering(created.id()).status()).isEqualTo("PENDING_ACCEPTANCE");
        assertThatThrownBy(() -> vpc.addPeeringRoute(DemoAccount.VPC_ID, "172.16.0.0/16", created.id()))
                .isInstanceOfSatisfying(CloudException.class, e -> assertThat(e.errorCode()).isEqualTo("VPC.1803"));

        vpc.acceptPeering(created.id());
        List<String> seen = new ArrayList<>();
        Peering active = vpc.awaitPeeringActive(created.id(), Duration.ofMinutes(1), Cancellation.none(),
                (fraction, status) -> seen.add(status));
        String route = vpc.addPeeringRoute(DemoAccount.VPC_ID, "172.16.0.0/16", created.id());

        assertThat(active.status()).isEqualTo("ACTIVE");
        assertThat(seen).first().isEqualTo("peering gh-peering PENDING_ACCEPTANCE");
        assertThat(seen).last().isEqualTo("peering gh-peering ACTIVE");
        assertThat(route).isNotBlank();
        assertThat(rig.sim.routeDestinations()).containsExactly("172.16.0.0/16");
    }

    @Test
    void connectingThePoolNetworkLeavesAPeeringToAcceptInOurVpc() {
        CloudTestRig rig = new CloudTestRig(closer);
        HuaweiCloud cloud = rig.password(closer);

        List<ResourcePool> pools = cloud.modelArts().listPools();
        assertThat(pools).extracting(ResourcePool::networkName).containsExactly(DemoAccount.NETWORK_NAME);
        PoolNetwork before = cloud.modelArts().network(DemoAccount.NETWORK_NAME);
        PoolNetwork after = cloud.modelArts().connectVpc(DemoAccount.NETWORK_NAME, DemoAccount.VPC_ID, DemoAccount.SUBNET_ID);

        assertThat(before.cidr()).isEqualTo("172.16.0.0/16");
        assertThat(before.connectedTo(DemoAccount.VPC_ID)).isFalse();
        assertThat(after.connectedTo(DemoAccount.VPC_ID)).isTrue();
    }

    @Test
    void serverIsCreatedThroughAJobAndShowsItsAddress() {
        CloudTestRig rig = new CloudTestRig(closer);
        EcsApi ecs = rig.password(closer).ecs();
        Flavor flavor = ecs.listFlavors().get(0);
        Image image = ecs.listImages().get(0);

        String job = ecs.createServer(new ServerSpec("gatehouse-1", flavor.id(), image.id(), DemoAccount.VPC_ID,
                DemoAccount.SUBNET_ID, 1));
        assertThat(ecs.job(job).status()).isEqualTo("INIT");
        List<String> seen = new ArrayList<>();
        EcsJob done = ecs.awaitJob(job, Duration.ofMinutes(5), Cancellation.none(), (f, status) -> seen.add(status));
        ServerInfo server = ecs.server(done.serverIds().get(0));

        assertThat(flavor.vcpus()).isEqualTo(2);
        assertThat(image.name()).contains("Ubuntu");
        assertThat(seen).contains("ECS job RUNNING", "ECS job SUCCESS");
        assertThat(server.name()).isEqualTo("gatehouse-1");
        assertThat(server.privateAddresses()).singleElement().asString().startsWith("192.168.1.");
        assertThat(ecs.listServers()).extracting(ServerInfo::id).containsExactly(server.id());
    }

    @Test
    void jobPastTheQuotaFailsWithTheCloudsReason() {
        CloudTestRig rig = new CloudTestRig(closer);
        EcsApi ecs = rig.password(closer).ecs();

        String job = ecs.createServer(new ServerSpec("too-many", "s6.large.2", "img", DemoAccount.VPC_ID,
                DemoAccount.SUBNET_ID, 4));

        assertThatThrownBy(() -> ecs.awaitJob(job, Duration.ofMinutes(5), Cancellation.none(), Progress.ignore()))
                .isInstanceOfSatisfying(CloudException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CloudException.Kind.OPERATION_FAILED);
                    assertThat(e.getMessage()).contains("failed: Ecs.0013: insufficient quota")
                            .contains("the quota is 3");
                });
        assertThatThrownBy(() -> ecs.awaitJob(ecs.createServer(new ServerSpec("gpu", "p2s.2xlarge.8", "img",
                DemoAccount.VPC_ID, DemoAccount.SUBNET_ID, 1)), Duration.ofMinutes(5), Cancellation.none(), Progress.ignore()))
                .hasMessageContaining("the quota of flavor p2s.2xlarge.8 is 0");
    }

    @Test
    void cancellingStopsTheWaitForAJob() {
        CloudTestRig rig = new CloudTestRig(closer);
        EcsApi ecs = rig.password(closer).ecs();
        String job = ecs.createServer(new ServerSpec("c", "s6.large.2", "img", DemoAccount.VPC_ID, DemoAccount.SUBNET_ID, 1));
        Cancellation cancellation = new Cancellation();

        assertThatThrownBy(() -> ecs.awaitJob(job, Duration.ofMinutes(5), cancellation, (f, status) -> cancellation.cancel()))
                .isInstanceOfSatisfying(CloudException.class,
                        e -> assertThat(e.kind()).isEqualTo(CloudException.Kind.CANCELLED));
        assertThat(ecs.job(job).status()).as("one poll only, then the cancel").isEqualTo("INIT");
    }

    @Test
    void modelArtsServiceAndItsHostEndpoints() {
        CloudTestRig rig = new CloudTestRig(closer);
        rig.sim.setHostEndpoints(List.of(SimHostEndpoint.http("127.0.0.1", 31997), SimHostEndpoint.http("127.0.0.1", 31998)));
        ModelArtsApi modelArts = rig.password(closer).modelArts();

        List<ModelArtsService> services = modelArts.listServices();
        List<HostEndpoint> endpoints = modelArts.hostEndpoints(services.get(0).id());

        assertThat(services).extracting(ModelArtsService::name, ModelArtsService::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DemoAccount.SERVICE_NAME, "running"));
        assertThat(endpoints).extracting(HostEndpoint::address).containsExactly("127.0.0.1:31997", "127.0.0.1:31998");
    }

    @Test
    void throttledLookupWaitsOutRetryAfterThenSucceeds() {
        CloudTestRig rig = new CloudTestRig(closer);
        // A client that would allow more than the cloud does, to meet the cloud's 429.
        ModelArtsApi modelArts = rig.password(closer, new CallLimiter(100, Duration.ofMinutes(1), rig.clock)).modelArts();
        for (int i = 0; i < 20; i++) {
            modelArts.hostEndpoints(DemoAccount.SERVICE_ID);
        }
        var before = rig.clock.instant();

        modelArts.hostEndpoints(DemoAccount.SERVICE_ID);

        assertThat(Duration.between(before, rig.clock.instant())).isEqualTo(Duration.ofSeconds(60));
        assertThat(rig.sim.throttledRequests()).isEqualTo(1);
    }

    @Test
    void throttlingThatOutlastsTheRetriesIsReportedWithTheRequestId() {
        CloudTestRig rig = new CloudTestRig(closer);
        CloudOptions noRetries = new CloudOptions(rig.clock, rig.options.pauser(), rig.options.pollInterval(), 0,
                rig.options.timeout(), rig.options.renewBefore());
        ModelArtsApi modelArts = closer.add(HuaweiCloud.connect(rig.endpoints(),
                new CloudCredentials.Password(DemoAccount.DOMAIN, DemoAccount.USER, DemoAccount.PASSWORD), noRetries,
                new CallLimiter(100, Duration.ofMinutes(1), rig.clock))).modelArts();
        for (int i = 0; i < 20; i++) {
            modelArts.hostEndpoints(DemoAccount.SERVICE_ID);
        }

        assertThatThrownBy(() -> modelArts.hostEndpoints(DemoAccount.SERVICE_ID))
                .isInstanceOfSatisfying(CloudException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CloudException.Kind.THROTTLED);
                    assertThat(e.errorCode()).isEqualTo("APIGW.0308");
                    assertThat(e.getMessage()).contains("HTTP 429").contains("request id " + e.requestId());
                });
    }

    @Test
    void clientSideLimiterRefusesTheTwentyFirstLookupWithoutCallingTheCloud() {
        CloudTestRig rig = new CloudTestRig(closer);
        ModelArtsApi modelArts = rig.password(closer).modelArts();
        for (int i = 0; i < 20; i++) {
            modelArts.hostEndpoints(DemoAccount.SERVICE_ID);
        }
        long calls = rig.sim.requests();

        assertThatThrownBy(() -> modelArts.hostEndpoints(DemoAccount.SERVICE_ID))
                .isInstanceOfSatisfying(CloudException.class, e -> assertThat(e.kind()).isEqualTo(CloudException.Kind.THROTTLED));
        assertThat(rig.sim.requests()).isEqualTo(calls);
        assertThat(rig.sim.throttledRequests()).isZero();
    }

    @Test
    void unknownResourceSaysWhatWasAskedAndWhatTheCloudAnswered() {
        CloudTestRig rig = new CloudTestRig(closer);
        HuaweiCloud cloud = rig.password(closer);

        assertThatThrownBy(() -> cloud.ecs().server("no-such-server"))
                .isInstanceOfSatisfying(CloudException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CloudException.Kind.NOT_FOUND);
                    assertThat(e.getMessage()).startsWith("could not read the server no-such-server: the server"
                            + " no-such-server does not exist (HTTP 404, Ecs.0114, request id ");
                });
    }
}
