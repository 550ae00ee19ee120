package dev.gatehouse.engine.cloud;

import static java.util.Objects.requireNonNull;

/** What to create with {@link EcsApi#createServer}: one or more servers of a flavor and image in a subnet. */
public record ServerSpec(String name, String flavorRef, String imageRef, String vpcId, String subnetId, int count) {

    public ServerSpec {
        requireNonNull(name, "name");
        requireNonNull(flavorRef, "flavorRef");
        requireNonNull(imageRef, "imageRef");
        requireNonNull(vpcId, "vpcId");
        requireNonNull(subnetId, "subnetId");
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count);
        }
    }
}
