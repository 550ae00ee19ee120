package dev.gatehouse.engine.discovery;

import dev.gatehouse.engine.cloud.CloudCredentials;
import dev.gatehouse.engine.cloud.CloudException;
import dev.gatehouse.engine.cloud.CredentialVault;

import java.io.IOException;
import java.util.Map;

/**
 * Turns a config's credential reference into credentials: {@code "vault:NAME"} from the
 * {@link CredentialVault}, {@code "env"} from the Huawei SDK's variables {@code HUAWEICLOUD_SDK_AK}
 * and {@code HUAWEICLOUD_SDK_SK} (and optionally {@code HUAWEICLOUD_SDK_PROJECT_ID}), so that
 * nothing need be stored at all.
 */
@FunctionalInterface
public interface CredentialResolver {

    CloudCredentials resolve(String reference);

    /** {@code vault} may be null when there is none (then only "env" resolves). */
    static CredentialResolver standard(CredentialVault vault, Map<String, String> env) {
        return reference -> {
            if (reference.equals("env")) {
                String ak = env.get("HUAWEICLOUD_SDK_AK");
                String sk = env.get("HUAWEICLOUD_SDK_SK");
                if (ak == null || sk == null || ak.isBlank() || sk.isBlank()) {
                    throw new CloudException(CloudException.Kind.UNAUTHORIZED,
                            "credentials \"env\": set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK for the gateway's process");
                }
                return new CloudCredentials.AccessKey(ak, sk, env.get("HUAWEICLOUD_SDK_PROJECT_ID"));
            }
            String name = reference.substring("vault:".length());
            if (vault == null) {
                throw new CloudException(CloudException.Kind.UNAUTHORIZED, "credentials \"" + reference
                        + "\": this gateway has no credential vault");
            }
            try {
                return vault.load(name).orElseThrow(() -> new CloudException(CloudException.Kind.UNAUTHORIZED,
                        "credentials \"" + reference + "\": nothing saved under \"" + name + "\""));
            } catch (IOException e) {
                throw new CloudException(CloudException.Kind.UNAUTHORIZED, "credentials \"" + reference + "\": "
                        + e.getMessage(), 0, null, null, e);
            }
        };
    }
}
