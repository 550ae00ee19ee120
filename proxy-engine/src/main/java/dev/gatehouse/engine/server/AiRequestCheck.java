package dev.gatehouse.engine.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.engine.ai.AiOperation;
import dev.gatehouse.engine.ai.AiRoute;
import dev.gatehouse.engine.ai.auth.Consumer;
import dev.gatehouse.engine.ai.guard.GuardVerdict;
import dev.gatehouse.engine.ai.template.Decoration;

import java.util.Map;

/**
 * What an AI request must pass before it may cost anything: a JSON body naming a model the
 * consumer may use, the route's request guard, and its prompt template. Either the request as
 * it will be sent on, or the error to answer with. Pure: no I/O.
 *
 * @param body            the request to send on (masked and templated), or null when refused
 * @param model           the model the client asked for (null when the body names none)
 * @param stream          whether the client asked for a stream
 * @param safecheckStatus the request guard's log value, or null when no guard looked
 * @param error           why the request is refused, or null
 */
record AiRequestCheck(ObjectNode body, String model, boolean stream, String safecheckStatus,
                      GatewayError error, String message) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static AiRequestCheck of(byte[] content, AiOperation operation, AiRoute route, Consumer consumer,
                             Map<String, String> headers) {
        ObjectNode body = parse(content);
        if (body == null) {
            return refuse(null, null, GatewayError.INVALID_REQUEST, "the request body is not a JSON object");
        }
        String model = body.path("model").asText(null);
        if (model == null) {
            return refuse(null, null, GatewayError.INVALID_REQUEST, "the request body needs a \"model\"");
        }
        if (consumer != null && !consumer.allowsModel(model)) {
            return refuse(model, null, GatewayError.MODEL_NOT_ALLOWED,
                    "consumer \"" + consumer.name() + "\" may not use model \"" + model + "\"");
        }
        boolean stream = operation.canStream() && body.path("stream").asBoolean(false);
        String safecheck = null;
        if (route.guard() != null && route.guard().policy().checkRequest()) {
            GuardVerdict verdict = route.guard().checkRequest(body);
            safecheck = verdict.logValue();
            if (verdict instanceof GuardVerdict.Blocked) {
                return refuse(model, safecheck, GatewayError.CONTENT_BLOCKED, "the request contains a blocked word");
            }
            if (verdict instanceof GuardVerdict.Masked masked) {
                body = masked.body();
            }
        }
        if (route.template() != null) {
            Decoration decoration = route.template().decorate(body, headers);
            if (decoration instanceof Decoration.MissingVariables missing) {
                return refuse(model, safecheck, GatewayError.INVALID_REQUEST, missing.message());
            }
            body = ((Decoration.Applied) decoration).request();
        }
        return new AiRequestCheck(body, model, stream, safecheck, null, null);
    }

    boolean refused() {
        return error != null;
    }

    private static AiRequestCheck refuse(String model, String safecheck, GatewayError error, String message) {
        return new AiRequestCheck(null, model, false, safecheck, error, message);
    }

    private static ObjectNode parse(byte[] content) {
        try {
            JsonNode node = JSON.readTree(content);
            return node instanceof ObjectNode object ? object : null;
        } catch (Exception malformed) {
            return null;
        }
    }
}
