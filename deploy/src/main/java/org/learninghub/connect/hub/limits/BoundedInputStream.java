package org.learninghub.connect.hub.limits;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body that may yield at most {@code limit} bytes: reading past them fails with
 * {@link BodyTooLargeException} (and keeps failing), so a chunked body without {@code Content-Length} is
 * refused after the limit, never read whole. {@code onExceeded} runs once, at the first failure.
 */
final class BoundedInputStream extends FilterInputStream {

    private final BodyFamily family;
    private final long limit;
    private final Runnable onExceeded;
    private long count;
    private boolean exceeded;

    BoundedInputStream(InputStream in, BodyFamily family, long limit, Runnable onExceeded) {
        super(in);
        this.family = family;
        this.limit = limit;
        this.onExceeded = onExceeded;
    }

    @Override
    public int read() throws IOException {
        checkNotExceeded();
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        checkNotExceeded();
        // Never ask for more than one byte past the limit: that byte is enough to know the body is too large.
        int n = super.read(buffer, offset, (int) Math.min(length, limit - count + 1));
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        checkNotExceeded();
        long skipped = super.skip(Math.min(n, limit - count + 1));
        counted(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int readlimit) {
        // not supported: a reset would let the same bytes be counted twice or not at all
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }

    private void counted(long n) throws BodyTooLargeException {
        count += n;
        if (count > limit) {
            exceeded = true;
            onExceeded.run();
            discard(in, limit);
            throw new BodyTooLargeException(family, limit);
        }
    }

    /**
     * Reads and drops up to {@code budget} more bytes of a refused body, so that a client which sent somewhat
     * too much has finished sending when the 413 goes out. Over HTTP/2 the server stops granting flow-control
     * window to a stream it no longer reads, and clients that read no answer before their upload is done
     * (java.net.http) would wait there until they time out. Nothing is kept; a body larger still is left unread.
     */
    static void discard(InputStream in, long budget) {
        byte[] buffer = new byte[8192];
        long left = budget;
        try {
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    return;
                }
                left -= n;
            }
        } catch (IOException clientGone) {
            // nothing to answer on; the refusal stands
        }
    }

    private void checkNotExceeded() throws BodyTooLargeException {
        if (exceeded) {
            throw new BodyTooLargeException(family, limit);
        }
    }
}
