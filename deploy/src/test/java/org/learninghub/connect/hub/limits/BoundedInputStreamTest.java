package org.learninghub.connect.hub.limits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BoundedInputStreamTest {

    private final AtomicInteger exceeded = new AtomicInteger();

    private BoundedInputStream bounded(InputStream in, long limit) {
        return new BoundedInputStream(in, BodyFamily.ADMIN, limit, exceeded::incrementAndGet);
    }

    @Test
    void aBodyOfExactlyTheLimitIsReadWhole() throws IOException {
        byte[] body = new byte[1000];
        assertArrayEquals(body, bounded(new ByteArrayInputStream(body), 1000).readAllBytes());
        assertEquals(0, exceeded.get());
    }

    @Test
    void oneByteMoreFailsAndKeepsFailing() throws IOException {
        BoundedInputStream in = bounded(new ByteArrayInputStream(new byte[1001]), 1000);
        BodyTooLargeException e = assertThrows(BodyTooLargeException.class, in::readAllBytes);
        assertEquals(BodyFamily.ADMIN, e.family());
        assertTrue(e.getMessage().contains("1000 bytes"), e.getMessage());
        assertThrows(BodyTooLargeException.class, in::read);
        assertEquals(1, exceeded.get(), "reported once");
    }

    @Test
    void singleByteReadsAreCountedToo() throws IOException {
        BoundedInputStream in = bounded(new ByteArrayInputStream(new byte[3]), 2);
        in.read();
        in.read();
        assertThrows(BodyTooLargeException.class, in::read);
    }

    /** The stream asks for at most one byte past the limit, and drops at most the limit again, never more. */
    @Test
    void aHugeBodyIsNeitherReadNorDrainedBeyondTwiceTheLimit() {
        CountingSource source = new CountingSource(1L << 40);
        BoundedInputStream in = bounded(source, 1000);
        assertThrows(BodyTooLargeException.class, () -> in.read(new byte[1 << 20]));
        assertTrue(source.served <= 2001, "served " + source.served);
        assertFalse(in.markSupported());
    }

    /** An endless source of zeros that counts what it served. */
    private static final class CountingSource extends InputStream {
        private final long size;
        long served;

        CountingSource(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            return served < size ? (int) (0 * served++) : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            int n = (int) Math.min(len, size - served);
            served += n;
            return n == 0 ? -1 : n;
        }
    }
}
