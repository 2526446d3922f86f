package yardstick.platform.database;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Finds loopback TCP ports nobody listens on. They are taken below Linux's ephemeral range
 * (32768 and up), where the kernel hands out ports for outgoing connections, so that a port found
 * now is not taken by some connection before its server binds it.
 */
public final class FreePort {

    private static final int LOWEST = 20000;
    private static final int HIGHEST = 32000;

    private FreePort() {
    }

    public static int find() {
        return findAll(1).get(0);
    }

    /** {@code count} different free ports. */
    public static List<Integer> findAll(int count) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int attempt = 0; held.size() < count && attempt < 10_000; attempt++) {
                int port = ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST);
                ServerSocket socket = new ServerSocket();
                try {
                    socket.setReuseAddress(true);
                    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                    held.add(socket);
                } catch (IOException taken) {
                    socket.close();
                }
            }
            if (held.size() < count) {
                throw new IllegalStateException("could not find " + count + " free ports between " + LOWEST + " and " + HIGHEST);
            }
            return held.stream().map(ServerSocket::getLocalPort).toList();
        } catch (IOException e) {
            throw new IllegalStateException("could not look for free ports", e);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // nothing to do: the port is free either way
                }
            }
        }
    }
}
