package dev.gatehouse.engine.ai.provider;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Azure OpenAI: OpenAI bodies, but the model is chosen by the deployment in the path,
 * {@code /openai/deployments/{deployment}/chat/completions?api-version=..}, and the credential
 * goes in {@code api-key}. The client's query string is not forwarded.
 */
final class AzureOpenAiAdapter implements ProviderAdapter {

    private static final Map<String, String> OPERATIONS = Map.of(
            "/v1/chat/completions", "chat/completions",
            "/v1/completions", "completions",
            "/v1/embeddings", "embeddings");

    @Override
    public ProviderKind kind() {
        return ProviderKind.AZURE_OPENAI;
    }

    @Override
    public UpstreamRequest adapt(String pathAndQuery, ObjectNode body, ProviderSettings settings) {
        PassThrough.checkKind(settings, ProviderKind.AZURE_OPENAI);
        String path = Paths.withoutQuery(pathAndQuery);
        String operation = OPERATIONS.get(path);
        if (operation == null) {
            return new UnsupportedOperation("Azure OpenAI upstreams serve /v1/chat/completions, /v1/completions"
                    + " and /v1/embeddings; " + path + " is not supported");
        }
        if (body == null) {
            return new UnsupportedOperation(path + " needs a JSON body");
        }
        String model = settings.upstreamModel(OpenAiShapes.string(body, "model"));
        if (model == null) {
            return new UnsupportedOperation("the request needs a \"model\" to choose the Azure deployment");
        }
        String target = "/openai/deployments/" + Paths.segment(settings.azureDeployment(model)) + "/" + operation
                + "?api-version=" + URLEncoder.encode(settings.azureApiVersion(), StandardCharsets.UTF_8);
        return PassThrough.call(target, Map.of("api-key", settings.apiKey()), body, settings);
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
