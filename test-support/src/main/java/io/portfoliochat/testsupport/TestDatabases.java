package io.portfoliochat.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.testcontainers.mysql.MySQLContainer;

/**
 * Real MySQL-compatible databases for integration tests, one fresh database per test class.
 *
 * <p>Where the server comes from, in order: {@code TEST_DATABASE_URL} (a server URL such as
 * {@code jdbc:mysql://db:3306/} or {@code jdbc:mariadb://db:3306/}, with {@code TEST_DATABASE_USERNAME}/{@code TEST_DATABASE_PASSWORD});
 * a MariaDB/MySQL listening on 127.0.0.1:3306 as root without password (this machine);
 * a Testcontainers MySQL when a Docker engine is present. Otherwise the test fails and says how
 * to start a database: it never skips.
 */
public final class TestDatabases {

    private static final String MYSQL_PARAMETERS = "?characterEncoding=UTF-8&allowPublicKeyRetrieval=true&useSSL=false";
    private static Server server;
    private static final List<String> created = new ArrayList<>();

    private TestDatabases() {
    }

    /** A server reachable by the tests. */
    public record Server(String baseUrl, String username, String password) {

        /** MariaDB servers get the MariaDB driver (and Hibernate's MariaDB dialect); MySQL ones Connector/J. */
        public String urlFor(String database) {
            return baseUrl + database + (baseUrl.startsWith("jdbc:mysql:") ? MYSQL_PARAMETERS : "");
        }
    }

    /** A database created for one test class; dropped when the JVM exits. */
    public record Database(String name, String url, String username, String password) {
    }

    public static synchronized Database create(String hint) {
        Server target = server();
        String name = ("t_" + hint.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT))
                .substring(0, Math.min(40, 2 + hint.replaceAll("[^A-Za-z0-9]", "").length()))
                + "_" + UUID.randomUUID().toString().substring(0, 8);
        execute(target, "CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        created.add(name);
        return new Database(name, target.urlFor(name), target.username(), target.password());
    }

    public static synchronized Server server() {
        if (server == null) {
            server = locate();
            Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::dropCreated, "drop-test-databases"));
        }
        return server;
    }

    private static Server locate() {
        String url = System.getenv("TEST_DATABASE_URL");
        if (url != null && !url.isBlank()) {
            String base = url.endsWith("/") ? url : url + "/";
            return new Server(base, envOr("TEST_DATABASE_USERNAME", "root"), envOr("TEST_DATABASE_PASSWORD", ""));
        }
        Server local = new Server("jdbc:mariadb://127.0.0.1:3306/", "root", "");
        if (reachable(local)) {
            return local;
        }
        if (DockerAvailability.available()) {
            MySQLContainer container = new MySQLContainer("mysql:8.4").withUsername("root").withPassword("test");
            container.start();
            return new Server("jdbc:mysql://" + container.getHost() + ":" + container.getMappedPort(3306) + "/", "root", "test");
        }
        throw new IllegalStateException("""
                No MySQL-compatible database for the integration tests. Either:
                  - start MariaDB on 127.0.0.1:3306 (root, empty password), e.g.
                    start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
                  - or set TEST_DATABASE_URL (e.g. jdbc:mysql://host:3306/) with TEST_DATABASE_USERNAME/PASSWORD
                  - or run a Docker engine so Testcontainers can start MySQL.""");
    }

    private static boolean reachable(Server candidate) {
        DriverManager.setLoginTimeout(3);
        try (Connection ignored = DriverManager.getConnection(candidate.urlFor(""), candidate.username(), candidate.password())) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    public static void execute(Server target, String sql) {
        try (Connection connection = DriverManager.getConnection(target.urlFor(""), target.username(), target.password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run '" + sql + "' on " + target.baseUrl() + ": " + e.getMessage(), e);
        }
    }

    private static synchronized void dropCreated() {
        for (String name : created) {
            try {
                execute(server, "DROP DATABASE IF EXISTS `" + name + "`");
            } catch (RuntimeException ignored) {
                // The server may already be gone at JVM exit; a leftover test database is harmless.
            }
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
