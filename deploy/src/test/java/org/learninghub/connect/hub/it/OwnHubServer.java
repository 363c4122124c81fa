package org.learninghub.connect.hub.it;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@link HubIT} class: it gets a fresh server of its own (same settings as the shared one, on a free
 * loopback port), started before its first test and stopped after its last. Only for a class that changes
 * server-wide state irreversibly; its javadoc says which state. Every other class shares one server.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface OwnHubServer {
}
