package org.learninghub.connect.hub.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged war ({@code target/ROOT.war}) in a Payara Micro started as a child process, with the integration
 * tests' server settings: {@code hub.it.server.options} (JVM options) and {@code hub.it.micro.options} (Payara
 * Micro options), both set by failsafe in {@code deploy/pom.xml} and read by {@code arquillian.xml} too, so the
 * shared server and the Arquillian deployment cannot drift apart. Its public URL is its own loopback address.
 */
final class HubServer implements AutoCloseable {

    static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final URL base;
    private final Path log;
    private final Thread killOnExit;

    private HubServer(Process process, URL base, Path log) {
        this.process = process;
        this.base = base;
        this.log = log;
        // A test JVM that ends without closing the server (killed run, System.exit) must not leave it running.
        this.killOnExit = new Thread(this::kill, "kill " + base);
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /**
     * Starts the server on this loopback port, its output to {@code log}, and returns once {@code /health/ready}
     * answers {@code UP}; throws (and leaves nothing running) if it exits or is not ready within
     * {@link #READY_TIMEOUT}.
     */
    static HubServer start(int port, Path log) {
        assertFree(port);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options("hub.it.server.options"));
        command.add("-Dhub.public.url=http://127.0.0.1:" + port);
        command.addAll(List.of("-jar", existing("payara.microJar", "target/payara-micro.jar").toString()));
        command.addAll(List.of("--deploy", existing("hub.war", "target/ROOT.war").toString()));
        command.addAll(options("hub.it.micro.options"));
        command.addAll(List.of("--port", Integer.toString(port)));

        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // Hermetic: only the options above configure the server, never what the caller's shell exports.
        builder.environment().keySet().removeIf(name -> name.startsWith("HUB_") || name.startsWith("XAPI_"));
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Files.writeString(log, String.join(" ", command) + System.lineSeparator(), StandardCharsets.UTF_8);
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            HubServer server = new HubServer(builder.start(), new URL("http://127.0.0.1:" + port + "/"), log);
            try {
                server.awaitReady();
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the Hub server (command and output: " + log + ")", e);
        }
    }

    URL base() {
        return base;
    }

    private void awaitReady() {
        HubClient client = new HubClient(base);
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        String lastAnswer = "no answer";
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the Hub server on " + base + " exited with " + process.exitValue()
                        + " before it was ready; its output is in " + log + ", ending:\n" + tail());
            }
            try {
                HttpResponse<String> ready = client.get("/health/ready");
                if (ready.statusCode() == 200 && ready.body().contains("\"UP\"")) {
                    return;
                }
                lastAnswer = ready.statusCode() + " " + ready.body();
            } catch (UncheckedIOException notListeningYet) {
                lastAnswer = notListeningYet.getCause().toString();
            }
            sleep(500);
        }
        throw new IllegalStateException("the Hub server on " + base + " was not ready within " + READY_TIMEOUT
                + " (last answer of /health/ready: " + lastAnswer + "); its output is in " + log + ", ending:\n" + tail());
    }

    /** SIGTERM (a clean shutdown closes its database sessions), then SIGKILL if it has not stopped in time. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }

    private void kill() {
        // Listed first: once the server is dead its children are no longer its descendants.
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /** Space-separated options from a system property; without it the tests do not run outside failsafe. */
    private static List<String> options(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(property + " is not set: the integration tests run through failsafe"
                    + " (mvn verify), which sets it from deploy/pom.xml");
        }
        return Arrays.stream(value.trim().split("\\s+")).toList();
    }

    private static Path existing(String property, String fallback) {
        Path file = Path.of(System.getProperty(property, fallback)).toAbsolutePath();
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing: integration tests run after the package phase");
        }
        return file;
    }

    private static void assertFree(int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            probe.setReuseAddress(true);
        } catch (IOException e) {
            throw new IllegalStateException("port " + port + " on 127.0.0.1 is in use (a server of an earlier run "
                    + "still up?); choose another with -Dhub.it.port=...", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
