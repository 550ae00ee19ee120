package dev.gatehouse.engine.accesslog.store;

import dev.gatehouse.engine.accesslog.AccessRecord;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps the block summaries ({@link Blocks}) up to date in the writer's transaction: while a
 * batch is written it gathers, per block, the time span, the values and texts not stored yet and
 * the Bloom filter of trace and request ids; {@link #flush()} writes them. A block's row in
 * {@code block_keys} is written once per value, not once per record: that is what makes this
 * cheaper than an index per dimension.
 */
final class BlockSummaries implements AutoCloseable {

    private static final class Pending {
        final long block;
        long minStart = Long.MAX_VALUE;
        long maxStart = Long.MIN_VALUE;
        final Set<Long> keys = new HashSet<>();
        final byte[] bloom;
        final byte[] facts;

        Pending(long block, byte[] bloom, byte[] facts) {
            this.block = block;
            this.bloom = bloom;
            this.facts = facts;
        }
    }

    private final ValueDictionary routes;
    private final ValueDictionary models;
    private final ValueDictionary consumers;
    private final ValueDictionary upstreams;
    private final ValueDictionary cacheStatuses;
    private final ValueDictionary responseTypes;
    private final PreparedStatement times;
    private final PreparedStatement keys;
    private final PreparedStatement blooms;
    private final PreparedStatement readBloom;
    private final PreparedStatement facts;
    private final PreparedStatement readFacts;
    private final List<Pending> pending = new ArrayList<>();
    private Pending last;
    // The newest block's keys already stored, across batches: most records add no row at all.
    private long storedBlock = -1;
    private final Set<Long> storedKeys = new HashSet<>();

    BlockSummaries(Connection connection) throws SQLException {
        routes = new ValueDictionary(connection, Blocks.ROUTE);
        models = new ValueDictionary(connection, Blocks.MODEL);
        consumers = new ValueDictionary(connection, Blocks.CONSUMER);
        upstreams = new ValueDictionary(connection, Blocks.UPSTREAM);
        cacheStatuses = new ValueDictionary(connection, Blocks.CACHE);
        responseTypes = new ValueDictionary(connection, Blocks.RESPONSE_TYPE);
        times = connection.prepareStatement("INSERT INTO block_times (block, min_start, max_start) VALUES (?, ?, ?)"
                + " ON CONFLICT (block) DO UPDATE SET min_start = min(min_start, excluded.min_start),"
                + " max_start = max(max_start, excluded.max_start)");
        keys = connection.prepareStatement("INSERT OR IGNORE INTO block_keys (key, block) VALUES (?, ?)");
        blooms = connection.prepareStatement("INSERT OR REPLACE INTO block_ids (block, bloom) VALUES (?, ?)");
        readBloom = connection.prepareStatement("SELECT bloom FROM block_ids WHERE block = ?");
        facts = connection.prepareStatement("INSERT OR REPLACE INTO block_facts (block, facts) VALUES (?, ?)");
        readFacts = connection.prepareStatement("SELECT facts FROM block_facts WHERE block = ?");
    }

    void add(long id, AccessRecord r, long startMicros, long textId) throws SQLException {
        long block = Blocks.blockOf(id);
        Pending p = last != null && last.block == block ? last : open(block);
        p.minStart = Math.min(p.minStart, startMicros);
        p.maxStart = Math.max(p.maxStart, startMicros);
        long route = key(p, Blocks.ROUTE, routes, r.route());
        long model = key(p, Blocks.MODEL, models, r.model());
        long consumer = key(p, Blocks.CONSUMER, consumers, r.consumer());
        long upstream = key(p, Blocks.UPSTREAM, upstreams, r.upstreamHost());
        long cache = key(p, Blocks.CACHE, cacheStatuses, r.cacheStatus());
        long type = r.responseType() == null ? 0 : responseTypes.idOf(r.responseType());
        BlockFacts.put(p.facts, id, MinuteRollup.minuteOf(startMicros), r.responseCode(), route, model, consumer,
                upstream, cache, type, r.tokenRatelimitStatus() != null && !r.tokenRatelimitStatus().equals("pass"),
                r.fallbackFrom() != null);
        key(p, Blocks.key(Blocks.TEXT, textId));
        key(p, Blocks.key(Blocks.STATUS_CLASS, Blocks.statusClass(r.responseCode())));
        if (r.traceId() != null) {
            Blocks.bloomAdd(p.bloom, r.traceId());
        }
        if (r.requestId() != null) {
            Blocks.bloomAdd(p.bloom, r.requestId());
        }
    }

    /** Adds the value's block key; its number, 0 for none. */
    private long key(Pending p, int kind, ValueDictionary values, String value) throws SQLException {
        if (value == null) {
            return 0;
        }
        long id = values.idOf(value);
        key(p, Blocks.key(kind, id));
        return id;
    }

    private void key(Pending p, long key) {
        if (p.block != storedBlock || !storedKeys.contains(key)) {
            p.keys.add(key);
        }
    }

    /** A block new to this batch, with its filter and facts as stored so far (ids keep coming into the newest block). */
    private Pending open(long block) throws SQLException {
        byte[] bloom = last == null ? stored(readBloom, block) : null;
        byte[] stored = last == null ? stored(readFacts, block) : null;
        last = new Pending(block, bloom != null && bloom.length == Blocks.BLOOM_BYTES ? bloom : new byte[Blocks.BLOOM_BYTES],
                stored != null && stored.length == BlockFacts.BYTES ? stored
                        // A block begun before facts were kept (an upgraded file) can never be complete.
                        : bloom != null ? BlockFacts.incomplete() : BlockFacts.empty());
        pending.add(last);
        return last;
    }

    private static byte[] stored(PreparedStatement read, long block) throws SQLException {
        read.setLong(1, block);
        try (ResultSet row = read.executeQuery()) {
            return row.next() ? row.getBytes(1) : null;
        }
    }

    /** Writes what the batch added; part of the caller's transaction. */
    void flush() throws SQLException {
        for (Pending p : pending) {
            times.setLong(1, p.block);
            times.setLong(2, p.minStart);
            times.setLong(3, p.maxStart);
            times.executeUpdate();
            for (long key : p.keys) {
                keys.setLong(1, key);
                keys.setLong(2, p.block);
                keys.executeUpdate();
            }
            blooms.setLong(1, p.block);
            blooms.setBytes(2, p.bloom);
            blooms.executeUpdate();
            facts.setLong(1, p.block);
            facts.setBytes(2, p.facts);
            facts.executeUpdate();
            if (p.block != storedBlock) {
                storedBlock = p.block;
                storedKeys.clear();
            }
            storedKeys.addAll(p.keys);
        }
        pending.clear();
        last = null;
    }

    /** After a rolled back batch: nothing of it was stored, and the value numbers it took are free again. */
    void discard() {
        pending.clear();
        last = null;
        storedBlock = -1;
        storedKeys.clear();
        for (ValueDictionary values : new ValueDictionary[] {routes, models, consumers, upstreams, cacheStatuses,
                responseTypes}) {
            values.forget();
        }
    }

    @Override
    public void close() throws SQLException {
        for (AutoCloseable closeable : new AutoCloseable[] {routes, models, consumers, upstreams, cacheStatuses,
                responseTypes, times, keys, blooms, readBloom, facts, readFacts}) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw e instanceof SQLException sql ? sql : new SQLException(e);
            }
        }
    }
}
