package org.learninghub.connect.hub.access;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the body bytes written through it, and nothing else: every write, flush and non-blocking call goes straight
 * to the container's stream, so streamed answers stay streamed.
 */
final class CountingResponse extends HttpServletResponseWrapper {

    private final AtomicLong bytes = new AtomicLong();
    private ServletOutputStream stream;
    private PrintWriter writer;

    CountingResponse(HttpServletResponse response) {
        super(response);
    }

    long bytes() {
        return bytes.get();
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (stream == null) {
            stream = new CountingStream(super.getOutputStream(), bytes);
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (writer == null) {
            writer = new PrintWriter(new CountingWriter(super.getWriter(), Charset.forName(getCharacterEncoding()),
                    bytes), false);
        }
        return writer;
    }

    private static final class CountingStream extends ServletOutputStream {

        private final ServletOutputStream out;
        private final AtomicLong bytes;

        CountingStream(ServletOutputStream out, AtomicLong bytes) {
            this.out = out;
            this.bytes = bytes;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            bytes.incrementAndGet();
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            bytes.addAndGet(len);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }

        @Override
        public boolean isReady() {
            return out.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            out.setWriteListener(listener);
        }
    }

    /** Counts characters as the bytes the response's charset makes of them. */
    private static final class CountingWriter extends Writer {

        private final PrintWriter out;
        private final Charset charset;
        private final AtomicLong bytes;

        CountingWriter(PrintWriter out, Charset charset, AtomicLong bytes) {
            this.out = out;
            this.charset = charset;
            this.bytes = bytes;
        }

        @Override
        public void write(char[] chars, int off, int len) {
            out.write(chars, off, len);
            bytes.addAndGet(new String(chars, off, len).getBytes(charset).length);
        }

        @Override
        public void flush() {
            out.flush();
        }

        @Override
        public void close() {
            out.close();
        }
    }
}
