package org.learninghub.connect.hub.metrics;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/** Registers the Hub's metrics when the web module starts, so each is scraped (at 0) before its first event. */
@WebListener
public class MetricsStart implements ServletContextListener {

    @Inject
    HubMetrics metrics;

    @Inject
    OutboxBacklog outbox;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        metrics.registerAll();
        outbox.register();
    }
}
