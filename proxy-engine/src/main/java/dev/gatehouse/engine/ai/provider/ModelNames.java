package dev.gatehouse.engine.ai.provider;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Model rewriting on the way out and restoration on the way back, for pass-through providers. */
final class ModelNames {

    private ModelNames() {
    }

    /** True when the settings send a different model name than the client asked for. */
    static boolean rewrites(String clientModel, ProviderSettings settings) {
        return settings.modelRewrite() != null && !settings.modelRewrite().equals(clientModel);
    }

    /** The body to forward: a copy with the rewritten model, or the body itself when unchanged. */
    static ObjectNode rewrite(ObjectNode body, ProviderSettings settings) {
        if (!rewrites(OpenAiShapes.string(body, "model"), settings)) {
            return body;
        }
        ObjectNode copy = body.deepCopy();
        copy.put("model", settings.modelRewrite());
        return copy;
    }

    /** The name to restore in responses: the client's, only when it was rewritten. */
    static String restoreAs(String clientModel, ProviderSettings settings) {
        return clientModel != null && rewrites(clientModel, settings) ? clientModel : null;
    }

    /** A copy of an upstream object with its model renamed, or the object when there is nothing to do. */
    static ObjectNode restore(ObjectNode upstream, String clientModel) {
        if (clientModel == null || !upstream.has("model")) {
            return upstream;
        }
        ObjectNode copy = upstream.deepCopy();
        copy.put("model", clientModel);
        return copy;
    }
}
