package org.learninghub.connect.hub.it;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * Gives every {@link HubIT} its server: one Payara Micro with the packaged war for the whole test JVM, started
 * by the first class that needs it and stopped when the JVM's test run ends (the root store closes it), or a
 * fresh one per class marked {@link OwnHubServer}. A server that fails to start fails every class that needs it
 * at once, with the reason and the end of the server's output, instead of each class waiting again.
 */
final class SharedHubServer implements BeforeAllCallback, TestInstancePostProcessor {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedHubServer.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        server(context);
    }

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
        ((HubIT) testInstance).base = server(context).base();
    }

    private static HubServer server(ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        Class<?> testClass = classContext.getRequiredTestClass();
        if (testClass.isAnnotationPresent(OwnHubServer.class)) {
            Path log = HubProcess.logFile(testClass.getSimpleName()).toPath();
            return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(testClass,
                    key -> Start.of(() -> HubServer.start(HubProcess.freePort(), log)), Start.class).server();
        }
        Path log = Path.of(System.getProperty("hub.it.shared.log", "target/shared-hub.log"));
        int port = Integer.getInteger("hub.it.port", 18080);
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("shared",
                key -> Start.of(() -> HubServer.start(port, log)), Start.class).server();
    }

    /** A started server, or why it did not start (kept, so later classes fail at once with the same reason). */
    private record Start(HubServer started, RuntimeException failure) implements AutoCloseable {

        static Start of(java.util.function.Supplier<HubServer> start) {
            try {
                return new Start(start.get(), null);
            } catch (RuntimeException e) {
                return new Start(null, e);
            }
        }

        HubServer server() {
            if (failure != null) {
                throw new IllegalStateException("the Hub server for the integration tests did not start: "
                        + failure.getMessage(), failure);
            }
            return started;
        }

        @Override
        public void close() {
            if (started != null) {
                started.close();
            }
        }
    }
}
