package org.learninghub.connect.xapi.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.Response.Status;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.learninghub.connect.xapi.http.XapiException;
import org.learninghub.connect.xapi.http.XapiVersion;

/** The retry of writes that lost a race, with the transactional attempt replaced by a scripted one. */
class DocumentsTest {

    private static final DocumentKey KEY = new DocumentKey(
            new DocumentScope(DocumentKind.STATE, "http://example.org/a", "mbox:mailto:a@example.org"),
            Optional.empty(), "bookmark");
    private static final DocumentBody BODY = new DocumentBody("application/json", "{}".getBytes(StandardCharsets.UTF_8));

    /** Loses the race {@code losses} times, then writes. */
    private static final class Racing extends DocumentWrites {
        int losses;
        int attempts;

        Racing(int losses) {
            this.losses = losses;
        }

        @Override
        public String post(long tenantId, DocumentKey key, DocumentBody body, Preconditions preconditions) {
            attempts++;
            if (attempts <= losses) {
                throw new WriteRaceLost(new SQLException("duplicate key", "23505"));
            }
            return body.etag();
        }

        @Override
        public String put(long tenantId, DocumentKey key, DocumentBody body, Preconditions preconditions,
                          UnconditionalPut unconditional) {
            return post(tenantId, key, body, preconditions);
        }
    }

    private static Documents documents(DocumentWrites writes) {
        Documents documents = new Documents();
        documents.writes = writes;
        return documents;
    }

    @Test
    void aWriteThatLostARaceIsRetriedAndSucceeds() {
        Racing writes = new Racing(2);
        assertEquals(BODY.etag(), documents(writes).post(1L, KEY, BODY, Preconditions.none()));
        assertEquals(3, writes.attempts);
    }

    @Test
    void aWriteThatKeepsLosingEndsInA409NotA500() {
        Racing writes = new Racing(Integer.MAX_VALUE);
        XapiException e = assertThrows(XapiException.class,
                () -> documents(writes).put(1L, KEY, BODY, Preconditions.none(), XapiVersion.V2_0_0));
        assertEquals(Status.CONFLICT, e.status());
        assertEquals(Documents.MAX_ATTEMPTS, writes.attempts);
    }

    @Test
    void malformedJsonIsRefusedBeforeAnyAttempt() {
        Racing writes = new Racing(0);
        DocumentBody broken = new DocumentBody("application/json", "{".getBytes(StandardCharsets.UTF_8));
        assertThrows(XapiException.class, () -> documents(writes).post(1L, KEY, broken, Preconditions.none()));
        assertEquals(0, writes.attempts);
    }

    @Test
    void racesAreRecognisedBySqlStateAnywhereInTheCauseChain() {
        assertTrue(WriteRaceLost.isRace(new SQLException("wrapper", "XX000", new SQLException("dup", "23505"))));
        assertTrue(WriteRaceLost.isRace(new SQLException("deadlock", "40P01")));
        assertTrue(WriteRaceLost.isRace(new SQLException("serialization", "40001")));
        assertFalse(WriteRaceLost.isRace(new SQLException("syntax", "42601")));
        assertFalse(WriteRaceLost.isRace(new SQLException("no state")));
    }
}
