package jp.suijin.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay between the domain's pools and MariaDB, so a test can cut the database off and bring
 * it back (a real outage: connections refused and open ones reset) without stopping a MariaDB that
 * may be the machine's shared one.
 */
public final class DatabaseRelay implements AutoCloseable {

    private final int port;
    private final InetSocketAddress target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;

    private DatabaseRelay(int port, InetSocketAddress target) {
        this.port = port;
        this.target = target;
    }

    /** Relays {@code port} on the loopback to the host and port of {@code jdbcUrl}. */
    static DatabaseRelay start(int port, String jdbcUrl) throws IOException {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        DatabaseRelay relay = new DatabaseRelay(port, new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 3306
                : uri.getPort()));
        relay.restore();
        return relay;
    }

    /** {@code jdbcUrl} with its host and port replaced by the relay's. */
    String url(String jdbcUrl) {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        return "jdbc:" + uri.getScheme() + "://127.0.0.1:" + port + uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /** The database becomes unreachable: open connections are reset, new ones refused. */
    public synchronized void cut() {
        ServerSocket s = server;
        server = null;
        if (s != null) {
            close(s);
        }
        for (Socket socket : open) {
            try {
                // a reset, as a database host that went away would leave
                socket.setSoLinger(true, 0);
            } catch (IOException e) {
                // closed meanwhile by its pipe
            }
            close(socket);
        }
    }

    /** The database is reachable again. */
    public synchronized void restore() throws IOException {
        if (server != null) {
            return;
        }
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        server = s;
        Thread accept = new Thread(() -> accept(s), "db-relay-" + port);
        accept.setDaemon(true);
        accept.start();
    }

    private void accept(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket client = s.accept();
                Socket db = new Socket();
                db.connect(target, 5_000);
                open.add(client);
                open.add(db);
                pipe(client, db);
                pipe(db, client);
            } catch (IOException e) {
                // closed by cut(), or one connection failed: the pool sees it as the database would show it
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) >= 0;) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // the other side closed, or the relay was cut
            } finally {
                close(from);
                close(to);
            }
        }, "db-relay-pipe");
        t.setDaemon(true);
        t.start();
    }

    private void close(java.io.Closeable s) {
        open.remove(s);
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        cut();
    }
}
