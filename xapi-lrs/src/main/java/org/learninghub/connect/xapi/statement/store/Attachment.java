package org.learninghub.connect.xapi.statement.store;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * Attachment content received with statements, waiting to be stored: the lower-case hex SHA-2 its bytes
 * were verified to have, the part's media type, and the bytes themselves.
 */
public record Attachment(String sha2, String contentType, Content content) {

    /** Content already in memory (small parts, tests). */
    public Attachment(String sha2, String contentType, byte[] bytes) {
        this(sha2, contentType, Content.of(bytes));
    }

    /** Bytes that may live in memory or in a temporary file; closing releases them. */
    public interface Content extends Closeable {

        long length();

        /** A fresh stream over all the bytes, each time it is called. */
        InputStream open() throws IOException;

        static Content of(byte[] bytes) {
            byte[] copy = bytes.clone();
            return new Content() {
                @Override
                public long length() {
                    return copy.length;
                }

                @Override
                public InputStream open() {
                    return new ByteArrayInputStream(copy);
                }

                @Override
                public void close() {
                }
            };
        }
    }
}
