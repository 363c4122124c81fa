package org.learninghub.connect.hub.runtime;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import javax.sql.DataSource;

/**
 * Hands the Hub's datasource to the standards modules, which inject a plain {@link DataSource}
 * and never learn its JNDI name or vendor.
 */
@ApplicationScoped
public class DataSourceProducer {

    @Resource(lookup = DatabaseMigrator.DATASOURCE)
    private DataSource dataSource;

    @Produces
    @ApplicationScoped
    DataSource dataSource() {
        return dataSource;
    }
}
