package io.portfoliochat.system.security;

import static org.awaitility.Awaitility.await;

import io.portfoliochat.stack.StackConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Direct JDBC access to the running stack's two databases, to prove what an HTTP answer cannot:
 * that a refused request wrote nothing (every table's row count and checksum unchanged) and that
 * accepted text is stored exactly as sent.
 */
final class StackDatabases {

    static final String CHAT = "portfolio_chat_chat";
    static final String ADMIN = "portfolio_chat_admin";
    private static final List<String> DATABASES = List.of(CHAT, ADMIN);
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final String serverUrl;
    private final String username;
    private final String password;

    StackDatabases(StackConfig config) {
        this.serverUrl = config.databaseServerUrl() != null
                ? config.databaseServerUrl()
                : "jdbc:mariadb://127.0.0.1:" + config.embeddedDatabasePort() + "/";
        this.username = config.databaseUsername();
        this.password = config.databasePassword();
    }

    /** Every table of both databases: row count and content checksum, keyed by {@code database.table}. */
    Map<String, String> snapshot() {
        Map<String, String> tables = new TreeMap<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String table : tableNames(connection)) {
                long rows;
                try (ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    count.next();
                    rows = count.getLong(1);
                }
                try (ResultSet checksum = statement.executeQuery("CHECKSUM TABLE " + table)) {
                    checksum.next();
                    tables.put(table, rows + " rows, checksum " + checksum.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the stack's databases at " + serverUrl + ": " + e.getMessage(), e);
        }
        return tables;
    }

    /**
     * Waits until both services' outboxes are empty (every committed event published), so a snapshot
     * taken next is not disturbed by the relay deleting rows.
     */
    void awaitOutboxesDrained() {
        await().atMost(WAIT).until(() -> count(CHAT, "outbox_event") == 0 && count(ADMIN, "outbox_event") == 0);
    }

    long count(String database, String table) {
        return single("SELECT COUNT(*) FROM `" + database + "`.`" + table + "`", ResultSetReader.LONG);
    }

    /** The stored content of a chat message, exactly as the database holds it. */
    String messageContent(long messageId) {
        try (Connection connection = connect();
             PreparedStatement query = connection.prepareStatement("SELECT content FROM `" + CHAT + "`.message WHERE id = ?")) {
            query.setLong(1, messageId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A text column of the conversation row (visitor name or email), exactly as stored. */
    String conversationColumn(long conversationId, String column) {
        if (!List.of("visitor_name", "visitor_email").contains(column)) {
            throw new IllegalArgumentException(column);
        }
        try (Connection connection = connect();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT " + column + " FROM `" + CHAT + "`.conversation WHERE id = ?")) {
            query.setLong(1, conversationId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> tableNames(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT table_schema, table_name FROM information_schema.tables WHERE table_schema IN (?, ?) "
                        + "AND table_type = 'BASE TABLE' ORDER BY table_schema, table_name")) {
            query.setString(1, DATABASES.get(0));
            query.setString(2, DATABASES.get(1));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    names.add("`" + rows.getString(1) + "`.`" + rows.getString(2) + "`");
                }
            }
        }
        if (names.isEmpty()) {
            throw new IllegalStateException("No tables found in " + DATABASES + " at " + serverUrl);
        }
        return names;
    }

    private <T> T single(String sql, ResultSetReader<T> reader) {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return reader.read(rows);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(serverUrl, username, password);
    }

    @FunctionalInterface
    private interface ResultSetReader<T> {

        ResultSetReader<Long> LONG = rows -> rows.getLong(1);

        T read(ResultSet rows) throws SQLException;
    }
}
