package dev.gatehouse.engine.balance;

import dev.gatehouse.engine.upstream.Endpoint;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * An immutable consistent hash ring: each endpoint owns virtual nodes in proportion to its
 * weight, placed by hashing its address, so an endpoint's points do not depend on who else is
 * in the pool. Adding or removing one endpoint therefore moves only the keys on its own points.
 */
final class HashRing {

    /** Virtual nodes of an endpoint of the default weight 100, as in Envoy's and nginx's rings. */
    static final int NODES_PER_100_WEIGHT = 160;

    private record Node(long hash, Endpoint endpoint) {
    }

    // Parallel arrays sorted by hash (signed order; any fixed order is a valid ring).
    private final long[] hashes;
    private final Endpoint[] owners;

    HashRing(List<Endpoint> endpoints) {
        Node[] nodes = endpoints.stream()
                .flatMap(endpoint -> nodesOf(endpoint).stream())
                .sorted(Comparator.comparingLong(Node::hash)
                        // Collisions are vanishingly rare but must not depend on pool order.
                        .thenComparing(node -> node.endpoint().address()))
                .toArray(Node[]::new);
        hashes = Arrays.stream(nodes).mapToLong(Node::hash).toArray();
        owners = Arrays.stream(nodes).map(Node::endpoint).toArray(Endpoint[]::new);
    }

    private static List<Node> nodesOf(Endpoint endpoint) {
        int count = Math.max(1, (int) Math.round(NODES_PER_100_WEIGHT * endpoint.weight() / 100.0));
        Node[] nodes = new Node[count];
        for (int i = 0; i < count; i++) {
            // Keyed by address, not pool position: the stable identity across reloads.
            nodes[i] = new Node(Hash64.hash(endpoint.address() + "#" + i), endpoint);
        }
        return List.of(nodes);
    }

    /**
     * The owner of the first point at or after {@code keyHash} that is available, walking
     * clockwise; {@code null} when no endpoint on the ring is available.
     */
    Endpoint lookup(long keyHash) {
        int n = hashes.length;
        int found = Arrays.binarySearch(hashes, keyHash);
        // binarySearch returns -(insertion point) - 1 when absent; equal hashes may sit either
        // side of the one it found, which only matters for the ~2^-64 exact hit.
        int start = found >= 0 ? found : -found - 1;
        for (int i = 0; i < n; i++) {
            Endpoint owner = owners[(start + i) % n];
            if (owner.isAvailable()) {
                return owner;
            }
        }
        return null;
    }

    int size() {
        return hashes.length;
    }
}
