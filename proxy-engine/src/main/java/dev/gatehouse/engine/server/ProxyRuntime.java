package dev.gatehouse.engine.server;

import dev.gatehouse.engine.accesslog.AccessRecordSink;
import dev.gatehouse.engine.ai.AiServices;
import dev.gatehouse.engine.telemetry.ActivityListener;
import dev.gatehouse.engine.upstream.UpstreamConnector;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the request path needs from the engine: the current snapshot (one volatile read), the
 * upstream connector, and the count of exchanges in flight (for graceful drain).
 */
public interface ProxyRuntime {

    EngineSnapshot snapshot();

    UpstreamConnector connector();

    AtomicInteger inFlight();

    /** Where each finished request's record goes. */
    AccessRecordSink records();

    /** Limits, quotas and caches of the AI routes, which outlive snapshots. */
    AiServices ai();

    /** Who hears of connections and AI streams opening and closing. */
    default ActivityListener activity() {
        return ActivityListener.none();
    }

    /** True once shutdown began: new requests get 503 and connections close after their response. */
    boolean draining();
}
