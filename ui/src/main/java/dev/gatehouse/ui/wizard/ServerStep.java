package dev.gatehouse.ui.wizard;

import dev.gatehouse.engine.cloud.Cancellation;
import dev.gatehouse.engine.cloud.CloudException;
import dev.gatehouse.engine.cloud.EcsJob;
import dev.gatehouse.engine.cloud.Flavor;
import dev.gatehouse.engine.cloud.HuaweiCloud;
import dev.gatehouse.engine.cloud.Image;
import dev.gatehouse.engine.cloud.Progress;
import dev.gatehouse.engine.cloud.ServerInfo;
import dev.gatehouse.engine.cloud.ServerSpec;
import dev.gatehouse.engine.cloud.Subnet;
import java.time.Duration;
import java.util.regex.Pattern;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The ECS page: a new server (name, flavor, image, in the subnet picked before) or an existing
 * one. {@link #create} submits the creation job and polls it; a job that failed (a quota) is
 * submitted again on retry, one that was only cancelled is waited for again, not duplicated.
 */
public final class ServerStep {

    static final Duration JOB_TIMEOUT = Duration.ofMinutes(15);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final BooleanProperty createNew = new SimpleBooleanProperty(true);
    private final StringProperty name = new SimpleStringProperty("gatehouse-gw-1");
    private final ObservableList<Flavor> flavors = FXCollections.observableArrayList();
    private final ObjectProperty<Flavor> flavor = new SimpleObjectProperty<>();
    private final ObservableList<Image> images = FXCollections.observableArrayList();
    private final ObjectProperty<Image> image = new SimpleObjectProperty<>();
    private final ObservableList<ServerInfo> servers = FXCollections.observableArrayList();
    private final ObjectProperty<ServerInfo> existing = new SimpleObjectProperty<>();
    private final ObjectProperty<ServerInfo> ready = new SimpleObjectProperty<>();
    // Written on the background thread, read there on the next run.
    private volatile String pendingJob;

    /** The first problem with the page, or "" when the server can be created (or is picked). */
    String problem() {
        if (!createNew.get()) {
            return existing.get() == null ? "Pick an existing server." : "";
        }
        if (!NAME.matcher(name.get()).matches()) {
            return "Server name: 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit.";
        }
        return flavor.get() == null ? "Pick a flavor." : image.get() == null ? "Pick an image." : "";
    }

    /** What {@link #create} will make, for the confirmation shown before it. */
    String willCreate(String vpcName, Subnet subnet) {
        return "ECS \"" + name.get() + "\": flavor " + flavor.get().name() + " (" + flavor.get().vcpus() + " vCPUs, "
                + flavor.get().ramMb() / 1024 + " GiB), image " + image.get().name() + ", in VPC " + vpcName
                + ", subnet " + subnet.name() + " (" + subnet.cidr() + "), pay per use";
    }

    /** The server to create from the page's fields and the picked subnet (call on the FX thread). */
    ServerSpec spec(String vpcId, Subnet subnet) {
        return new ServerSpec(name.get(), flavor.get().id(), image.get().id(), vpcId, subnet.id(), 1);
    }

    /** Submits the creation job (or resumes waiting for one only cancelled) and returns the ready server (blocking). */
    ServerInfo create(HuaweiCloud cloud, ServerSpec spec, Cancellation cancellation, Progress progress) {
        String job = pendingJob;
        if (job == null) {
            progress.report(-1, "submitting the creation of " + spec.name());
            job = cloud.ecs().createServer(spec);
            pendingJob = job;
        }
        EcsJob done;
        try {
            done = cloud.ecs().awaitJob(job, JOB_TIMEOUT, cancellation, progress);
        } catch (CloudException e) {
            if (e.kind() == CloudException.Kind.OPERATION_FAILED) {
                pendingJob = null; // the job ended; a retry submits a new one
            }
            throw e;
        }
        pendingJob = null;
        progress.report(1, "reading the addresses of the new server");
        return cloud.ecs().server(done.serverIds().get(0));
    }

    Observable[] fields() {
        return new Observable[] {createNew, name, flavor, image, existing};
    }

    /** True for a new server, false to pick an existing one. */
    public BooleanProperty createNewProperty() {
        return createNew;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObservableList<Flavor> flavors() {
        return flavors;
    }

    public ObjectProperty<Flavor> flavorProperty() {
        return flavor;
    }

    public ObservableList<Image> images() {
        return images;
    }

    public ObjectProperty<Image> imageProperty() {
        return image;
    }

    public ObservableList<ServerInfo> servers() {
        return servers;
    }

    public ObjectProperty<ServerInfo> existingProperty() {
        return existing;
    }

    /** The server the gateway will run on, once created or picked; null before. */
    public ObjectProperty<ServerInfo> readyProperty() {
        return ready;
    }
}
