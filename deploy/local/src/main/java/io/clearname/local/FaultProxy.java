package io.clearname.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A TCP proxy on 127.0.0.1 in front of one server, for faults the server itself cannot play: clients connect to the
 * proxy's port, which forwards every byte both ways.
 *
 * <ul>
 *   <li>{@link #freeze()}: every connection hangs as if the server had stopped. Nothing is forwarded either way and
 *       nothing is closed (no FIN, no RST); a new connection is accepted (as the kernel of a frozen server would) but
 *       not served. What a client sends meanwhile waits in the proxy. {@link #thaw()} delivers it and carries on where
 *       everything stood, so a request sent during the freeze takes effect after it, even if its client gave up and
 *       closed the connection in between: the close reaches the server only after the bytes sent before it.
 *   <li>{@link #cut()}: the proxy stops listening and closes every connection, as a stopped server does: clients see
 *       their connections closed and new ones refused until {@link #restore()} listens on the same port again.
 * </ul>
 *
 * <p>Two threads per connection, blocking I/O: the suites it serves hold tens of connections, not thousands.
 */
public final class FaultProxy implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(FaultProxy.class.getName());
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration BIND_TIMEOUT = Duration.ofSeconds(10);
    private static final int BUFFER = 16 * 1024;

    private final String name;
    private final InetSocketAddress target;
    private final int port;
    private final ExecutorService threads;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * Guards {@link #frozen} and {@link #listener}; pumps wait on it while frozen. {@link #cut()} and {@link
     * #restore()} are serialised on the proxy itself.
     */
    private final Object lock = new Object();

    private boolean frozen;
    private ServerSocket listener;

    private FaultProxy(String name, int port, InetSocketAddress target) {
        this.name = name;
        this.port = port;
        this.target = target;
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, name + "-proxy-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts forwarding {@code port} to {@code target}.
     *
     * @param name for thread names and log lines
     * @param port the port on 127.0.0.1, 0 for a free one
     * @param target the server's address
     */
    public static FaultProxy start(String name, int port, InetSocketAddress target) {
        FaultProxy proxy = new FaultProxy(name, Ports.orFree(port), target);
        proxy.restore();
        return proxy;
    }

    /** The port clients connect to. */
    public int port() {
        return port;
    }

    /** {@code 127.0.0.1:<port>}. */
    public String address() {
        return "127.0.0.1:" + port;
    }

    /** The server's address. */
    public InetSocketAddress target() {
        return target;
    }

    /** The client connections open now. */
    public int connections() {
        return links.size();
    }

    /** Whether the proxy is frozen. */
    public boolean frozen() {
        synchronized (lock) {
            return frozen;
        }
    }

    /** Stops forwarding, on every connection and for new ones, until {@link #thaw()}. Idempotent. */
    public void freeze() {
        synchronized (lock) {
            frozen = true;
        }
        LOG.info(() -> name + " frozen (" + links.size() + " connections)");
    }

    /** Forwards again what waited and what comes. Idempotent. */
    public void thaw() {
        synchronized (lock) {
            frozen = false;
            lock.notifyAll();
        }
        LOG.info(() -> name + " thawed");
    }

    /**
     * Stops listening and closes every connection: clients see their connections closed and new ones refused until
     * {@link #restore()}. Also thaws, since a stopped server holds nothing back.
     */
    public synchronized void cut() {
        ServerSocket old;
        synchronized (lock) {
            old = listener;
            listener = null;
            frozen = false;
            lock.notifyAll();
        }
        closeQuietly(old);
        links.forEach(Link::close);
        LOG.info(() -> name + " cut");
    }

    /** Listens on the same port again (after {@link #cut()}); does nothing while it listens. */
    public synchronized void restore() {
        if (closed.get()) {
            throw new IllegalStateException(name + " proxy is closed");
        }
        synchronized (lock) {
            if (listener != null) {
                return;
            }
        }
        ServerSocket socket = bind(); // outside the lock: pumps waiting for a thaw need it
        synchronized (lock) {
            listener = socket;
        }
        threads.execute(() -> accept(socket));
    }

    /** Stops listening, closes every connection and the threads. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        cut();
        threads.shutdownNow();
    }

    /**
     * Binds the port again; right after {@link #cut()} a connection of the old socket may still hold it for a moment.
     */
    private ServerSocket bind() {
        Instant deadline = Instant.now().plus(BIND_TIMEOUT);
        while (true) {
            try {
                ServerSocket socket = new ServerSocket();
                socket.setReuseAddress(true);
                try {
                    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
                    return socket;
                } catch (IOException e) {
                    socket.close();
                    throw e;
                }
            } catch (IOException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new UncheckedIOException(name + " proxy cannot listen on 127.0.0.1:" + port, e);
                }
                try {
                    TimeUnit.MILLISECONDS.sleep(50); // a retry interval, not synchronisation
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", interrupted);
                }
            }
        }
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException e) {
                return; // cut or closed
            }
            Link link = new Link(client);
            links.add(link);
            try {
                threads.execute(link::open);
            } catch (RuntimeException e) {
                link.close(); // closing
            }
        }
    }

    /** Returns once thawed, or at once when the link is closed. */
    private void awaitThawed(Link link) throws InterruptedException {
        synchronized (lock) {
            while (frozen && !link.closed.get()) {
                lock.wait();
            }
        }
    }

    /** One client connection and the one it opened to the server. */
    private final class Link {
        private final Socket client;
        private final AtomicBoolean closed = new AtomicBoolean();
        private final AtomicInteger pumping = new AtomicInteger(2);
        private volatile Socket server;

        Link(Socket client) {
            this.client = client;
        }

        /** Connects to the server once thawed, then forwards both ways. */
        void open() {
            try {
                client.setTcpNoDelay(true);
                awaitThawed(this);
                if (closed.get()) {
                    return;
                }
                Socket socket = new Socket();
                server = socket;
                socket.setTcpNoDelay(true);
                socket.connect(target, (int) CONNECT_TIMEOUT.toMillis());
                if (closed.get()) {
                    closeQuietly(socket);
                    return;
                }
                threads.execute(() -> pump(client, socket));
                pump(socket, client);
            } catch (IOException | RuntimeException e) {
                // server down or proxy closing: the client sees its connection closed, as with a stopped server
                LOG.log(Level.FINE, name + ": cannot reach " + target, e);
                close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
            }
        }

        /**
         * Copies {@code from} to {@code to} until {@code from} ends, then passes the end on (half-close), so that the
         * other direction still carries the answer to what was sent last. Every step waits while frozen, the end
         * included: a frozen server does not see its client leave either.
         */
        private void pump(Socket from, Socket to) {
            byte[] buffer = new byte[BUFFER];
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                while (true) {
                    int n;
                    try {
                        n = in.read(buffer);
                    } catch (IOException e) {
                        n = -1; // reset by the peer: pass on an end, after what arrived before it
                    }
                    awaitThawed(this);
                    if (closed.get()) {
                        return;
                    }
                    if (n < 0) {
                        to.shutdownOutput();
                        break;
                    }
                    out.write(buffer, 0, n);
                }
            } catch (IOException e) {
                close(); // the receiving side is gone
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                return;
            }
            if (pumping.decrementAndGet() == 0) {
                close();
            }
        }

        void close() {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            links.remove(this);
            closeQuietly(client);
            closeQuietly(server);
            synchronized (lock) {
                lock.notifyAll(); // a pump of this link may wait for a thaw
            }
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.log(Level.FINE, "cannot close " + closeable, e);
        }
    }
}
