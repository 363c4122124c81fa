package org.learninghub.connect.xapi.document;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Entity tags of documents. 1.0.3 Communication §3.1: "the hexadecimal string of the SHA-1 digest of the
 * contents", lowercase, sent enclosed in quotes.
 */
public final class Etags {

    private Etags() {
    }

    public static String sha1(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(content));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The value of an {@code ETag} header: the tag in quotes (RFC 7232 §2.3). */
    public static String header(String etag) {
        return "\"" + etag + "\"";
    }
}
