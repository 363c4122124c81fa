package org.learninghub.connect.xapi.document;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ws.rs.core.Response.Status;
import org.junit.jupiter.api.Test;
import org.learninghub.connect.xapi.http.XapiException;
import org.learninghub.connect.xapi.http.XapiVersion;

class UnconditionalPutTest {

    @Test
    void stateIn103OverwritesWithoutHeaders() {
        UnconditionalPut rule = UnconditionalPut.of(DocumentKind.STATE, XapiVersion.V1_0_3);
        assertDoesNotThrow(() -> rule.check(true));
        assertDoesNotThrow(() -> rule.check(false));
    }

    @Test
    void profilesIn103NeedAHeader() {
        for (DocumentKind kind : new DocumentKind[] {DocumentKind.ACTIVITY_PROFILE, DocumentKind.AGENT_PROFILE}) {
            UnconditionalPut rule = UnconditionalPut.of(kind, XapiVersion.V1_0_3);
            assertEquals(Status.CONFLICT, assertThrows(XapiException.class, () -> rule.check(true)).status());
            assertEquals(Status.BAD_REQUEST, assertThrows(XapiException.class, () -> rule.check(false)).status());
        }
    }

    @Test
    void everyDocumentIn200ConflictsOnlyWhenItExists() {
        for (DocumentKind kind : DocumentKind.values()) {
            UnconditionalPut rule = UnconditionalPut.of(kind, XapiVersion.V2_0_0);
            XapiException conflict = assertThrows(XapiException.class, () -> rule.check(true));
            assertEquals(Status.CONFLICT, conflict.status());
            assertDoesNotThrow(() -> rule.check(false));
        }
    }
}
