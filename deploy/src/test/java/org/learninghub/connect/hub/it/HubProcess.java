package org.learninghub.connect.hub.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The packaged Hub started the way an operator starts it ({@code bin/hub}, which runs
 * {@code deploy/target/hub.jar} with the network-quiet Payara flags), as a child process the test
 * can kill without warning.
 */
public final class HubProcess implements AutoCloseable {

    static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private final Process process;
    private final HubClient client;
    private final Duration startedIn;

    private HubProcess(Process process, HubClient client, Duration startedIn) {
        this.process = process;
        this.client = client;
        this.startedIn = startedIn;
    }

    /** Starts {@code bin/hub} with these settings on a free loopback port and waits until it is ready. */
    public static HubProcess start(Map<String, String> environment, Path log) {
        return start(environment, log, freePort());
    }

    /**
     * Starts {@code bin/hub} on this loopback port (from {@link #freePort()}), for settings that must name
     * the port, such as {@code HUB_PUBLIC_URL}, and waits until it is ready.
     */
    public static HubProcess start(Map<String, String> environment, Path log, int port) {
        return startUntil(environment, log, port, ready -> ready.statusCode() == 200 && ready.body().contains("\"UP\""));
    }

    /**
     * Starts {@code bin/hub} with these settings and waits until {@code /health/ready} answers as
     * {@code answered} says (for a server that must report itself not ready, and why).
     */
    public static HubProcess startUntil(Map<String, String> environment, Path log,
                                        Predicate<HttpResponse<String>> answered) {
        return startUntil(environment, log, freePort(), answered);
    }

    private static HubProcess startUntil(Map<String, String> environment, Path log, int port,
                                         Predicate<HttpResponse<String>> answered) {
        ProcessBuilder builder = new ProcessBuilder(script().toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // Hermetic: nothing the caller's shell exports about the Hub reaches the server, only what the test says.
        builder.environment().keySet().removeIf(name -> name.startsWith("HUB_") || name.startsWith("XAPI_"));
        builder.environment().put("HUB_ADMIN_USER", HubClient.ADMIN_USER);
        builder.environment().put("HUB_ADMIN_PASSWORD", HubClient.ADMIN_PASSWORD);
        builder.environment().putAll(environment);
        builder.environment().put("HUB_HTTP_PORT", Integer.toString(port));
        builder.environment().put("HUB_HTTP_ADDRESS", "127.0.0.1");
        builder.environment().put("HUB_JAR", System.getProperty("hub.jar", "target/hub.jar"));
        Instant begin = Instant.now();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HubClient client = new HubClient(URI.create("http://127.0.0.1:" + port + "/"));
        HubProcess hub = new HubProcess(process, client, null);
        try {
            hub.awaitReady(begin, answered);
        } catch (RuntimeException e) {
            hub.kill();
            throw e;
        }
        return new HubProcess(process, client, Duration.between(begin, Instant.now()));
    }

    public HubClient client() {
        return client;
    }

    /** From process start to the first {@code UP} answer of {@code /health/ready}. */
    public Duration startedIn() {
        return startedIn;
    }

    public long pid() {
        return process.descendants().filter(p -> p.info().command().orElse("").endsWith("java"))
                .findFirst().map(ProcessHandle::pid).orElse(process.pid());
    }

    /** SIGKILL to the server and its launcher: no shutdown hooks, no flushing, like a power cut. */
    public void kill() {
        // Listed before the kill: once the launcher is dead its children are no longer its descendants, and a
        // server still dying would hold the embedded database's file lock while the test reopens it.
        List<ProcessHandle> children = process.descendants().toList();
        children.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.onExit().get();
            for (ProcessHandle p : children) {
                p.onExit().get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("server did not die", e);
        }
    }

    /**
     * SIGSTOP to the server's JVM: it keeps its sockets (and so its database sessions) open and does nothing, as a
     * frozen VM or a node cut off by a partition does; {@link #thaw} resumes it, {@link #kill} ends it either way.
     */
    public void freeze() {
        signal("-STOP");
    }

    /** SIGCONT to a {@link #freeze frozen} server. */
    public void thaw() {
        signal("-CONT");
    }

    private void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", signal, Long.toString(pid())).inheritIO().start();
            if (!kill.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill " + signal + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * SIGTERM to the launcher, as systemd stops the service: {@code bin/hub} passes it to the JVM, whose
     * shutdown stops taking requests and lets running ones finish. Waits for the exit and returns its status.
     */
    public int terminate(Duration atMost) {
        process.destroy();
        try {
            if (!process.waitFor(atMost.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                kill();
                throw new IllegalStateException("the server did not stop within " + atMost + " of SIGTERM");
            }
            for (ProcessHandle p : process.descendants().toList()) {
                p.onExit().get(atMost.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the JVM outlived its launcher", e);
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        kill();
    }

    private void awaitReady(Instant begin, Predicate<HttpResponse<String>> answered) {
        while (Duration.between(begin, Instant.now()).compareTo(READY_TIMEOUT) < 0) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + " before it was ready");
            }
            try {
                HttpResponse<String> ready = client.get("/health/ready");
                if (answered.test(ready)) {
                    return;
                }
            } catch (UncheckedIOException notListeningYet) {
                // keep waiting
            }
            sleep(250);
        }
        throw new IllegalStateException("the server was not ready within " + READY_TIMEOUT);
    }

    private static Path script() {
        Path script = Path.of(System.getProperty("hub.bin", "../bin/hub"));
        if (!script.toFile().canExecute()) {
            throw new IllegalStateException(script + " is missing or not executable");
        }
        return script;
    }

    /** A loopback port nothing listens on now. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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

    static File logFile(String name) {
        File dir = new File(System.getProperty("hub.it.logs", "target/hub-process-logs"));
        dir.mkdirs();
        return new File(dir, name + ".log");
    }
}
