package dev.gatehouse.engine.admin.rest;

import dev.gatehouse.engine.accesslog.query.LogQuery;
import dev.gatehouse.engine.admin.ApplyRequest;
import dev.gatehouse.engine.admin.EndpointRef;
import dev.gatehouse.engine.admin.GatewayControl;
import dev.gatehouse.engine.admin.HistogramRequest;
import dev.gatehouse.engine.admin.LogPageRequest;
import dev.gatehouse.engine.admin.SeriesRequest;
import dev.gatehouse.engine.admin.TopRequest;
import dev.gatehouse.engine.admin.ValidationResult;
import dev.gatehouse.engine.config.ConfigCodec;
import dev.gatehouse.engine.config.ConfigException;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * The admin API's route table: every {@link GatewayControl} method under {@code /admin/}. A new
 * control method becomes reachable by adding its line here and its call in the remote client.
 * (The log export, a stream rather than one JSON value, is answered by {@link LogExportStream}.)
 */
public final class AdminRoutes {

    private AdminRoutes() {
    }

    public static List<AdminRoute<?>> of(GatewayControl control) {
        ConfigCodec codec = new ConfigCodec();
        return List.of(
                AdminRoute.get(AdminPaths.STATUS, control::status),
                AdminRoute.get(AdminPaths.CONFIG, control::config),
                // Read here rather than as a GatewayConfig body: a config that does not even parse
                // is a validation verdict with its errors, not a rejected request.
                AdminRoute.post(AdminPaths.VALIDATE, JsonNode.class, json -> validate(control, codec, json)),
                AdminRoute.post(AdminPaths.APPLY, ApplyRequest.class, control::apply),
                AdminRoute.get(AdminPaths.VERSIONS, control::versions),
                AdminRoute.post(AdminPaths.ROLLBACK, RollbackRequest.class, r -> control.rollback(r.seq())),
                AdminRoute.get(AdminPaths.ENDPOINTS, control::endpointHealth),
                AdminRoute.post(AdminPaths.DRAIN, EndpointRef.class, control::drain),
                AdminRoute.post(AdminPaths.EJECT, EndpointRef.class, control::eject),
                AdminRoute.post(AdminPaths.RESTORE, EndpointRef.class, control::restore),
                AdminRoute.get(AdminPaths.METRICS_SNAPSHOT, control::metrics),
                AdminRoute.post(AdminPaths.SERIES, SeriesRequest.class, control::series),
                AdminRoute.get(AdminPaths.BACKENDS, control::backends),
                AdminRoute.post(AdminPaths.LOGS, LogPageRequest.class, control::logs),
                AdminRoute.post(AdminPaths.LOG_MINUTES, LogQuery.class, control::logMinutes),
                AdminRoute.post(AdminPaths.LOG_HISTOGRAM, HistogramRequest.class, control::logHistogram),
                AdminRoute.post(AdminPaths.LOG_TOP, TopRequest.class, control::logTop),
                AdminRoute.get(AdminPaths.LOG_STORE, control::logStore));
    }

    private static ValidationResult validate(GatewayControl control, ConfigCodec codec, JsonNode json) {
        try {
            return control.validate(codec.parse(json.toString()));
        } catch (ConfigException e) {
            return ValidationResult.of(e.errors());
        }
    }
}
