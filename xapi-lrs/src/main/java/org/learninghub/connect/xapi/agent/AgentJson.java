package org.learninghub.connect.xapi.agent;

import static org.learninghub.connect.xapi.validation.JsonRules.child;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.learninghub.connect.xapi.http.XapiException;
import org.learninghub.connect.xapi.http.XapiJson;
import org.learninghub.connect.xapi.validation.Iri;
import org.learninghub.connect.xapi.validation.JsonRules;

/** Reads and validates Agents and IFIs (1.0.3 Data §2.4.2.1, §2.4.2.3, §2.4.2.4), in one place. */
public final class AgentJson {

    static final Set<String> IFI_PROPERTIES = Set.of("mbox", "mbox_sha1sum", "openid", "account");
    private static final Set<String> AGENT_PROPERTIES = Set.of("objectType", "name", "mbox", "mbox_sha1sum", "openid", "account");
    private static final Set<String> ACCOUNT_PROPERTIES = Set.of("homePage", "name");
    private static final Pattern SHA1_HEX = Pattern.compile("[0-9a-fA-F]{40}");
    private static final Pattern MAILTO = Pattern.compile("mailto:[^@\\s]+@[^@\\s]+");

    private AgentJson() {
    }

    /** An {@code agent} request parameter (State, Agent Profile, Agents, statement queries). */
    public static Agent parseParameter(String json, String parameter) {
        return parseAgent(XapiJson.parse(json, parameter), parameter);
    }

    public static Agent parseAgent(JsonNode node, String path) {
        JsonRules.requireObject(node, path);
        JsonRules.onlyProperties(node, path, AGENT_PROPERTIES);
        JsonRules.objectTypeIs(node, path, "Agent");
        String name = JsonRules.optionalString(node, "name", path);
        Ifi ifi = parseIfi(node, path).orElseThrow(() -> XapiException.invalid(path,
                "an Agent must have exactly one of mbox, mbox_sha1sum, openid, account"));
        return new Agent(Optional.ofNullable(name), ifi);
    }

    /**
     * The one IFI of an Agent or Group object; empty if it has none (an anonymous Group), a 400 if it
     * has more than one or a malformed one.
     */
    public static Optional<Ifi> parseIfi(JsonNode node, String path) {
        List<String> present = new ArrayList<>();
        for (String p : IFI_PROPERTIES) {
            if (node.has(p)) {
                present.add(p);
            }
        }
        if (present.size() > 1) {
            throw XapiException.invalid(path, "must have exactly one IFI, found " + present);
        }
        if (present.isEmpty()) {
            return Optional.empty();
        }
        String property = present.get(0);
        String at = child(path, property);
        return Optional.of(switch (property) {
            case "mbox" -> {
                String mbox = JsonRules.requiredString(node, property, path);
                fitsTheIndex(new Ifi.Mbox(mbox), at);
                if (!MAILTO.matcher(mbox).matches()) {
                    throw XapiException.invalid(at, "must be a mailto: IRI of an email address");
                }
                yield new Ifi.Mbox(mbox);
            }
            case "mbox_sha1sum" -> {
                String hex = JsonRules.requiredString(node, property, path);
                if (!SHA1_HEX.matcher(hex).matches()) {
                    throw XapiException.invalid(at, "must be the hex SHA1 of a mailto: IRI (40 hex digits)");
                }
                yield new Ifi.MboxSha1Sum(hex);
            }
            case "openid" -> {
                String uri = JsonRules.requiredString(node, property, path);
                fitsTheIndex(new Ifi.OpenId(uri), at);
                if (!Iri.isAbsolute(uri)) {
                    throw XapiException.invalid(at, "must be an absolute URI");
                }
                yield new Ifi.OpenId(uri);
            }
            default -> parseAccount(node.get(property), at);
        });
    }

    private static Ifi.Account parseAccount(JsonNode account, String path) {
        JsonRules.requireObject(account, path);
        JsonRules.onlyProperties(account, path, ACCOUNT_PROPERTIES);
        String homePage = JsonRules.requiredIri(account, "homePage", path);
        String name = JsonRules.requiredString(account, "name", path);
        return fitsTheIndex(new Ifi.Account(homePage, name), path);
    }

    /**
     * Every IFI is indexed as its {@link Ifi#key()} in a column of {@link Ifi#MAX_KEY} characters: a longer one is
     * a 400 naming the property, checked before any pattern runs on it and before any SQL.
     */
    private static <T extends Ifi> T fitsTheIndex(T ifi, String at) {
        int room = Ifi.MAX_KEY - (ifi.key().length() - valueLength(ifi));
        if (ifi.key().length() > Ifi.MAX_KEY) {
            throw XapiException.invalid(at, ifi instanceof Ifi.Account
                    ? "homePage and name together must be at most " + room + " characters long"
                    : "must be at most " + room + " characters long");
        }
        return ifi;
    }

    /** The length of what the sender wrote, without the prefix {@link Ifi#key()} adds. */
    private static int valueLength(Ifi ifi) {
        if (ifi instanceof Ifi.Mbox m) {
            return m.mailto().length();
        }
        if (ifi instanceof Ifi.OpenId o) {
            return o.uri().length();
        }
        if (ifi instanceof Ifi.Account a) {
            return a.homePage().length() + a.name().length();
        }
        return ((Ifi.MboxSha1Sum) ifi).hex().length();
    }
}
