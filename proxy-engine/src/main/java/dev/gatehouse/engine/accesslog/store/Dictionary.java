package dev.gatehouse.engine.accesslog.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Numbers values the writer sees over and over (texts, routes, models...): each is stored once
 * in its table and looked up in memory afterwards. Writer thread only. The memory holds at most
 * {@link #REMEMBERED} values (past that it starts over, asking the table again); after a rolled
 * back batch it must {@link #forget()}, since the numbers it handed out in that batch are gone.
 */
abstract class Dictionary<K> implements AutoCloseable {

    private static final int REMEMBERED = 100_000;

    private final Map<K, Long> ids = new HashMap<>();
    private final PreparedStatement find;
    private final PreparedStatement add;

    /** {@code find} selects the id of a value, {@code add} inserts one {@code RETURNING id}; both bound by {@link #bind}. */
    Dictionary(PreparedStatement find, PreparedStatement add) {
        this.find = find;
        this.add = add;
    }

    abstract void bind(PreparedStatement statement, K value) throws SQLException;

    /** Called after a new value was stored under {@code id}, in the same transaction. */
    void added(long id, K value) throws SQLException {
    }

    long idOf(K value) throws SQLException {
        Long id = ids.get(value);
        if (id == null) {
            id = stored(value);
            if (ids.size() >= REMEMBERED) {
                ids.clear();
            }
            ids.put(value, id);
        }
        return id;
    }

    private long stored(K value) throws SQLException {
        bind(find, value);
        try (ResultSet row = find.executeQuery()) {
            if (row.next()) {
                return row.getLong(1);
            }
        }
        bind(add, value);
        long id;
        try (ResultSet row = add.executeQuery()) {
            row.next();
            id = row.getLong(1);
        }
        added(id, value);
        return id;
    }

    void forget() {
        ids.clear();
    }

    @Override
    public void close() throws SQLException {
        find.close();
        add.close();
    }
}
