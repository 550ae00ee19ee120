package dev.gatehouse.engine.ai.guard;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The guard's answer for one request or non-streamed response body. */
public sealed interface GuardVerdict {

    /** The body is sent on unchanged. */
    static GuardVerdict pass() {
        return Pass.INSTANCE;
    }

    /** What the access log field {@code safecheck_status} records for this verdict. */
    default GuardOutcome outcome() {
        return switch (this) {
            case Pass pass -> GuardOutcome.PASS;
            case Blocked blocked -> GuardOutcome.BLOCK;
            case Masked masked -> GuardOutcome.MASK;
        };
    }

    /** {@code "pass"}, {@code "block"} or {@code "mask"}, for {@code safecheck_status}. */
    default String logValue() {
        return outcome().logValue();
    }

    /** Nothing matched, or the direction is not checked. */
    enum Pass implements GuardVerdict {
        INSTANCE
    }

    /**
     * A word was found and the policy blocks.
     *
     * @param match where in the string the word is, offsets within that string
     * @param path  JSON Pointer of the string, such as {@code /messages/2/content}
     */
    record Blocked(WordMatch match, String path) implements GuardVerdict {

        public Blocked {
            requireNonNull(match, "match");
            requireNonNull(path, "path");
        }

        /** The configured word that was found. */
        public String word() {
            return match.word();
        }
    }

    /**
     * Words were found and masked.
     *
     * @param body a deep copy of the checked body with the words masked; the caller's is untouched
     */
    record Masked(ObjectNode body) implements GuardVerdict {

        public Masked {
            requireNonNull(body, "body");
        }
    }
}
