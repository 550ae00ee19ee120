package dev.gatehouse.engine.balance;

import dev.gatehouse.engine.config.BalancerConfig;
import dev.gatehouse.engine.upstream.Endpoint;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Creates the strategy a pool's {@link BalancerConfig} names. */
final class LoadBalancers {

    private LoadBalancers() {
    }

    static LoadBalancer create(BalancerConfig config, List<Endpoint> endpoints) {
        List<Endpoint> copy = List.copyOf(endpoints);
        AtomicInteger next = new AtomicInteger();
        return new LoadBalancer() {
            @Override
            public Endpoint pick(PickContext context) {
                int n = copy.size();
                for (int i = 0; i < n; i++) {
                    Endpoint e = copy.get(Math.floorMod(next.getAndIncrement(), n));
                    if (e.isAvailable()) {
                        return e;
                    }
                }
                return null;
            }

            @Override
            public List<Endpoint> endpoints() {
                return copy;
            }
        };
    }
}
