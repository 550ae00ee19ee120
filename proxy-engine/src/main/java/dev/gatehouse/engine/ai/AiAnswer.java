package dev.gatehouse.engine.ai;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.engine.ai.guard.ContentGuard;
import dev.gatehouse.engine.ai.guard.GuardVerdict;
import dev.gatehouse.engine.ai.provider.ProviderAdapter;
import dev.gatehouse.engine.ai.usage.TokenEstimator;
import dev.gatehouse.engine.ai.usage.TokenUsage;
import dev.gatehouse.engine.ai.usage.UsageExtractor;


/**
 * A whole (non-streamed) successful answer from an upstream, made ready for the client:
 * translated to OpenAI's shape, checked by the response guard, and accounted (the upstream's
 * usage, or an estimate marked as such). Pure: no I/O.
 *
 * @param bytes           the JSON to send, or null when the guard blocked it or it was not JSON
 * @param usage           the tokens it cost
 * @param safecheckStatus the guard's log value, or null when no guard looked
 * @param problem         why there is nothing to send ("not JSON", "blocked"), or null
 */
public record AiAnswer(byte[] bytes, TokenUsage usage, String safecheckStatus, String problem) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param clientModel   the model name to show the client (null: keep the upstream's)
     * @param promptTokens  the request's estimated input tokens, used when the upstream reports none
     */
    public static AiAnswer of(byte[] upstream, ProviderAdapter adapter, String clientModel, ContentGuard guard,
                              String requestedModel, long promptTokens) {
        ObjectNode parsed;
        try {
            parsed = (ObjectNode) JSON.readTree(upstream);
        } catch (Exception notJson) {
            return new AiAnswer(null, null, null, "the upstream's answer is not JSON");
        }
        ObjectNode answer = adapter.translateResponse(parsed, clientModel);
        String safecheck = null;
        if (guard != null && guard.policy().checkResponse()) {
            GuardVerdict verdict = guard.checkResponse(answer);
            safecheck = verdict.logValue();
            if (verdict instanceof GuardVerdict.Blocked) {
                return new AiAnswer(null, null, safecheck, "the answer contains a blocked word");
            }
            if (verdict instanceof GuardVerdict.Masked masked) {
                answer = masked.body();
            }
        }
        byte[] out = JsonBytes.of(answer);
        ObjectNode sent = answer;
        TokenUsage usage = UsageExtractor.fromBody(out, 0, out.length)
                .orElseGet(() -> estimate(sent, requestedModel, promptTokens));
        return new AiAnswer(out, usage, safecheck, null);
    }

    /** Whether the response guard stopped the answer (the client gets {@code content_blocked}). */
    public boolean blocked() {
        return bytes == null && "block".equals(safecheckStatus);
    }

    private static TokenUsage estimate(ObjectNode answer, String model, long promptTokens) {
        StringBuilder text = new StringBuilder();
        answer.path("choices").forEach(c -> text.append(c.path("message").path("content").asText(""))
                .append(c.path("text").asText("")));
        long output = TokenEstimator.estimate(text);
        return new TokenUsage(model, promptTokens, output, promptTokens + output, true, null);
    }
}
