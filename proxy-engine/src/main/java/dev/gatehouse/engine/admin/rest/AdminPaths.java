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
    /** Prometheus exposition; on the admin listener, behind the same token. */
    public static final String METRICS = "/metrics";
}
