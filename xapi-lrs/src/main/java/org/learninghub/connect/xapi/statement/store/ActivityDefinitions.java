package org.learninghub.connect.xapi.statement.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.learninghub.connect.xapi.http.XapiJson;

/**
 * The canonical definition of each Activity (1.0.3 Communication §2.5): every definition a statement
 * carries is merged into what the LRS holds — newer values win, language maps are merged per language.
 * Written in IRI order with the statements' transaction; a row is updated only when the merge changes it,
 * so a popular activity is not a lock every request waits for.
 */
@ApplicationScoped
public class ActivityDefinitions {

    void merge(Connection c, long tenant, List<NewStatement> fresh) throws SQLException {
        TreeMap<String, ObjectNode> incoming = new TreeMap<>();
        for (NewStatement s : fresh) {
            s.activityDefinitions().forEach((iri, def) -> incoming.merge(iri, def.deepCopy(), ActivityDefinitions::combine));
        }
        if (incoming.isEmpty()) {
            return;
        }
        Map<String, ObjectNode> held = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT iri, definition_json FROM xapi_activity WHERE tenant_id = ? AND iri = ANY (?)")) {
            ps.setLong(1, tenant);
            ps.setArray(2, c.createArrayOf("VARCHAR", incoming.keySet().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    held.put(rs.getString(1), (ObjectNode) read(rs.getString(2)));
                }
            }
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO xapi_activity (tenant_id, iri, definition_json) VALUES (?,?,?)");
             PreparedStatement update = c.prepareStatement(
                     "UPDATE xapi_activity SET definition_json = ? WHERE tenant_id = ? AND iri = ?")) {
            boolean inserts = false;
            boolean updates = false;
            for (Map.Entry<String, ObjectNode> e : incoming.entrySet()) {
                ObjectNode old = held.get(e.getKey());
                if (old == null) {
                    insert.setLong(1, tenant);
                    insert.setString(2, e.getKey());
                    insert.setString(3, e.getValue().toString());
                    insert.addBatch();
                    inserts = true;
                } else {
                    ObjectNode merged = combine(old.deepCopy(), e.getValue());
                    if (!merged.equals(old)) {
                        update.setString(1, merged.toString());
                        update.setLong(2, tenant);
                        update.setString(3, e.getKey());
                        update.addBatch();
                        updates = true;
                    }
                }
            }
            if (inserts) {
                insert.executeBatch();
            }
            if (updates) {
                update.executeBatch();
            }
        }
    }

    /** The definition held for an activity, if any statement gave one. */
    public Optional<ObjectNode> find(Connection c, long tenant, String iri) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT definition_json FROM xapi_activity WHERE tenant_id = ? AND iri = ?")) {
            ps.setLong(1, tenant);
            ps.setString(2, iri);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of((ObjectNode) read(rs.getString(1))) : Optional.empty();
            }
        }
    }

    /** Newer top-level values replace older ones; language maps (name, description) merge per language. */
    static ObjectNode combine(ObjectNode older, ObjectNode newer) {
        for (Iterator<Map.Entry<String, JsonNode>> it = newer.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode current = older.get(e.getKey());
            boolean languageMap = e.getKey().equals("name") || e.getKey().equals("description");
            if (languageMap && current instanceof ObjectNode map && e.getValue() instanceof ObjectNode add) {
                map.setAll(add);
            } else {
                older.set(e.getKey(), e.getValue().deepCopy());
            }
        }
        return older;
    }

    private static JsonNode read(String json) {
        try {
            return XapiJson.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored activity definition is not JSON", e);
        }
    }
}
