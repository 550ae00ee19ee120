package dev.gatehouse.engine.accesslog.store;

import dev.gatehouse.engine.accesslog.AccessRecord;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The distinct (path, user agent, errors) texts of the records, each stored once in {@code texts}
 * with its words in {@code texts_fts}: a record only keeps the text's number, so only a new
 * combination pays for the full-text index.
 */
final class TextDictionary extends Dictionary<TextDictionary.Text> {

    /** A record's searchable words; missing parts are empty. */
    record Text(String path, String userAgent, String errors) {

        static Text of(AccessRecord r) {
            return new Text(orEmpty(r.path()), orEmpty(r.userAgent()), orEmpty(errors(r)));
        }

        /** The error words of a record: its response code details unless plain "via_upstream", and its transport failure. */
        private static String errors(AccessRecord r) {
            String details = "via_upstream".equals(r.responseCodeDetails()) ? null : r.responseCodeDetails();
            String failure = r.upstreamTransportFailureReason();
            return details == null ? failure : failure == null ? details : details + " " + failure;
        }

        private static String orEmpty(String value) {
            return value == null ? "" : value;
        }
    }

    private final PreparedStatement words;

    TextDictionary(Connection connection) throws SQLException {
        super(connection.prepareStatement("SELECT id FROM texts WHERE path = ? AND user_agent = ? AND errors = ?"),
                connection.prepareStatement("INSERT INTO texts (path, user_agent, errors) VALUES (?, ?, ?) RETURNING id"));
        words = connection.prepareStatement("INSERT INTO texts_fts (rowid, path, user_agent, errors) VALUES (?, ?, ?, ?)");
    }

    @Override
    void bind(PreparedStatement statement, Text text) throws SQLException {
        statement.setString(1, text.path());
        statement.setString(2, text.userAgent());
        statement.setString(3, text.errors());
    }

    @Override
    void added(long id, Text text) throws SQLException {
        words.setLong(1, id);
        words.setString(2, text.path());
        words.setString(3, text.userAgent());
        words.setString(4, text.errors());
        words.executeUpdate();
    }

    @Override
    public void close() throws SQLException {
        super.close();
        words.close();
    }
}
