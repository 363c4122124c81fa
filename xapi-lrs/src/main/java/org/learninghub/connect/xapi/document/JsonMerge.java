package org.learninghub.connect.xapi.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.learninghub.connect.xapi.http.XapiException;
import org.learninghub.connect.xapi.http.XapiJson;

/**
 * The JSON procedure of 1.0.3 Communication §2.2: a POSTed JSON Object is merged into the stored one by
 * setting each of its top-level properties on the stored Object; only top-level properties merge, a
 * property that is itself an Object is replaced whole. Either side not a JSON Object is a 400.
 */
public final class JsonMerge {

    private JsonMerge() {
    }

    /** The merged document; neither input is changed. */
    public static DocumentBody merge(DocumentBody stored, DocumentBody posted) {
        if (!stored.isJson() || !posted.isJson()) {
            throw XapiException.invalid("Content-Type", "POST onto an existing document merges JSON only: the "
                    + "stored document is " + stored.contentType() + " and the posted one " + posted.contentType()
                    + "; both must be application/json (use PUT to replace the document)");
        }
        ObjectNode merged = object(stored, "the stored document").deepCopy();
        merged.setAll(object(posted, "content"));
        try {
            return new DocumentBody("application/json", XapiJson.MAPPER.writeValueAsBytes(merged));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static ObjectNode object(DocumentBody body, String what) {
        JsonNode node = XapiJson.parse(new String(body.content(), StandardCharsets.UTF_8), what);
        if (!node.isObject()) {
            throw XapiException.invalid(what, "must be a JSON Object to be merged");
        }
        return (ObjectNode) node;
    }
}
