package dev.gatehouse.ui.wizard;

import dev.gatehouse.engine.cloud.HostEndpoint;
import java.util.ArrayList;
import java.util.List;

/** The summary page's lines, worked out from the wizard's choices. */
final class WizardPlan {

    private WizardPlan() {
    }

    static List<String> summary(WizardViewModel model) {
        GatewayForm form = model.gateway();
        List<String> lines = new ArrayList<>();
        List<HostEndpoint> endpoints = model.checkedEndpoints();
        lines.add("Pool \"" + form.poolNameProperty().get() + "\": " + endpoints.size() + " endpoint(s) "
                + endpoints.stream().map(HostEndpoint::address).toList() + ", "
                + form.strategyProperty().get().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        lines.add("Discovery: the host endpoints of service " + model.choices().serviceProperty().get().name()
                + ", looked up every 30 s; credentials " + (form.saveInVaultProperty().get()
                        ? "saved encrypted in the vault as \"" + form.vaultNameProperty().get() + "\""
                        : "from the environment (HUAWEICLOUD_SDK_AK/SK), nothing stored"));
        lines.add("Health check: GET " + form.healthPathProperty().get() + " every " + form.healthSecondsProperty().get()
                + " s, down after " + form.failuresToEjectProperty().get() + " failures");
        lines.add("Circuit breaker: opens above " + form.errorRatePercentProperty().get() + " % errors, tries again after "
                + form.halfOpenSecondsProperty().get() + " s");
        lines.add("Route \"" + form.routeNameProperty().get() + "\": /v1/... requests for model \""
                + form.modelProperty().get() + "\" go to the pool");
        var ready = model.server().readyProperty().get();
        if (ready != null) {
            lines.add("Gateway server: ECS " + ready.name() + " " + ready.privateAddresses());
        }
        return lines;
    }
}
