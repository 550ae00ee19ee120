package dev.gatehouse.ui.routes;

import static java.util.Objects.requireNonNull;

/**
 * One line of the draft-versus-running diff shown before Apply: what changed ({@link Change}),
 * about which item ({@code route chat}, {@code endpoint 10.0.0.7:8000 in pool qwen}) and how,
 * in words ({@code pool: qwen-7b → qwen-72b}).
 */
public record DiffLine(Change change, String item, String detail) {

    /** Whether the item is new in the draft, gone from it, or there in both with a difference. */
    public enum Change {
        ADDED("+"), REMOVED("-"), CHANGED("~");

        private final String sign;

        Change(String sign) {
            this.sign = sign;
        }

        public String sign() {
            return sign;
        }
    }

    public DiffLine {
        requireNonNull(change, "change");
        requireNonNull(item, "item");
        requireNonNull(detail, "detail");
    }

    /** As the diff dialog prints it: {@code ~ route chat: pool: a → b}. */
    @Override
    public String toString() {
        return change.sign() + " " + item + (detail.isEmpty() ? "" : ": " + detail);
    }
}
