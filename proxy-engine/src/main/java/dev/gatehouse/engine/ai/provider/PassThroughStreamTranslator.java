package dev.gatehouse.engine.ai.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The stream of an OpenAI-format upstream, re-emitted as it came; only the {@code model} of each
 * chunk is renamed when the request's model was rewritten.
 */
final class PassThroughStreamTranslator implements StreamTranslator {

    private final String clientModel;

    PassThroughStreamTranslator(String clientModel) {
        this.clientModel = clientModel;
    }

    @Override
    public List<String> onEvent(String event, String data) {
        if (data == null) {
            return List.of();
        }
        return List.of(format(event, clientModel == null ? data : restore(data)));
    }

    @Override
    public List<String> onEnd() {
        return List.of(); // an OpenAI stream without [DONE] is the upstream's to explain
    }

    private String restore(String data) {
        if (data.strip().equals("[DONE]")) {
            return data;
        }
        try {
            JsonNode chunk = OpenAiShapes.JSON.readTree(data);
            if (chunk instanceof ObjectNode object && object.has("model")) {
                object.put("model", clientModel);
                return OpenAiShapes.text(object);
            }
            return data;
        } catch (JsonProcessingException notJson) {
            return data;
        }
    }

    private static String format(String event, String data) {
        StringBuilder out = new StringBuilder(data.length() + 16);
        if (event != null && !event.isEmpty() && !event.equals("message")) {
            out.append("event: ").append(event).append('\n');
        }
        // The parser joined multi-line data with '\n'; SSE needs one data: line per line again.
        for (String line : data.split("\n", -1)) {
            out.append("data: ").append(line).append('\n');
        }
        return out.append('\n').toString();
    }
}
