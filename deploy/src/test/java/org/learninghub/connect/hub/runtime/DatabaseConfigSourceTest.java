package org.learninghub.connect.hub.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DatabaseConfigSourceTest {

    @Test
    void postgresqlUrlsUseThePostgresqlDataSource() {
        assertEquals("org.postgresql.ds.PGSimpleDataSource",
                DatabaseConfigSource.driverClassFor("jdbc:postgresql://127.0.0.1:5432/hub"));
    }

    @Test
    void h2UrlsUseTheH2DataSource() {
        assertEquals("org.h2.jdbcx.JdbcDataSource", DatabaseConfigSource.driverClassFor("jdbc:h2:file:/tmp/hub"));
    }

    @Test
    void otherDatabasesAreRefusedNamingTheSetting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DatabaseConfigSource.driverClassFor("jdbc:mysql://localhost/hub"));
        assertTrue(e.getMessage().contains("hub.db.url"), e.getMessage());
    }

    @Test
    void derivesOnlyItsOwnKeys() {
        assertEquals(null, new DatabaseConfigSource().getValue("hub.something.else"));
    }

    @Test
    void postgresqlUrlsGetBatchedInsertRewriting() {
        assertTrue(tuned("jdbc:postgresql://h/hub").startsWith("jdbc:postgresql://h/hub?reWriteBatchedInserts=true&"));
        assertTrue(tuned("jdbc:postgresql://h/hub?ssl=true").startsWith("jdbc:postgresql://h/hub?ssl=true&reWriteBatchedInserts=true&"));
        assertTrue(tuned("jdbc:postgresql://h/hub?reWriteBatchedInserts=false").contains("reWriteBatchedInserts=false"));
        assertFalse(tuned("jdbc:postgresql://h/hub?reWriteBatchedInserts=false").contains("reWriteBatchedInserts=true"));
        assertEquals("jdbc:h2:file:/tmp/hub", tuned("jdbc:h2:file:/tmp/hub"));
    }

    @Test
    void postgresqlUrlsBoundEveryWait() {
        String url = tuned("jdbc:postgresql://h/hub");
        assertTrue(url.contains("&connectTimeout=5&"), url);
        assertTrue(url.contains("&loginTimeout=10&"), url);
        assertTrue(url.contains("&socketTimeout=45&"), url);
        assertTrue(url.contains("&tcpKeepAlive=true&"), url);
        assertTrue(url.endsWith("&options=-c%20statement_timeout%3D30000%20-c%20lock_timeout%3D5000"), url);
    }

    @Test
    void theDriverReadsTheSessionTimeoutsFromTheUrl() throws Exception {
        var parsed = org.postgresql.Driver.parseURL(tuned("jdbc:postgresql://h/hub"), new java.util.Properties());
        assertEquals("-c statement_timeout=30000 -c lock_timeout=5000", parsed.getProperty("options"));
        assertEquals("45", parsed.getProperty("socketTimeout"));
    }

    @Test
    void anOperatorsOwnParametersWin() {
        String url = tuned("jdbc:postgresql://h/hub?socketTimeout=600&options=-c%20search_path%3Dhub");
        assertTrue(url.contains("socketTimeout=600"), url);
        assertFalse(url.contains("socketTimeout=45"), url);
        assertFalse(url.contains("statement_timeout"), url);
    }

    private static String tuned(String url) {
        return DatabaseConfigSource.tuned(url, DatabaseTimeouts.DEFAULTS);
    }
}
