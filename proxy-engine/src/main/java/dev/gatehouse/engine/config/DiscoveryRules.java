package dev.gatehouse.engine.config;

import dev.gatehouse.engine.cloud.CloudEndpoints;

import java.util.regex.Pattern;

import static dev.gatehouse.engine.config.Findings.quote;


/** The part of {@link ConfigValidator} about a pool's {@code discovery}. */
final class DiscoveryRules {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]+");
    private static final Pattern VAULT_NAME = Pattern.compile("vault:[A-Za-z0-9._-]+");

    private DiscoveryRules() {
    }

    static void check(String at, DiscoveryConfig discovery, Findings findings) {
        if (discovery == null) {
            return;
        }
        if (discovery.modelarts() == null) {
            findings.add(at, "names no source; expected \"modelarts\"");
            return;
        }
        modelArts(at + ".modelarts", discovery.modelarts(), findings);
    }

    private static void modelArts(String at, ModelArtsDiscoveryConfig source, Findings findings) {
        if (findings.text(at + ".region", source.region()) && !CloudEndpoints.isRegion(source.region())) {
            findings.add(at + ".region", "must look like \"cn-north-4\", got " + quote(source.region()));
        }
        if (findings.text(at + ".serviceId", source.serviceId()) && !ID.matcher(source.serviceId()).matches()) {
            findings.add(at + ".serviceId", "must be a service id (letters, digits and \"-\"), got " + quote(source.serviceId()));
        }
        if (source.projectId() != null && !ID.matcher(source.projectId()).matches()) {
            findings.add(at + ".projectId", "must be a project id (letters, digits and \"-\"), got " + quote(source.projectId()));
        }
        if (findings.text(at + ".credentials", source.credentials())
                && !source.credentials().equals("env") && !VAULT_NAME.matcher(source.credentials()).matches()) {
            findings.add(at + ".credentials", "must be \"env\" or \"vault:NAME\" (the secrets themselves never go in"
                    + " the config), got " + (source.credentials().length() > 6 ? "a value that is neither" : quote(source.credentials())));
        }
        url(at + ".endpoint", source.endpoint(), findings);
        url(at + ".iamEndpoint", source.iamEndpoint(), findings);
        findings.atLeast(at + ".interval", source.interval(), ModelArtsDiscoveryConfig.MIN_INTERVAL);
        findings.notNegative(at + ".drainTimeout", source.drainTimeout());
    }

    private static void url(String at, String value, Findings findings) {
        if (value != null && !PoolRules.isHttpUrl(value)) {
            findings.add(at, "must be an absolute http or https URL, got " + quote(value));
        }
    }
}
