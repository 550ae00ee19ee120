package dev.gatehouse.engine.accesslog.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** The numbers in {@code dim_values} of one kind of value ({@link Blocks#ROUTE}, {@link Blocks#MODEL}...). */
final class ValueDictionary extends Dictionary<String> {

    private final int kind;

    ValueDictionary(Connection connection, int kind) throws SQLException {
        super(connection.prepareStatement("SELECT id FROM dim_values WHERE kind = ? AND value = ?"),
                connection.prepareStatement("INSERT INTO dim_values (kind, value) VALUES (?, ?) RETURNING id"));
        this.kind = kind;
    }

    @Override
    void bind(PreparedStatement statement, String value) throws SQLException {
        statement.setInt(1, kind);
        statement.setString(2, value);
    }
}
