package org.learninghub.connect.hub.bridge.outbox;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * The web module has started: the outbox rounds begin at the latest a bounded time from here, if no request has
 * begun them before ({@link OutboxFirstRequest}; see {@link OutboxWorker}).
 */
@WebListener
public class OutboxStart implements ServletContextListener {

    @Inject
    OutboxWorker worker;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        worker.webModuleStarted();
    }
}
