package dev.gatehouse.ui.wizard;

import dev.gatehouse.engine.cloud.CloudCredentials;
import dev.gatehouse.engine.cloud.CloudEndpoints;
import java.net.URI;
import java.util.regex.Pattern;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The first page's fields: region, an optional endpoint for every service (the simulator, a
 * private cloud), and either an IAM user's password or an access key pair. Secrets stay in memory.
 */
public final class CredentialsForm {

    /** How the user signs in. */
    public enum Method { PASSWORD, ACCESS_KEY }

    private static final Pattern REGION = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final StringProperty region = new SimpleStringProperty("cn-north-4");
    private final StringProperty endpoint = new SimpleStringProperty("");
    private final ObjectProperty<Method> method = new SimpleObjectProperty<>(Method.PASSWORD);
    private final StringProperty domain = new SimpleStringProperty("");
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty accessKey = new SimpleStringProperty("");
    private final StringProperty secretKey = new SimpleStringProperty("");
    private final BooleanProperty simulator = new SimpleBooleanProperty();
    private final StringProperty simulatorNote = new SimpleStringProperty("");

    /** The first problem with what is typed, naming the field, or "" when Next may sign in. */
    public String problem() {
        if (!REGION.matcher(region.get().strip()).matches()) {
            return "Region: expected a region name such as cn-north-4";
        }
        if (!endpoint.get().isBlank() && endpointUri() == null) {
            return "Endpoint: expected an http:// or https:// URL, or nothing for the region's public endpoints";
        }
        if (method.get() == Method.PASSWORD) {
            return blank(domain, "Account (domain)") + blank(user, "IAM user") + blank(password, "Password");
        }
        return blank(accessKey, "Access key") + blank(secretKey, "Secret key");
    }

    private static String blank(StringProperty field, String name) {
        return field.get().isBlank() ? name + ": required. " : "";
    }

    /** The endpoints to sign in at (call only when {@link #problem()} is ""). */
    public CloudEndpoints endpoints() {
        URI base = endpointUri();
        String name = region.get().strip();
        return base == null ? CloudEndpoints.of(name) : CloudEndpoints.allAt(name, base);
    }

    /** The credentials typed (call only when {@link #problem()} is ""). */
    public CloudCredentials credentials() {
        return method.get() == Method.PASSWORD
                ? new CloudCredentials.Password(domain.get().strip(), user.get().strip(), password.get())
                : new CloudCredentials.AccessKey(accessKey.get().strip(), secretKey.get().strip(), null);
    }

    /** Fills the page with saved credentials (the demo's simulated cloud). */
    void prefill(SimulatorPrefill prefill) {
        region.set(prefill.region());
        endpoint.set(prefill.endpoint().toString());
        if (prefill.credentials() instanceof CloudCredentials.Password p) {
            method.set(Method.PASSWORD);
            domain.set(p.domain());
            user.set(p.user());
            password.set(p.password());
        } else if (prefill.credentials() instanceof CloudCredentials.AccessKey k) {
            method.set(Method.ACCESS_KEY);
            accessKey.set(k.accessKey());
            secretKey.set(k.secretKey());
        }
        simulator.set(true);
        simulatorNote.set("Simulator: the demo's simulated Huawei Cloud at " + prefill.endpoint()
                + ", signed in with its public demo account. Nothing here reaches a real cloud.");
    }

    private URI endpointUri() {
        try {
            URI uri = new URI(endpoint.get().strip());
            boolean web = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            return web && uri.getHost() != null ? uri : null;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    /** Every field, for listeners that re-check the page. */
    Observable[] fields() {
        return new Observable[] {region, endpoint, method, domain, user, password, accessKey, secretKey};
    }

    public StringProperty regionProperty() {
        return region;
    }

    public StringProperty endpointProperty() {
        return endpoint;
    }

    public ObjectProperty<Method> methodProperty() {
        return method;
    }

    public StringProperty domainProperty() {
        return domain;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty accessKeyProperty() {
        return accessKey;
    }

    public StringProperty secretKeyProperty() {
        return secretKey;
    }

    /** True when the page was filled with the demo simulator's account. */
    public BooleanProperty simulatorProperty() {
        return simulator;
    }

    public StringProperty simulatorNoteProperty() {
        return simulatorNote;
    }
}
