package dev.gatehouse.engine.sim.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** IAM: {@code POST /v3/auth/tokens} (password, scoped to the region's project) and {@code GET /v3/projects}. */
final class IamRoutes {

    private final CloudSimState state;

    IamRoutes(CloudSimState state) {
        this.state = state;
    }

    SimResponse token(SimRequest request) {
        JsonNode identity = request.body().path("auth").path("identity");
        JsonNode user = identity.path("password").path("user");
        if (!identity.path("methods").toString().contains("password") || !user.isObject()) {
            return SimResponse.iamError(400, "Bad Request", "The request body is invalid: expected password authentication");
        }
        boolean known = DemoAccount.USER.equals(user.path("name").asText())
                && DemoAccount.PASSWORD.equals(user.path("password").asText())
                && DemoAccount.DOMAIN.equals(user.path("domain").path("name").asText());
        if (!known) {
            return SimResponse.iamError(401, "Unauthorized", "The username or password is wrong.");
        }
        String scope = request.body().path("auth").path("scope").path("project").path("name").asText();
        if (!scope.equals(state.options.region())) {
            return SimResponse.iamError(400, "Bad Request", "project " + scope + " does not exist in this account");
        }
        String token = state.issueToken();
        Instant expires = state.tokenExpiry(token);
        ObjectNode body = SimResponse.JSON.createObjectNode();
        ObjectNode tokenNode = body.putObject("token");
        tokenNode.putArray("methods").add("password");
        tokenNode.put("expires_at", iso(expires)).put("issued_at", iso(state.now()));
        tokenNode.putObject("project").put("id", DemoAccount.PROJECT_ID).put("name", state.options.region());
        tokenNode.putObject("user").put("name", DemoAccount.USER).putObject("domain").put("name", DemoAccount.DOMAIN);
        return new SimResponse(201, Map.of("X-Subject-Token", token), body);
    }

    SimResponse projects(SimRequest request) {
        String name = request.query("name");
        ObjectNode body = SimResponse.JSON.createObjectNode();
        var projects = body.putArray("projects");
        if (name == null || name.equals(state.options.region())) {
            projects.addObject().put("id", DemoAccount.PROJECT_ID).put("name", state.options.region()).put("enabled", true);
        }
        return SimResponse.ok(body);
    }

    /** IAM writes microseconds: 2026-11-26T14:48:11.000000Z. */
    private static String iso(Instant instant) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(java.time.ZoneOffset.UTC)
                .format(instant.truncatedTo(ChronoUnit.MICROS));
    }
}
