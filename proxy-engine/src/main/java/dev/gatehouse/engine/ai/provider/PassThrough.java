package dev.gatehouse.engine.ai.provider;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/** The request side shared by the providers that already speak OpenAI's body format. */
final class PassThrough {

    private static final byte[] NO_BODY = new byte[0];

    private PassThrough() {
    }

    static ProviderCall call(String pathAndQuery, Map<String, String> headers, ObjectNode body,
                             ProviderSettings settings) {
        if (body == null) {
            return new ProviderCall(pathAndQuery, headers, OpenAiShapes.CLIENT_CREDENTIAL_HEADERS, NO_BODY, null);
        }
        String clientModel = OpenAiShapes.string(body, "model");
        return new ProviderCall(pathAndQuery, headers, OpenAiShapes.CLIENT_CREDENTIAL_HEADERS,
                OpenAiShapes.bytes(ModelNames.rewrite(body, settings)), ModelNames.restoreAs(clientModel, settings));
    }

    static void checkKind(ProviderSettings settings, ProviderKind expected) {
        if (settings.kind() != expected) {
            throw new IllegalArgumentException("settings for " + settings.kind() + " given to the " + expected + " adapter");
        }
    }
}
