package dev.gatehouse.engine.accesslog.query;

import dev.gatehouse.engine.accesslog.store.AccessLogStore;
import dev.gatehouse.engine.accesslog.store.StoreOptions;

import java.nio.file.Path;

/** A store in {@code dir} filled with a generated {@link LogDataset}, and its queries: the query tests' shared fixture. */
record FilledStore(AccessLogStore store, AccessLogQueries queries, LogDataset data) implements AutoCloseable {

    static FilledStore of(Path dir, int records, long seed) throws Exception {
        AccessLogStore store = AccessLogStore.open(StoreOptions.defaults(dir.resolve("log.db")));
        LogDataset data = LogDataset.generate(records, seed);
        data.writeTo(store);
        return new FilledStore(store, AccessLogQueries.over(store), data);
    }

    @Override
    public void close() throws Exception {
        queries.close();
        store.close();
    }
}
