package io.newsflow.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Loopback port helpers: the local stack only ever binds 127.0.0.1. */
public final class Ports {
    public static final String LOOPBACK = "127.0.0.1";

    private Ports() {}

    /**
     * How long a child may take to become ready: 180 s unless -Dnewsflow.stack.startTimeoutSeconds says otherwise.
     * Generous because a busy 2-core machine starting a broker and a registry at once takes minutes, while a dead
     * child is reported at once anyway.
     */
    public static java.time.Duration defaultStartTimeout() {
        return java.time.Duration.ofSeconds(Long.getLong("newsflow.stack.startTimeoutSeconds", 180));
    }

    /** A port that was free a moment ago (the OS picks it); there is a small race until the child binds it. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("could not find a free port on " + LOOPBACK, e);
        }
    }

    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(LOOPBACK, port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether something accepts TCP connections on the port. */
    public static boolean accepts(int port) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new InetSocketAddress(LOOPBACK, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Fails with a message naming the port, what wanted it and how to get out of the way. */
    public static void requireFree(int port, String what, String hint) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(what + " port " + port + " is out of range 0-65535 (0 picks a free one)");
        }
        if (port != 0 && !isFree(port)) {
            throw new IllegalStateException(what + " port " + LOOPBACK + ":" + port
                    + " is already in use; stop what holds it (e.g. an earlier run) or " + hint);
        }
    }
}
