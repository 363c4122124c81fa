package org.learninghub.connect.hub.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The operating system's view of a Hub server the tests started: which process, how much memory. */
final class ServerProcess {

    private ServerProcess() {
    }

    /** The Java process started with {@code --port <port>} (the Payara Micro of {@link HubServer}). */
    static long listeningOn(int port) {
        List<ProcessHandle> found = ProcessHandle.allProcesses()
                .filter(p -> p.info().command().orElse("").endsWith("java"))
                .filter(p -> {
                    List<String> args = Arrays.asList(p.info().arguments().orElse(new String[0]));
                    int i = args.indexOf("--port");
                    return i >= 0 && i + 1 < args.size() && args.get(i + 1).equals(Integer.toString(port));
                })
                .toList();
        if (found.size() != 1) {
            throw new IllegalStateException("expected one server process on port " + port + ", found " + found);
        }
        return found.get(0).pid();
    }

    /** Resident set size (VmRSS) of a process, in bytes. */
    static long residentBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no VmRSS for process " + pid);
    }

    /** Threads of a process now (the {@code Threads:} line of its status). */
    static int threads(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("Threads:")) {
                    return Integer.parseInt(line.substring("Threads:".length()).trim());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no thread count for process " + pid);
    }

    /** A body of this many bytes, made as it is read, never held. */
    static InputStream filler(long length) {
        return filler(length, new java.util.concurrent.atomic.AtomicLong());
    }

    /** A body of this many bytes, made as it is read, never held; {@code sent} counts what was taken from it. */
    static InputStream filler(long length, java.util.concurrent.atomic.AtomicLong sent) {
        return new InputStream() {
            private long left = length;

            @Override
            public int read() {
                if (left <= 0) {
                    return -1;
                }
                left--;
                sent.incrementAndGet();
                return 'a';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                Arrays.fill(b, off, off + n, (byte) 'a');
                left -= n;
                sent.addAndGet(n);
                return n;
            }
        };
    }
}
