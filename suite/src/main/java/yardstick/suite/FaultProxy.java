package yardstick.suite;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy that stands between a service and its neighbour and can break the link on demand: cut
 * it (every connection closed, new ones closed as soon as they are accepted), stall it (connections
 * stay open but no byte passes either way), or slow it (each chunk held for a while), and restore
 * it. The faults a network gives, without Docker or Toxiproxy; plain sockets, a thread a direction.
 */
public final class FaultProxy implements AutoCloseable {

    private enum Fault { NONE, CUT, STALL }

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Object gate = new Object();
    private volatile Fault fault = Fault.NONE;
    private volatile Duration delay = Duration.ZERO;

    private FaultProxy(ServerSocket server, InetSocketAddress target) {
        this.server = server;
        this.target = target;
    }

    /** Listens on loopback at {@code port} (0 picks a free one) and forwards to {@code targetHost:targetPort}. */
    public static FaultProxy start(int port, String targetHost, int targetPort) {
        try {
            ServerSocket server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
            FaultProxy proxy = new FaultProxy(server, new InetSocketAddress(targetHost, targetPort));
            Thread acceptor = new Thread(proxy::accept, "fault-proxy-" + server.getLocalPort());
            acceptor.setDaemon(true);
            acceptor.start();
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException("could not listen on port " + port, e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    public String address() {
        return "localhost:" + port();
    }

    /** Closes every connection, and each new one as soon as it is accepted, until {@link #restore}. */
    public void cut() {
        setFault(Fault.CUT);
        open.forEach(FaultProxy::closeQuietly);
    }

    /** Lets no byte through either way, on open connections and new ones, until {@link #restore}. */
    public void stall() {
        setFault(Fault.STALL);
    }

    /** Holds each chunk that passes for {@code perChunk} (zero: not at all). */
    public void slow(Duration perChunk) {
        delay = perChunk;
    }

    /** The link as it was: every fault and delay gone. */
    public void restore() {
        delay = Duration.ZERO;
        setFault(Fault.NONE);
    }

    @Override
    public void close() {
        closeQuietly(server);
        open.forEach(FaultProxy::closeQuietly);
        setFault(Fault.NONE);
    }

    private void setFault(Fault next) {
        synchronized (gate) {
            fault = next;
            gate.notifyAll();
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            if (fault == Fault.CUT) {
                closeQuietly(client);
                continue;
            }
            Socket upstream = new Socket();
            try {
                upstream.connect(target, 5_000);
            } catch (IOException e) {
                closeQuietly(client); // the neighbour itself is not there: as the network would say
                closeQuietly(upstream);
                continue;
            }
            open.add(client);
            open.add(upstream);
            pump(client, upstream, "up");
            pump(upstream, client, "down");
        }
    }

    private void pump(Socket from, Socket to, String direction) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    if (!pass()) {
                        break;
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                // one side closed or was cut: the other goes with it
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "fault-proxy-" + port() + "-" + direction);
        thread.setDaemon(true);
        thread.start();
    }

    /** Waits out a stall and the delay; false if the link was cut meanwhile. */
    private boolean pass() {
        synchronized (gate) {
            while (fault == Fault.STALL) {
                try {
                    gate.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            if (fault == Fault.CUT) {
                return false;
            }
        }
        Duration wait = delay;
        if (!wait.isZero()) {
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return fault != Fault.CUT;
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // already gone
        }
    }

    /**
     * {@code ./yardstick proxy PORT HOST:PORT}: forwards PORT to HOST:PORT and reads commands from the terminal,
     * {@code cut}, {@code stall}, {@code slow MILLIS}, {@code restore}, {@code quit}.
     */
    static int run(String[] args) throws IOException {
        if (args.length != 2 || !args[1].contains(":")) {
            System.out.println("usage: ./yardstick proxy PORT HOST:PORT, then type cut, stall, slow MILLIS, restore or quit");
            return 2;
        }
        String host = args[1].substring(0, args[1].lastIndexOf(':'));
        int targetPort = Integer.parseInt(args[1].substring(args[1].lastIndexOf(':') + 1));
        try (FaultProxy proxy = start(Integer.parseInt(args[0]), host, targetPort);
             BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            System.out.println("Forwarding " + proxy.address() + " to " + args[1] + "; type cut, stall, slow MILLIS, restore or quit");
            String line;
            while ((line = commands.readLine()) != null) {
                String[] words = line.trim().split("\\s+");
                switch (words[0]) {
                    case "cut" -> proxy.cut();
                    case "stall" -> proxy.stall();
                    case "slow" -> proxy.slow(Duration.ofMillis(words.length > 1 ? Long.parseLong(words[1]) : 100));
                    case "restore" -> proxy.restore();
                    case "quit" -> {
                        return 0;
                    }
                    default -> {
                        System.out.println("cut, stall, slow MILLIS, restore or quit");
                        continue;
                    }
                }
                System.out.println("ok: " + line.trim());
            }
        }
        return 0;
    }
}
