package org.learninghub.connect.hub.bridge.outbox;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/** Begins the outbox rounds when the web module has started, so that this node answers its own JWKS. */
@WebListener
public class OutboxStart implements ServletContextListener {

    @Inject
    OutboxWorker worker;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        worker.begin();
    }
}
