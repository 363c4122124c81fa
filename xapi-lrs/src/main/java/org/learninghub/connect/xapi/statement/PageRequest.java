package org.learninghub.connect.xapi.statement;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.UnaryOperator;
import org.learninghub.connect.xapi.statement.query.StatementQuery;

/**
 * A statement query answer before it is read (1.0.3 Communication §2.1.3): whose statements, which ones,
 * how each is formatted, whether attachments come along, and the {@code more} link that continues
 * after a given stored-order key.
 *
 * @param mine when present, only statements whose authority has this IFI (scope statements/read/mine)
 * @param asStored true for {@code format=exact}: a statement is written as the JSON text it was stored as,
 *     unparsed ({@code format} would return it unchanged), unless its attachments must be looked up
 */
record PageRequest(long tenant, StatementQuery query, Optional<String> mine, boolean attachments,
        UnaryOperator<ObjectNode> format, boolean asStored, LongFunction<String> moreAfter) {
}
