package org.learninghub.connect.lti.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KeysetRetrieverTest {

    static final String KEYSET = "{\"keys\":[]}";

    HttpServer server;
    final AtomicInteger keysetFetches = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/jwks", exchange -> {
            keysetFetches.incrementAndGet();
            send(exchange, 200, KEYSET);
        });
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", url("/jwks").toString());
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/huge", exchange -> send(exchange, 200, "{\"keys\":[],\"x\":\"" + "a".repeat(10_000) + "\"}"));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void fetchesTheRegisteredUrl() throws IOException {
        assertEquals(KEYSET, new KeysetRetriever(2000, 2000, 1000).retrieveResource(url("/jwks")).getContent());
    }

    @Test
    void aRedirectIsAnErrorAndItsTargetIsNeverFetched() {
        IOException e = assertThrows(IOException.class,
                () -> new KeysetRetriever(2000, 2000, 1000).retrieveResource(url("/moved")));
        assertTrue(e.getMessage().contains("302"), e.getMessage());
        assertEquals(0, keysetFetches.get());
    }

    @Test
    void aKeysetOverTheSizeLimitIsRefusedWhileReading() {
        assertThrows(IOException.class, () -> new KeysetRetriever(2000, 2000, 1000).retrieveResource(url("/huge")));
    }

    /**
     * A keyset server that sends a valid answer one byte every 100 ms (each read well within the read
     * timeout, the whole answer taking seconds): the fetch as a whole must still end at its bound.
     */
    @Test
    void aKeysetTrickledByteByByteIsCutOffAtTheWholeFetchBound() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> {
                try (Socket client = socket.accept()) {
                    client.getInputStream().read(new byte[4096]);
                    String answer = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                            + KEYSET.length() + "\r\n\r\n" + KEYSET;
                    for (byte b : answer.getBytes(StandardCharsets.US_ASCII)) {
                        client.getOutputStream().write(b);
                        client.getOutputStream().flush();
                        Thread.sleep(100);
                    }
                } catch (IOException | InterruptedException e) {
                    // the client gave up, as it should
                }
            });
            server.setDaemon(true);
            server.start();
            URL url = new URL("http://127.0.0.1:" + socket.getLocalPort() + "/jwks");
            assertThrows(IOException.class, () -> new KeysetRetriever(300, 300, 1000).retrieveResource(url));
        }
    }

    /**
     * A keyset server that sends its status line and headers at once, then the body a byte at a time, each
     * within the read timeout: the fetch fails at its bound and the tool hangs up, rather than leaving the
     * connection to be drained in the background at the server's pace.
     */
    @Test
    void aKeysetWhoseBodyDripsIsCutOffAndTheConnectionClosed() throws Exception {
        String body = "{\"keys\":[]," + "\"x\":\"" + "a".repeat(100) + "\"}";
        AtomicInteger bodyBytesSent = new AtomicInteger();
        try (ServerSocket socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> {
                try (Socket client = socket.accept()) {
                    client.getInputStream().read(new byte[4096]);
                    OutputStream out = client.getOutputStream();
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                            + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    client.setSoTimeout(50);
                    for (byte b : body.getBytes(StandardCharsets.US_ASCII)) {
                        out.write(b);
                        out.flush();
                        bodyBytesSent.incrementAndGet();
                        try {
                            if (client.getInputStream().read() < 0) {
                                return;
                            }
                        } catch (java.net.SocketTimeoutException stillOpen) {
                            // next byte
                        }
                    }
                } catch (IOException e) {
                    // the client hung up
                }
            });
            server.setDaemon(true);
            server.start();
            URL url = new URL("http://127.0.0.1:" + socket.getLocalPort() + "/jwks");
            assertThrows(IOException.class, () -> new KeysetRetriever(300, 300, 1000).retrieveResource(url));
            server.join(30_000);
            assertTrue(bodyBytesSent.get() < body.length(),
                    "the connection was drained to the end (" + bodyBytesSent + " bytes) instead of closed");
        }
    }

    private URL url(String path) {
        try {
            return new URL("http://127.0.0.1:" + server.getAddress().getPort() + path);
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void send(com.sun.net.httpserver.HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
