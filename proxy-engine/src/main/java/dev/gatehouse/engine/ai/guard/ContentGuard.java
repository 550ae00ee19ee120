package dev.gatehouse.engine.ai.guard;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Applies a route's {@link GuardPolicy} to chat/completions bodies: requests before they go
 * upstream, non-streamed responses before they go back, and hands out scanners for streams.
 * Built once per config snapshot (it compiles the word list); immutable and thread-safe.
 */
public final class ContentGuard {

    private static final WordMatcher NO_WORDS = WordMatcher.of(List.of());

    private final GuardPolicy policy;
    private final WordMatcher matcher;

    public ContentGuard(GuardPolicy policy) {
        this.policy = requireNonNull(policy, "policy");
        this.matcher = WordMatcher.of(policy.words());
    }

    public GuardPolicy policy() {
        return policy;
    }

    /** Checks every message content and the prompt; never modifies {@code request}. */
    public GuardVerdict checkRequest(ObjectNode request) {
        requireNonNull(request, "request");
        return policy.checkRequest() ? check(request, ChatTexts::inRequest) : GuardVerdict.pass();
    }

    /** Checks {@code choices[].message.content} and {@code choices[].text}; never modifies {@code response}. */
    public GuardVerdict checkResponse(ObjectNode response) {
        requireNonNull(response, "response");
        return policy.checkResponse() ? check(response, ChatTexts::inResponse) : GuardVerdict.pass();
    }

    /**
     * A scanner for one streamed choice ({@code delta.content} of one {@code index}); it lets
     * everything through when responses are not checked.
     */
    public StreamingScanner newResponseScanner() {
        return (policy.checkResponse() ? matcher : NO_WORDS).newScanner(policy.mode());
    }

    private GuardVerdict check(ObjectNode body, Function<ObjectNode, List<TextSlot>> slotsOf) {
        if (matcher.isEmpty()) {
            return GuardVerdict.pass();
        }
        List<TextSlot> slots = slotsOf.apply(body);
        String[] masked = new String[slots.size()];
        boolean maskedAny = false;
        for (int i = 0; i < slots.size(); i++) {
            String text = slots.get(i).text();
            Optional<WordMatch> first = matcher.findFirst(text);
            if (first.isEmpty()) {
                continue;
            }
            if (policy.mode() == GuardMode.BLOCK) {
                return new GuardVerdict.Blocked(first.get(), slots.get(i).path());
            }
            masked[i] = matcher.mask(text);
            maskedAny = true;
        }
        if (!maskedAny) {
            return GuardVerdict.pass();
        }
        // Copy only when something changes: most bodies pass, and a long chat history is costly to copy.
        ObjectNode copy = body.deepCopy();
        List<TextSlot> copySlots = slotsOf.apply(copy);
        for (int i = 0; i < masked.length; i++) {
            if (masked[i] != null) {
                copySlots.get(i).replace(masked[i]);
            }
        }
        return new GuardVerdict.Masked(copy);
    }
}
