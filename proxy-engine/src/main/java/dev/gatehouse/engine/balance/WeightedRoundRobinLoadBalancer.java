package dev.gatehouse.engine.balance;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.engine.upstream.Endpoint;

import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.ToIntFunction;

/**
 * nginx's smooth weighted round robin: every pick adds each available endpoint's weight to its
 * running score, takes the highest score and subtracts the total from it. Weights 5, 1, 1 give
 * {@code a a b a c a a} rather than {@code a a a a a b c}, and over every {@code total} picks each
 * endpoint gets exactly its weight. Weights are read at pick time, so a ramping-up endpoint's
 * lower share takes effect on the next request.
 */
final class WeightedRoundRobinLoadBalancer implements LoadBalancer {

    private final List<Endpoint> endpoints;
    private final ToIntFunction<Endpoint> weigher;
    // Guarded by lock. The arithmetic is a few additions per endpoint and never waits on I/O,
    // so the lock is held for nanoseconds; lock-free would cost a copy of the array per pick.
    private final long[] current;
    private final ReentrantLock lock = new ReentrantLock();

    WeightedRoundRobinLoadBalancer(List<Endpoint> endpoints) {
        this(endpoints, Endpoint::effectiveWeight);
    }

    /** Balances by {@code weigher}, which must be cheap and non-blocking: it runs under the lock. */
    WeightedRoundRobinLoadBalancer(List<Endpoint> endpoints, ToIntFunction<Endpoint> weigher) {
        this.endpoints = List.copyOf(requireNonNull(endpoints, "endpoints"));
        this.weigher = requireNonNull(weigher, "weigher");
        this.current = new long[this.endpoints.size()];
    }

    @Override
    public Endpoint pick(PickContext context) {
        lock.lock();
        try {
            int best = -1;
            long total = 0;
            for (int i = 0; i < current.length; i++) {
                Endpoint endpoint = endpoints.get(i);
                if (!endpoint.isAvailable()) {
                    // Left untouched, as nginx does: a returning endpoint resumes where it was.
                    continue;
                }
                // Below 1 counts as 1, like Endpoint.effectiveWeight: a configured 0 must not
                // make the whole pool's arithmetic degenerate.
                int weight = Math.max(1, weigher.applyAsInt(endpoint));
                current[i] += weight;
                total += weight;
                if (best < 0 || current[i] > current[best]) {
                    best = i;
                }
            }
            if (best < 0) {
                return null;
            }
            current[best] -= total;
            return endpoints.get(best);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<Endpoint> endpoints() {
        return endpoints;
    }
}
