package org.learninghub.connect.xapi.statement.attachment;

/**
 * What one multipart/mixed statement request may hold, checked while it streams in: all its bytes
 * together, the bytes of any one part (the statements part included), and how many parts it has.
 */
public record AttachmentLimits(long requestBytes, long partBytes, int parts) {

    /** Default of {@code hub.limit.attachments.bytes}: 64 MiB for the whole request. */
    public static final long DEFAULT_REQUEST_BYTES = 64L * 1024 * 1024;
    /** Default of {@code hub.limit.attachment.part-bytes}: 32 MiB for any one part. */
    public static final long DEFAULT_PART_BYTES = 32L * 1024 * 1024;
    /** Default of {@code hub.limit.attachment.parts}: the statements part and 99 attachments. */
    public static final int DEFAULT_PARTS = 100;

    public AttachmentLimits {
        if (requestBytes < 1 || partBytes < 1 || parts < 2) {
            throw new IllegalArgumentException("attachment limits must be positive and allow at least two parts");
        }
    }
}
