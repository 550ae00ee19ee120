package dev.gatehouse.engine.discovery;

import dev.gatehouse.engine.cloud.HostEndpoint;
import java.util.List;

/** Where one pool's endpoints are looked up; blocking, called on the discovery thread only. */
public interface HostEndpointSource extends AutoCloseable {

    /** The endpoints now; throws {@code CloudException} when the cloud cannot say. */
    List<HostEndpoint> lookup();

    @Override
    default void close() {
    }
}
