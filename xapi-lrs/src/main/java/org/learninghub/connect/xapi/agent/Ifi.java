package org.learninghub.connect.xapi.agent;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An Inverse Functional Identifier (1.0.3 Data §2.4.2.3): the one property that identifies an Agent or
 * an identified Group. {@link #key()} is its normalised form, one string that one indexed column can
 * match, whichever kind of IFI it is.
 */
public sealed interface Ifi {

    /** The longest {@link #key()}: the width of the column that indexes it ({@code xapi_statement_agent.ifi}). */
    int MAX_KEY = 2100;

    /** {@code mbox:mailto:…}, {@code mbox_sha1sum:…}, {@code openid:…} or {@code account:homePage|name}. */
    String key();

    /** Adds this IFI's property to an Agent or Group JSON object. */
    void writeTo(ObjectNode object);

    record Mbox(String mailto) implements Ifi {
        @Override
        public String key() {
            return "mbox:" + mailto;
        }

        @Override
        public void writeTo(ObjectNode object) {
            object.put("mbox", mailto);
        }
    }

    record MboxSha1Sum(String hex) implements Ifi {
        public MboxSha1Sum {
            hex = hex.toLowerCase(java.util.Locale.ROOT);
        }

        @Override
        public String key() {
            return "mbox_sha1sum:" + hex;
        }

        @Override
        public void writeTo(ObjectNode object) {
            object.put("mbox_sha1sum", hex);
        }
    }

    record OpenId(String uri) implements Ifi {
        @Override
        public String key() {
            return "openid:" + uri;
        }

        @Override
        public void writeTo(ObjectNode object) {
            object.put("openid", uri);
        }
    }

    /** An account: {@code homePage} is an IRL, which cannot hold '|', so the key is unambiguous. */
    record Account(String homePage, String name) implements Ifi {
        @Override
        public String key() {
            return "account:" + homePage + "|" + name;
        }

        @Override
        public void writeTo(ObjectNode object) {
            ObjectNode account = JsonNodeFactory.instance.objectNode();
            account.put("homePage", homePage);
            account.put("name", name);
            object.set("account", account);
        }
    }
}
