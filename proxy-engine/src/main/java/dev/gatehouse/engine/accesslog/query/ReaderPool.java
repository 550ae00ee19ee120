package dev.gatehouse.engine.accesslog.query;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.function.IntSupplier;

/**
 * A few idle read connections kept for reuse; a query borrows one for its whole run. A connection
 * opened before the database file was replaced (a corrupt one set aside) still reads the old file,
 * so it is closed instead of reused.
 */
final class ReaderPool implements AutoCloseable {

    /** Opens a read-only connection. */
    @FunctionalInterface
    interface Opener {
        Connection open() throws SQLException;
    }

    private final Opener opener;
    private final IntSupplier generation;
    private final ArrayBlockingQueue<Connection> idle;
    private final Map<Connection, Integer> openedIn = new IdentityHashMap<>();
    private volatile boolean closed;

    ReaderPool(Opener opener, IntSupplier generation, int keep) {
        this.opener = opener;
        this.generation = generation;
        this.idle = new ArrayBlockingQueue<>(keep);
    }

    Connection borrow() throws SQLException {
        if (closed) {
            throw new SQLException("the access log queries are closed");
        }
        Connection connection;
        while ((connection = idle.poll()) != null) {
            if (current(connection)) {
                return connection;
            }
            discard(connection);
        }
        int now = generation.getAsInt();
        connection = opener.open();
        synchronized (openedIn) {
            openedIn.put(connection, now);
        }
        return connection;
    }

    void giveBack(Connection connection) {
        if (closed || !current(connection) || !idle.offer(connection)) {
            discard(connection);
        }
    }

    @Override
    public void close() {
        closed = true;
        Connection connection;
        while ((connection = idle.poll()) != null) {
            discard(connection);
        }
    }

    private boolean current(Connection connection) {
        synchronized (openedIn) {
            Integer opened = openedIn.get(connection);
            return opened != null && opened == generation.getAsInt();
        }
    }

    private void discard(Connection connection) {
        synchronized (openedIn) {
            openedIn.remove(connection);
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // A read connection holds nothing worth saving.
        }
    }
}
