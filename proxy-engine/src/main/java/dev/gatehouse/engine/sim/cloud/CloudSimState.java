package dev.gatehouse.engine.sim.cloud;

import dev.gatehouse.engine.cloud.CallLimiter;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything the simulated cloud holds, guarded by this object's lock. Time-driven changes (a
 * job finishing, a peering turning ACTIVE, a token expiring) are worked out from the clock when
 * read, so nothing here runs timers.
 */
final class CloudSimState {

    /** A simulated peering; {@code acceptedAt} null while PENDING_ACCEPTANCE. */
    static final class SimPeering {
        final String id = UUID.randomUUID().toString();
        final String name;
        final String requestVpcId;
        final String acceptVpcId;
        Instant acceptedAt;

        SimPeering(String name, String requestVpcId, String acceptVpcId) {
            this.name = name;
            this.requestVpcId = requestVpcId;
            this.acceptVpcId = acceptVpcId;
        }
    }

    /** A simulated ECS job: finishes at {@code doneAt}, with servers or with {@code failReason}. */
    record SimJob(String id, Instant startedAt, Instant doneAt, List<String> serverIds, String failReason) {
    }

    /** A simulated server, created when its job succeeds. */
    record SimServer(String id, String name, String vpcId, String address) {
    }

    final CloudSimOptions options;
    final Map<String, Instant> tokens = new HashMap<>();
    final Map<String, SimPeering> peerings = new LinkedHashMap<>();
    final List<Map<String, String>> routes = new ArrayList<>();
    final Map<String, SimJob> jobs = new HashMap<>();
    final Map<String, SimServer> servers = new LinkedHashMap<>();
    final List<Map<String, String>> networkConnections = new ArrayList<>();
    /** The account's VPCs and subnets (id, name, cidr, ...): the demo's one of each, then those created. */
    final List<Map<String, String>> vpcs = new ArrayList<>(List.of(Map.of("id", DemoAccount.VPC_ID,
            "name", "vpc-gatehouse", "cidr", VpcRoutes.VPC_CIDR)));
    final List<Map<String, String>> subnets = new ArrayList<>(List.of(Map.of("id", DemoAccount.SUBNET_ID,
            "name", "subnet-gatehouse", "cidr", "192.168.1.0/24", "gateway_ip", "192.168.1.1", "vpc_id", DemoAccount.VPC_ID)));
    private final CallLimiter hostEndpointLimiter;
    private List<SimHostEndpoint> hostEndpoints = List.of();
    private int nextAddress = 10;
    private long hostEndpointLookups;

    CloudSimState(CloudSimOptions options) {
        this.options = options;
        this.hostEndpointLimiter = new CallLimiter(options.hostEndpointLookupsPerMinute(), Duration.ofMinutes(1),
                options.clock());
    }

    Instant now() {
        return options.clock().instant();
    }

    synchronized String issueToken() {
        String token = "MIIT" + UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
        tokens.put(token, now().plus(options.tokenLifetime()));
        return token;
    }

    synchronized Instant tokenExpiry(String token) {
        return tokens.get(token);
    }

    synchronized boolean tokenValid(String token) {
        Instant expiry = tokens.get(token);
        return expiry != null && now().isBefore(expiry);
    }

    synchronized boolean allowHostEndpointLookup() {
        boolean allowed = hostEndpointLimiter.tryAcquire();
        if (allowed) {
            hostEndpointLookups++;
        }
        return allowed;
    }

    synchronized long hostEndpointLookups() {
        return hostEndpointLookups;
    }

    synchronized long secondsUntilNextLookup() {
        return Math.max(1, hostEndpointLimiter.untilNextPermit().toSeconds());
    }

    synchronized List<SimHostEndpoint> hostEndpoints() {
        return hostEndpoints;
    }

    synchronized void setHostEndpoints(List<SimHostEndpoint> endpoints) {
        hostEndpoints = List.copyOf(endpoints);
    }

    synchronized SimPeering addPeering(String name, String requestVpcId, String acceptVpcId) {
        SimPeering peering = new SimPeering(name, requestVpcId, acceptVpcId);
        peerings.put(peering.id, peering);
        return peering;
    }

    synchronized String peeringStatus(SimPeering peering) {
        if (peering.acceptedAt == null) {
            return "PENDING_ACCEPTANCE";
        }
        return now().isBefore(peering.acceptedAt.plus(options.peeringActivation())) ? "PENDING_ACCEPTANCE" : "ACTIVE";
    }

    /** Starts a job; it fails when the flavor has no quota (GPU flavors) or the count passes the server quota. */
    synchronized SimJob startJob(String name, String flavor, String vpcId, int count) {
        String id = "ff80808" + UUID.randomUUID().toString().replace("-", "").substring(0, 25);
        String reason = null;
        if (flavor.startsWith("p")) {
            reason = "Ecs.0319: the quota of flavor " + flavor + " is 0 in this region; ask for a quota increase";
        } else if (servers.size() + count > options.serverQuota()) {
            reason = "Ecs.0013: insufficient quota: " + count + " more servers would make "
                    + (servers.size() + count) + ", the quota is " + options.serverQuota();
        }
        List<String> ids = new ArrayList<>();
        if (reason == null) {
            // Stored at once so the quota counts them; listed only once the job has ended (serverVisible).
            for (int i = 1; i <= count; i++) {
                String serverId = UUID.randomUUID().toString();
                ids.add(serverId);
                servers.put(serverId, new SimServer(serverId, count == 1 ? name : name + "-" + i, vpcId,
                        "192.168.1." + nextAddress++));
            }
        }
        SimJob job = new SimJob(id, now(), now().plus(options.jobDuration()), ids, reason);
        jobs.put(id, job);
        return job;
    }

    synchronized boolean serverVisible(SimServer server) {
        return jobs.values().stream().anyMatch(j -> j.serverIds().contains(server.id()) && !now().isBefore(j.doneAt()));
    }
}
