package dev.gatehouse.engine.cloud;

import dev.gatehouse.engine.sim.cloud.CloudSimOptions;
import dev.gatehouse.engine.sim.cloud.CloudSimulator;
import dev.gatehouse.engine.sim.cloud.DemoAccount;
import dev.gatehouse.engine.testing.Closer;
import dev.gatehouse.engine.testing.MutableClock;

import java.time.Duration;

/**
 * A cloud simulator and clients of it sharing one {@link MutableClock}: the client's waits (polls,
 * Retry-After) advance the clock instead of sleeping, so a 3 s ECS job takes no real time.
 */
final class CloudTestRig {

    final MutableClock clock = new MutableClock("2026-11-25T12:00:00Z");
    final CloudSimulator sim;
    final CloudOptions options;

    CloudTestRig(Closer closer, CloudSimOptions simOptions) {
        this(closer, simOptions, null);
    }

    /** With {@code simClock}, the cloud keeps its own time (a skewed or revoked-token cloud). */
    CloudTestRig(Closer closer, CloudSimOptions simOptions, MutableClock simClock) {
        this.sim = closer.add(new CloudSimulator(simOptions.withClock(simClock != null ? simClock : clock)).start());
        this.options = CloudOptions.defaults().withClock(clock, (duration, cancellation, doing) -> {
            cancellation.check(doing);
            clock.advance(duration);
        }).withPollInterval(Duration.ofMillis(500));
    }

    CloudTestRig(Closer closer) {
        this(closer, CloudSimOptions.defaults());
    }

    CloudEndpoints endpoints() {
        return CloudEndpoints.allAt(sim.options().region(), sim.baseUrl());
    }

    HuaweiCloud password(Closer closer, CallLimiter limiter) {
        return closer.add(HuaweiCloud.connect(endpoints(),
                new CloudCredentials.Password(DemoAccount.DOMAIN, DemoAccount.USER, DemoAccount.PASSWORD), options, limiter));
    }

    HuaweiCloud password(Closer closer) {
        return password(closer, CallLimiter.hostEndpoints(clock));
    }

    HuaweiCloud accessKey(Closer closer, String secretKey) {
        return closer.add(HuaweiCloud.connect(endpoints(),
                new CloudCredentials.AccessKey(DemoAccount.ACCESS_KEY, secretKey, null), options,
                CallLimiter.hostEndpoints(clock)));
    }
}
