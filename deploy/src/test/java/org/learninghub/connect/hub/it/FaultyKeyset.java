package org.learninghub.connect.hub.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A platform keyset endpoint on 127.0.0.1 that fails the way a sick platform does, and counts what the
 * tool did to it: how many connections (fetch attempts), how many open at once, and how long the tool
 * kept the longest one open before giving up. Raw sockets, because a well-behaved HTTP server cannot
 * stay silent or drip.
 */
final class FaultyKeyset implements AutoCloseable {

    enum Mode {
        /** Accepts the connection, reads the request and never answers a byte. */
        SILENT,
        /** Answers a valid status line and headers at once, then the body one byte a second. */
        DRIP
    }

    /** What the dripped body says, were it ever shown: a tool page must not contain it. */
    static final String MARKER = TestPlatform.HOSTILE_MARKER;
    private static final int MAX_REQUEST_HEAD = 16 * 1024;

    private final Mode mode;
    private final ServerSocket socket;
    private final ExecutorService connections = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "faulty-keyset");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger peakOpen = new AtomicInteger();
    private final AtomicLong longestHeldMillis = new AtomicLong();
    private final AtomicLong bytesSent = new AtomicLong();

    private FaultyKeyset(Mode mode) throws IOException {
        this.mode = mode;
        this.socket = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "faulty-keyset-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static FaultyKeyset start(Mode mode) {
        try {
            return new FaultyKeyset(mode);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/jwks");
    }

    /** Connections the tool opened: one per fetch attempt. */
    int fetchAttempts() {
        return accepted.get();
    }

    int openNow() {
        return open.get();
    }

    /** Most connections the tool held open at the same moment: request threads tied up by this platform. */
    int peakOpen() {
        return peakOpen.get();
    }

    /** From accepting a connection to the tool closing it, the longest. */
    long longestHeldMillis() {
        return longestHeldMillis.get();
    }

    long bytesSent() {
        return bytesSent.get();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                accepted.incrementAndGet();
                peakOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
                connections.execute(() -> serve(client));
            } catch (IOException e) {
                // closed by close()
            }
        }
    }

    private void serve(Socket client) {
        long begin = System.nanoTime();
        try (client) {
            InputStream in = client.getInputStream();
            readRequestHead(in);
            if (mode == Mode.DRIP) {
                drip(client, in);
            } else {
                // Silence until the tool hangs up: read() returns -1 when it closes the connection.
                while (in.read() >= 0) {
                    // a client sending more is ignored
                }
            }
        } catch (IOException e) {
            // the tool reset the connection: it gave up
        } finally {
            longestHeldMillis.accumulateAndGet((System.nanoTime() - begin) / 1_000_000, Math::max);
            open.decrementAndGet();
        }
    }

    /** Headers now, then a byte of the body each second until the tool closes the connection. */
    private void drip(Socket client, InputStream in) throws IOException {
        byte[] body = ("{\"keys\":[],\"note\":\"" + MARKER + "\"}" + " ".repeat(1024))
                .getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\nCache-Control: no-store\r\n\r\n";
        OutputStream out = client.getOutputStream();
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        // Waiting for the tool to close doubles as the one-second pause between bytes.
        client.setSoTimeout(1000);
        for (byte b : body) {
            out.write(b);
            out.flush();
            bytesSent.incrementAndGet();
            try {
                if (in.read() < 0) {
                    return;
                }
            } catch (SocketTimeoutException stillThere) {
                // next byte
            }
        }
    }

    private static void readRequestHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        for (int read = 0; read < MAX_REQUEST_HEAD && matched < end.length; read++) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the tool closed before its request was complete");
            }
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        connections.shutdownNow();
    }
}
