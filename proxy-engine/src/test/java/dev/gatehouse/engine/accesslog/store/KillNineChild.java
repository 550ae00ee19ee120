package dev.gatehouse.engine.accesslog.store;

import dev.gatehouse.engine.testing.RecordBuilder;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Run in a child JVM by {@link CrashSafetyIntegrationTest}: writes numbered records into the
 * store given as its argument, about one per millisecond, printing "accepted N" after every
 * hundredth, until it is killed.
 */
public final class KillNineChild {

    private KillNineChild() {
    }

    public static void main(String[] args) throws Exception {
        AccessLogStore store = AccessLogStore.open(StoreOptions.defaults(Path.of(args[0])));
        Instant start = Instant.parse("2026-11-25T10:00:00Z");
        for (long n = 1; ; n++) {
            store.accept(RecordBuilder.record().id(Long.toString(n)).start(start.plusMillis(n)).build());
            if (n % 100 == 0) {
                System.out.println("accepted " + n);
                System.out.flush();
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }
}
