package org.learninghub.connect.xapi.statement.attachment;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads the statement bodies of one request under the configured attachment limits, and releases
 * the attachment bytes they hold (temporary files) when the request ends, stored or refused.
 */
@RequestScoped
public class StatementBodies {

    @Inject
    @ConfigProperty(name = "hub.limit.attachments.bytes", defaultValue = "" + AttachmentLimits.DEFAULT_REQUEST_BYTES)
    long requestBytes;

    @Inject
    @ConfigProperty(name = "hub.limit.attachment.part-bytes", defaultValue = "" + AttachmentLimits.DEFAULT_PART_BYTES)
    long partBytes;

    @Inject
    @ConfigProperty(name = "hub.limit.attachment.parts", defaultValue = "" + AttachmentLimits.DEFAULT_PARTS)
    int parts;

    private final List<StatementBody> read = new ArrayList<>();

    /**
     * @param contentLength the request's declared length, or -1 when it is sent in chunks
     */
    public StatementBody read(MediaType type, InputStream body, long contentLength) {
        StatementBody statements = StatementBody.read(type, body, contentLength, new AttachmentLimits(requestBytes, partBytes, parts));
        read.add(statements);
        return statements;
    }

    @PreDestroy
    void release() {
        read.forEach(StatementBody::close);
    }
}
