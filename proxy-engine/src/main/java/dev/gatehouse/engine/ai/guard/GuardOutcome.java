package dev.gatehouse.engine.ai.guard;

/** What the guard did to one request or response, as written to the access log. */
public enum GuardOutcome {
    PASS("pass"),
    BLOCK("block"),
    MASK("mask");

    private final String logValue;

    GuardOutcome(String logValue) {
        this.logValue = logValue;
    }

    /** The value of the access log field {@code safecheck_status}. */
    public String logValue() {
        return logValue;
    }
}
