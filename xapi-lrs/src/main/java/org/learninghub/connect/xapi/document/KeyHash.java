package org.learninghub.connect.xapi.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.learninghub.connect.xapi.http.XapiJson;

/**
 * A fixed-length key for a tuple of strings: SHA-256 of the tuple written as a JSON array, so no two
 * different tuples share an encoding (["a|b","c"] and ["a","b|c"] differ) and IRIs of any length fit
 * one short indexed column.
 */
final class KeyHash {

    private KeyHash() {
    }

    static String of(List<String> parts) {
        try {
            byte[] encoded = XapiJson.MAPPER.writeValueAsBytes(parts);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(encoded));
        } catch (JsonProcessingException | NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
