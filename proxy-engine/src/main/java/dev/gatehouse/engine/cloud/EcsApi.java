package dev.gatehouse.engine.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.List;

/** ECS v1/v1.1 (flavors, servers, jobs) and IMS v2 (images). */
public final class EcsApi {

    private final CloudSession session;

    EcsApi(CloudSession session) {
        this.session = session;
    }

    public List<Flavor> listFlavors() {
        return CloudSession.list(session.get(CloudEndpoints.ECS, "/v1/{project_id}/cloudservers/flavors",
                "list the ECS flavors").path("flavors"), Flavor::from);
    }

    /** Public images that are ready to use. */
    public List<Image> listImages() {
        return CloudSession.list(session.get(CloudEndpoints.IMS, "/v2/cloudimages?__imagetype=gold&status=active",
                "list the images").path("images"), Image::from);
    }

    public List<ServerInfo> listServers() {
        return CloudSession.list(session.get(CloudEndpoints.ECS, "/v1/{project_id}/cloudservers/detail",
                "list the servers").path("servers"), ServerInfo::from);
    }

    /** Submits the creation (pay per use); returns the job id to {@link #awaitJob}. */
    public String createServer(ServerSpec spec) {
        ObjectNode body = CloudHttp.JSON.createObjectNode();
        ObjectNode server = body.putObject("server").put("name", spec.name()).put("flavorRef", spec.flavorRef())
                .put("imageRef", spec.imageRef()).put("vpcid", spec.vpcId()).put("count", spec.count());
        server.putArray("nics").addObject().put("subnet_id", spec.subnetId());
        server.putObject("root_volume").put("volumetype", "SSD");
        JsonNode reply = session.call("POST", CloudEndpoints.ECS, "/v1.1/{project_id}/cloudservers", body,
                "create the server " + spec.name(), Cancellation.none());
        return reply.path("job_id").asText();
    }

    public EcsJob job(String jobId) {
        return EcsJob.from(session.get(CloudEndpoints.ECS, "/v1/{project_id}/jobs/" + jobId, "read the ECS job " + jobId));
    }

    /** Polls the job to SUCCESS (returned) or FAIL ({@link CloudException.Kind#OPERATION_FAILED} with the reason). */
    public EcsJob awaitJob(String jobId, Duration timeout, Cancellation cancellation, Progress progress) {
        EcsJob done = session.await(() -> job(jobId), j -> j.succeeded() || j.failed(), j -> "ECS job " + j.status(),
                timeout, cancellation, progress, "finish the ECS job " + jobId);
        if (done.failed()) {
            throw new CloudException(CloudException.Kind.OPERATION_FAILED, "the ECS job " + jobId + " failed: "
                    + (done.failReason() != null ? done.failReason() : "the cloud gave no reason"));
        }
        progress.report(1, "ECS job SUCCESS");
        return done;
    }

    public ServerInfo server(String serverId) {
        return ServerInfo.from(session.get(CloudEndpoints.ECS, "/v1/{project_id}/cloudservers/" + serverId,
                "read the server " + serverId).path("server"));
    }
}
