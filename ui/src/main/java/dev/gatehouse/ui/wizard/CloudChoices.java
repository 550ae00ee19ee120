package dev.gatehouse.ui.wizard;

import dev.gatehouse.engine.cloud.ModelArtsService;
import dev.gatehouse.engine.cloud.PoolNetwork;
import dev.gatehouse.engine.cloud.ResourcePool;
import dev.gatehouse.engine.cloud.Subnet;
import dev.gatehouse.engine.cloud.Vpc;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the cloud offered on the picking pages (resource pools, VPCs, subnets, services) and what
 * the user picked; kept when the user goes back so nothing is asked twice.
 */
public final class CloudChoices {

    private final ObservableList<ResourcePool> pools = FXCollections.observableArrayList();
    private final ObjectProperty<ResourcePool> pool = new SimpleObjectProperty<>();
    private final ObjectProperty<PoolNetwork> network = new SimpleObjectProperty<>();
    private final ObservableList<Vpc> vpcs = FXCollections.observableArrayList();
    private final ObjectProperty<Vpc> vpc = new SimpleObjectProperty<>();
    private final ObservableList<Subnet> subnets = FXCollections.observableArrayList();
    private final ObjectProperty<Subnet> subnet = new SimpleObjectProperty<>();
    private final ObservableList<ModelArtsService> services = FXCollections.observableArrayList();
    private final ObjectProperty<ModelArtsService> service = new SimpleObjectProperty<>();

    /**
     * Shows what the cloud offered now: the earlier pick stays if still offered, a sole item is
     * picked for the user, otherwise nothing is.
     */
    static <T> void offer(ObservableList<T> list, List<T> items, ObjectProperty<T> picked) {
        T before = picked.get();
        list.setAll(items);
        picked.set(before != null && items.contains(before) ? before : items.size() == 1 ? items.get(0) : null);
    }

    /** The first missing pick on {@code step}, naming it, or "". */
    String problem(WizardStep step) {
        return switch (step) {
            case RESOURCE_POOL -> pool.get() == null ? "Pick a resource pool." : "";
            case VPC -> vpc.get() == null ? "Pick a VPC." : subnet.get() == null ? "Pick a subnet of the VPC." : "";
            case SERVICE -> service.get() == null ? "Pick a ModelArts service."
                    : !"running".equalsIgnoreCase(service.get().status())
                            ? "The service " + service.get().name() + " is " + service.get().status()
                                    + "; only a running service has endpoints." : "";
            default -> "";
        };
    }

    public ObservableList<ResourcePool> pools() {
        return pools;
    }

    public ObjectProperty<ResourcePool> poolProperty() {
        return pool;
    }

    /** The picked pool's network (its CIDR and connections), read when Next leaves the pool page. */
    public ObjectProperty<PoolNetwork> networkProperty() {
        return network;
    }

    public ObservableList<Vpc> vpcs() {
        return vpcs;
    }

    public ObjectProperty<Vpc> vpcProperty() {
        return vpc;
    }

    public ObservableList<Subnet> subnets() {
        return subnets;
    }

    public ObjectProperty<Subnet> subnetProperty() {
        return subnet;
    }

    public ObservableList<ModelArtsService> services() {
        return services;
    }

    public ObjectProperty<ModelArtsService> serviceProperty() {
        return service;
    }
}
