package dev.gatehouse.engine.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Password authentication: {@code POST /v3/auth/tokens} scoped to the region's project, the token
 * from {@code X-Subject-Token}, renewed before use when it is within {@code renewBefore} of its
 * {@code expires_at} (tokens last 24 h), and renewed once when the cloud rejects it with a 401.
 */
final class IamTokens implements RequestAuth {

    private final CloudHttp http;
    private final CloudEndpoints endpoints;
    private final CloudCredentials.Password credentials;
    private IamToken token;

    IamTokens(CloudHttp http, CloudEndpoints endpoints, CloudCredentials.Password credentials) {
        this.http = http;
        this.endpoints = endpoints;
        this.credentials = credentials;
    }

    /** The current token, fetching a new one when there is none or it is about to expire. */
    synchronized IamToken current() {
        Instant renewAt = token == null ? null : token.expiresAt().minus(http.options().renewBefore());
        if (token == null || !http.options().clock().instant().isBefore(renewAt)) {
            token = fetch();
        }
        return token;
    }

    @Override
    public Map<String, String> headers(String method, URI uri, Map<String, String> headers, byte[] body) {
        return Map.of("X-Auth-Token", current().value());
    }

    @Override
    public synchronized boolean renewAfterRejection() {
        token = null;
        return true;
    }

    private IamToken fetch() {
        ObjectNode body = CloudHttp.JSON.createObjectNode();
        ObjectNode identity = body.putObject("auth").putObject("identity");
        identity.putArray("methods").add("password");
        ObjectNode user = identity.putObject("password").putObject("user");
        user.put("name", credentials.user()).put("password", credentials.password());
        user.putObject("domain").put("name", credentials.domain());
        ((ObjectNode) body.get("auth")).putObject("scope").putObject("project").put("name", endpoints.region());
        CloudHttp.Reply reply = http.exchange("POST", endpoints.resolve(CloudEndpoints.IAM, "/v3/auth/tokens"), body,
                RequestAuth.none(), "sign in as " + credentials.user() + " of " + credentials.domain(), Cancellation.none());
        String value = reply.header("X-Subject-Token");
        JsonNode tokenBody = reply.body().path("token");
        if (value == null || !tokenBody.has("expires_at")) {
            throw new CloudException(CloudException.Kind.UNAVAILABLE, "IAM answered without a token (request id "
                    + reply.requestId() + ")", reply.status(), null, reply.requestId(), null);
        }
        try {
            return new IamToken(value, Instant.parse(tokenBody.path("expires_at").asText()),
                    tokenBody.path("project").path("id").asText());
        } catch (DateTimeParseException e) {
            throw new CloudException(CloudException.Kind.UNAVAILABLE, "IAM answered an unreadable expires_at \""
                    + tokenBody.path("expires_at").asText() + "\"", reply.status(), null, reply.requestId(), e);
        }
    }
}
