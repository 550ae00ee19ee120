package dev.gatehouse.engine.accesslog.query;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;

/** A few idle read connections kept for reuse; a query borrows one for its whole run. */
final class ReaderPool implements AutoCloseable {

    /** Opens a read-only connection. */
    @FunctionalInterface
    interface Opener {
        Connection open() throws SQLException;
    }

    private final Opener opener;
    private final ArrayBlockingQueue<Connection> idle;
    private volatile boolean closed;

    ReaderPool(Opener opener, int keep) {
        this.opener = opener;
        this.idle = new ArrayBlockingQueue<>(keep);
    }

    Connection borrow() throws SQLException {
        if (closed) {
            throw new SQLException("the access log queries are closed");
        }
        Connection connection = idle.poll();
        return connection != null ? connection : opener.open();
    }

    void giveBack(Connection connection) {
        if (closed || !idle.offer(connection)) {
            closeQuietly(connection);
        }
    }

    @Override
    public void close() {
        closed = true;
        Connection connection;
        while ((connection = idle.poll()) != null) {
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // A read connection holds nothing worth saving.
        }
    }
}
