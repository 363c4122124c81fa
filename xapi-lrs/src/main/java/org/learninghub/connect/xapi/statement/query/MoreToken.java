package org.learninghub.connect.xapi.statement.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.learninghub.connect.xapi.http.XapiException;
import org.learninghub.connect.xapi.http.XapiJson;

/**
 * The opaque {@code more} token: the original query parameters and the stored-order key (seq) of the
 * last statement returned. The next page continues strictly after that key, so statements stored
 * meanwhile neither shift nor repeat results. Stateless: any server node can answer it. The tenant is
 * not in the token; the next page is read with the caller's own tenant, so a token cannot cross tenants.
 */
public record MoreToken(Map<String, String> parameters, long after) {

    public MoreToken {
        parameters = Map.copyOf(parameters);
    }

    public String encode() {
        ObjectNode node = XapiJson.MAPPER.createObjectNode();
        ObjectNode p = node.putObject("p");
        parameters.forEach(p::put);
        node.put("a", after);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
    }

    public static MoreToken decode(String token) {
        try {
            JsonNode node = XapiJson.MAPPER.readTree(Base64.getUrlDecoder().decode(token));
            Map<String, String> p = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.get("p").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                p.put(e.getKey(), e.getValue().asText());
            }
            if (!node.get("a").canConvertToLong()) {
                throw new IllegalArgumentException("no cursor");
            }
            return new MoreToken(p, node.get("a").longValue());
        } catch (IllegalArgumentException | JsonProcessingException | NullPointerException e) {
            throw XapiException.invalid("more", "is not a more token this LRS issued");
        } catch (java.io.IOException e) {
            throw XapiException.invalid("more", "is not a more token this LRS issued");
        }
    }
}
