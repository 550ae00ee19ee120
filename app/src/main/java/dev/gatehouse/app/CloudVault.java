package dev.gatehouse.app;

import dev.gatehouse.engine.cloud.CloudCredentials;
import dev.gatehouse.engine.cloud.CredentialVault;
import dev.gatehouse.engine.discovery.CredentialResolver;
import dev.gatehouse.engine.sim.DemoEnvironment;
import dev.gatehouse.engine.sim.cloud.DemoAccount;

import java.io.IOException;
import java.io.PrintStream;

/**
 * Where discovery finds cloud credentials in this installation: the vault under the state
 * directory and the process environment. The demo saves its simulated cloud's public demo account there.
 */
final class CloudVault {

    static final String DIR = "cloud";

    private CloudVault() {
    }

    static CredentialResolver credentials(GatehouseHome home, boolean demo, PrintStream err) {
        CredentialVault vault = null;
        try {
            vault = CredentialVault.open(home.state().resolve(DIR));
            if (demo) {
                vault.save(DemoEnvironment.cloudCredentialsName(),
                        new CloudCredentials.Password(DemoAccount.DOMAIN, DemoAccount.USER, DemoAccount.PASSWORD));
            }
        } catch (IOException e) {
            err.println("Gatehouse: saved cloud credentials are unavailable, endpoint discovery can only use the"
                    + " environment: " + e.getMessage());
        }
        return CredentialResolver.standard(vault, System.getenv());
    }
}
