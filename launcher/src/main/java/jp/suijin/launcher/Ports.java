package jp.suijin.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Checks that the ports we are about to listen on are free, so the user gets one clear line instead of a failed start. */
public final class Ports {

    private Ports() {
    }

    public static void requireFree(int port, String what, String option) {
        if (port < 1 || port > 65535) {
            throw new LaunchException("Port " + port + " for " + what + " is not a valid port number (" + option + ")");
        }
        try (ServerSocket socket = new ServerSocket()) {
            // like the servers themselves: connections in TIME_WAIT do not make a port busy
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), port));
        } catch (IOException e) {
            throw new LaunchException("Port " + port + " for " + what + " is already in use; choose another with "
                    + option + "=<port> (or stop what is using it)");
        }
    }
}
