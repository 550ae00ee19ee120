package dev.gatehouse.engine.sim.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;

/**
 * ECS and IMS: flavors (one GPU flavor with no quota), images, server creation as a job that runs
 * for the configured time and then succeeds or fails on quota, jobs and servers.
 */
final class EcsRoutes {

    private final CloudSimState state;

    EcsRoutes(CloudSimState state) {
        this.state = state;
    }

    SimResponse flavors() {
        ObjectNode body = SimResponse.JSON.createObjectNode();
        ArrayNode flavors = body.putArray("flavors");
        flavor(flavors, "s6.large.2", 2, 4096);
        flavor(flavors, "c7.xlarge.4", 4, 16384);
        flavor(flavors, "p2s.2xlarge.8", 8, 65536);
        return SimResponse.ok(body);
    }

    SimResponse images() {
        ObjectNode body = SimResponse.JSON.createObjectNode();
        body.putArray("images").addObject().put("id", "c1a5e0f8-2a6b-4d3e-9f1c-7b8a9d0e1f2a")
                .put("name", "Ubuntu 22.04 server 64bit").put("status", "active").put("min_disk", 40);
        return SimResponse.ok(body);
    }

    SimResponse create(SimRequest request) {
        JsonNode server = request.body().path("server");
        for (String field : new String[] {"name", "flavorRef", "imageRef", "vpcid"}) {
            if (server.path(field).asText("").isEmpty()) {
                return SimResponse.error(400, "Ecs.0005", "request body is invalid: server." + field + " is required");
            }
        }
        if (server.path("nics").path(0).path("subnet_id").asText("").isEmpty()) {
            return SimResponse.error(400, "Ecs.0005", "request body is invalid: server.nics[0].subnet_id is required");
        }
        var job = state.startJob(server.path("name").asText(), server.path("flavorRef").asText(),
                server.path("vpcid").asText(), server.path("count").asInt(1));
        ObjectNode body = SimResponse.JSON.createObjectNode().put("job_id", job.id());
        ArrayNode ids = body.putArray("serverIds");
        job.serverIds().forEach(ids::add);
        return SimResponse.ok(body);
    }

    SimResponse job(String id) {
        CloudSimState.SimJob job;
        synchronized (state) {
            job = state.jobs.get(id);
        }
        if (job == null) {
            return SimResponse.notFound("job " + id);
        }
        boolean done = !state.now().isBefore(job.doneAt());
        String status = !done ? (state.now().isBefore(job.startedAt().plus(Duration.ofMillis(200))) ? "INIT" : "RUNNING")
                : job.failReason() != null ? "FAIL" : "SUCCESS";
        ObjectNode body = SimResponse.JSON.createObjectNode().put("job_id", id).put("job_type", "createServer")
                .put("status", status).put("begin_time", job.startedAt().toString());
        ArrayNode subJobs = body.putObject("entities").putArray("sub_jobs");
        job.serverIds().forEach(server -> subJobs.addObject().put("status", status)
                .put("job_type", "createSingleServer").putObject("entities").put("server_id", server));
        if (done) {
            body.put("end_time", job.doneAt().toString());
            if (job.failReason() != null) {
                body.put("fail_reason", job.failReason()).put("error_code", job.failReason().substring(0, 8));
            }
        }
        return SimResponse.ok(body);
    }

    SimResponse server(String id) {
        CloudSimState.SimServer server;
        synchronized (state) {
            server = state.servers.get(id);
        }
        if (server == null || !state.serverVisible(server)) {
            return SimResponse.error(404, "Ecs.0114", "the server " + id + " does not exist");
        }
        ObjectNode body = SimResponse.JSON.createObjectNode();
        body.set("server", render(server));
        return SimResponse.ok(body);
    }

    SimResponse servers() {
        ObjectNode body = SimResponse.JSON.createObjectNode();
        ArrayNode list = body.putArray("servers");
        synchronized (state) {
            state.servers.values().stream().filter(state::serverVisible).forEach(s -> list.add(render(s)));
        }
        body.put("count", list.size());
        return SimResponse.ok(body);
    }

    private static ObjectNode render(CloudSimState.SimServer server) {
        ObjectNode node = SimResponse.JSON.createObjectNode().put("id", server.id()).put("name", server.name())
                .put("status", "ACTIVE");
        node.putObject("addresses").putArray(server.vpcId()).addObject().put("addr", server.address())
                .put("version", 4).put("OS-EXT-IPS:type", "fixed");
        return node;
    }

    private static void flavor(ArrayNode flavors, String name, int vcpus, int ram) {
        flavors.addObject().put("id", name).put("name", name).put("vcpus", String.valueOf(vcpus)).put("ram", ram);
    }
}
