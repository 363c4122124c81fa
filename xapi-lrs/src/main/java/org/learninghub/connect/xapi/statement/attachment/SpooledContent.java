package org.learninghub.connect.xapi.statement.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import org.apache.commons.io.output.DeferredFileOutputStream;
import org.learninghub.connect.xapi.statement.store.Attachment;

/**
 * The bytes of one attachment part as they stream in: in memory up to {@link #IN_MEMORY_BYTES}, in a
 * temporary file beyond, so that concurrent uploads cost disk rather than heap. The digest sees every
 * byte on the way. Closing deletes the file.
 */
final class SpooledContent implements Attachment.Content {

    static final int IN_MEMORY_BYTES = 256 * 1024;

    private final DeferredFileOutputStream out;
    private long length;

    private SpooledContent(DeferredFileOutputStream out) {
        this.out = out;
    }

    static SpooledContent copy(InputStream in, MessageDigest digest) throws IOException {
        SpooledContent spooled = new SpooledContent(DeferredFileOutputStream.builder()
                .setThreshold(IN_MEMORY_BYTES)
                .setDirectory(Path.of(System.getProperty("java.io.tmpdir")))
                .setPrefix("xapi-attachment-")
                .setSuffix(".part")
                .get());
        try {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
                spooled.out.write(buffer, 0, n);
                spooled.length += n;
            }
            spooled.out.close();
            return spooled;
        } catch (IOException | RuntimeException e) {
            spooled.close();
            throw e;
        }
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public InputStream open() throws IOException {
        return out.toInputStream();
    }

    /** The temporary file holding the bytes, or null while they fit in memory. */
    Path file() {
        return out.isInMemory() ? null : out.getPath();
    }

    @Override
    public void close() throws IOException {
        out.close();
        if (!out.isInMemory()) {
            Files.deleteIfExists(out.getPath());
        }
    }
}
