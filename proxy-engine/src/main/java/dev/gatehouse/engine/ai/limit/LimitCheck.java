package dev.gatehouse.engine.ai.limit;

/** The limits a request can be refused by, with their {@code token_ratelimit_status} log values. */
public enum LimitCheck {
    QUOTA_DAY("quota:day"),
    QUOTA_MONTH("quota:month"),
    CONSUMER_RPM("limited:consumer_rpm"),
    ROUTE_RPM("limited:route_rpm"),
    CONSUMER_TPM("limited:consumer_tpm"),
    ROUTE_TPM("limited:route_tpm");

    private final String logValue;

    LimitCheck(String logValue) {
        this.logValue = logValue;
    }

    public String logValue() {
        return logValue;
    }
}
