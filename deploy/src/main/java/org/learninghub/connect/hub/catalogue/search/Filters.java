package org.learninghub.connect.hub.catalogue.search;

import java.util.List;

/** The filters every search shares, whatever the database: type, owner trust (or national), source, status. */
final class Filters {

    private Filters() {
    }

    static void append(SearchQuery query, StringBuilder where, List<Object> params) {
        if (query.type() != null) {
            where.append(" and r.type = ?");
            params.add(query.type().code());
        }
        if (SearchQuery.NATIONAL.equals(query.owner())) {
            where.append(" and r.owner_trust_id is null");
        } else if (query.owner() != null) {
            where.append(" and t.code = ?");
            params.add(query.owner());
        }
        if (query.source() != null) {
            where.append(" and r.source = ?");
            params.add(query.source());
        }
        if (query.status() != null) {
            where.append(" and r.status = ?");
            params.add(query.status().code());
        }
    }
}
