package org.learninghub.connect.hub.metrics;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StatementWritesTest {

    @Test
    void putsAndPostsOnTheStatementResourceAreWrites() {
        assertTrue(StatementWrites.isWrite("POST", "/xapi/statements"));
        assertTrue(StatementWrites.isWrite("PUT", "/xapi/statements?statementId=6f1c"));
        assertTrue(StatementWrites.isWrite("POST", "/xapi//statements/"));
        assertTrue(StatementWrites.isWrite("POST", "/xapi;v=1/st%61tements"));
        assertTrue(StatementWrites.isWrite("POST", "/xapi/statements?method=PUT&statementId=6f1c"));
    }

    @Test
    void readsDocumentsAndOtherResourcesAreNot() {
        assertFalse(StatementWrites.isWrite("GET", "/xapi/statements"));
        assertFalse(StatementWrites.isWrite("POST", "/xapi/statements?method=GET"));
        assertFalse(StatementWrites.isWrite("PUT", "/xapi/activities/state?stateId=x"));
        assertFalse(StatementWrites.isWrite("POST", "/xapi/statements/extra"));
        assertFalse(StatementWrites.isWrite("POST", null));
    }
}
