package dev.gatehouse.engine.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * An ECS asynchronous job ({@code GET /v1/{project_id}/jobs/{job_id}}): INIT, RUNNING, SUCCESS or
 * FAIL, the servers it made ({@code entities.sub_jobs[].entities.server_id}) and, on FAIL, why.
 */
public record EcsJob(String id, String status, List<String> serverIds, String failReason) {

    public EcsJob {
        serverIds = List.copyOf(serverIds);
    }

    public boolean succeeded() {
        return status.equals("SUCCESS");
    }

    public boolean failed() {
        return status.equals("FAIL");
    }

    static EcsJob from(JsonNode node) {
        List<String> servers = new ArrayList<>();
        for (JsonNode sub : node.path("entities").path("sub_jobs")) {
            String server = sub.path("entities").path("server_id").asText("");
            if (!server.isEmpty()) {
                servers.add(server);
            }
        }
        String reason = node.path("fail_reason").asText(null);
        return new EcsJob(node.path("job_id").asText(), node.path("status").asText(), servers, reason);
    }
}
