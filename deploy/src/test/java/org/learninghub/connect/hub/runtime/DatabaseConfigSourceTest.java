package org.learninghub.connect.hub.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        assertEquals("jdbc:postgresql://h/hub?reWriteBatchedInserts=true",
                DatabaseConfigSource.tuned("jdbc:postgresql://h/hub"));
        assertEquals("jdbc:postgresql://h/hub?ssl=true&reWriteBatchedInserts=true",
                DatabaseConfigSource.tuned("jdbc:postgresql://h/hub?ssl=true"));
        assertEquals("jdbc:postgresql://h/hub?reWriteBatchedInserts=false",
                DatabaseConfigSource.tuned("jdbc:postgresql://h/hub?reWriteBatchedInserts=false"));
        assertEquals("jdbc:h2:file:/tmp/hub", DatabaseConfigSource.tuned("jdbc:h2:file:/tmp/hub"));
    }
}
