package dev.gatehouse.engine.admin.rest;

/** The admin API's paths, shared by the server's route table and the remote client. */
public final class AdminPaths {

    private AdminPaths() {
    }

    public static final String STATUS = "/admin/status";
    public static final String CONFIG = "/admin/config";
    public static final String VALIDATE = "/admin/config/validate";
    public static final String APPLY = "/admin/config/apply";
    public static final String VERSIONS = "/admin/config/versions";
    public static final String ROLLBACK = "/admin/config/rollback";
    public static final String ENDPOINTS = "/admin/endpoints";
    public static final String DRAIN = "/admin/endpoints/drain";
    public static final String EJECT = "/admin/endpoints/eject";
    public static final String RESTORE = "/admin/endpoints/restore";
    public static final String METRICS_SNAPSHOT = "/admin/metrics";
    public static final String SERIES = "/admin/metrics/series";
    public static final String BACKENDS = "/admin/backends";
    public static final String LOGS = "/admin/logs";
    public static final String LOG_MINUTES = "/admin/logs/minutes";
    public static final String LOG_HISTOGRAM = "/admin/logs/histogram";
    public static final String LOG_TOP = "/admin/logs/top";
    public static final String LOG_STORE = "/admin/logs/store";
    /** Answered as a stream of CSV or JSON Lines, not as one JSON value. */
    public static final String LOG_EXPORT = "/admin/logs/export";
    /** Prometheus exposition; on the admin listener, behind the same token. */
    public static final String METRICS = "/metrics";
}
