package dev.gatehouse.engine.ai.provider;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * OpenAI and OpenAI-compatible servers (vLLM, SGLang, ModelArts): every path goes through
 * unchanged; only the credential and, when configured, the model name change.
 */
final class OpenAiAdapter implements ProviderAdapter {

    @Override
    public ProviderKind kind() {
        return ProviderKind.OPENAI;
    }

    @Override
    public UpstreamRequest adapt(String pathAndQuery, ObjectNode body, ProviderSettings settings) {
        PassThrough.checkKind(settings, ProviderKind.OPENAI);
        Map<String, String> headers = settings.apiKey() == null
                ? Map.of()
                : Map.of("authorization", "Bearer " + settings.apiKey());
        return PassThrough.call(pathAndQuery, headers, body, settings);
    }

    @Override
    public ObjectNode translateResponse(ObjectNode upstream, String clientModel) {
        return ModelNames.restore(upstream, clientModel);
    }

    @Override
    public StreamTranslator streamTranslator(String clientModel, boolean includeUsage) {
        return new PassThroughStreamTranslator(clientModel);
    }
}
