package org.learninghub.connect.hub.keys;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.learninghub.connect.lti.keys.KeySecret;
import org.learninghub.connect.lti.keys.ToolKeySecrets;

/**
 * The Hub's {@link ToolKeySecrets}: {@code hub.keys.secret} when set; otherwise, on the embedded database
 * only, a secret generated into {@code <hub.data.dir>/keys.secret}; on PostgreSQL none (the tool keys are
 * then unavailable and the Hub is not ready). Previous secrets, tried when the current one does not open the
 * stored keys: {@code hub.keys.secret.previous}, then the generated file if there is one (so setting
 * {@code hub.keys.secret} on an embedded installation re-encrypts its keys under it).
 */
@ApplicationScoped
public class HubToolKeySecrets implements ToolKeySecrets {

    private static final Logger LOG = Logger.getLogger(HubToolKeySecrets.class.getName());

    public static final String SECRET = "hub.keys.secret";
    public static final String PREVIOUS = "hub.keys.secret.previous";
    static final String SECRET_NAME = SECRET + " (HUB_KEYS_SECRET)";
    static final String PREVIOUS_NAME = PREVIOUS + " (HUB_KEYS_SECRET_PREVIOUS)";

    @Inject
    Config config;

    private volatile Optional<KeySecret> current = Optional.empty();
    private volatile List<KeySecret> previous = List.of();
    private volatile String missingReason = "the tool key secret has not been looked up yet (start-up)";

    /** Looks the secrets up once, at start-up, generating the embedded database's secret if needed. */
    void resolve(boolean embeddedDatabase) {
        KeySecretFile file = new KeySecretFile(Path.of(setting("hub.data.dir").orElse("./data")));
        List<KeySecret> older = new ArrayList<>();
        setting(PREVIOUS).ifPresent(p -> older.add(new KeySecret(PREVIOUS_NAME, p, false)));
        try {
            Optional<String> configured = setting(SECRET);
            if (configured.isPresent()) {
                current = Optional.of(new KeySecret(SECRET_NAME, configured.get(), false));
                generatedBefore(file).ifPresent(older::add);
            } else if (embeddedDatabase) {
                current = Optional.of(new KeySecret(file.path().toString(), file.readOrCreate(), true));
            } else {
                missingReason = SECRET_NAME + " is not set. With PostgreSQL the Hub does not generate one: set it to"
                        + " a long random value kept outside the database (e.g. openssl rand -base64 32), the same on"
                        + " every node, and restart. Until then the LTI tool's keys are unavailable and the Hub is"
                        + " not ready.";
            }
        } catch (IOException | RuntimeException e) {
            current = Optional.empty();
            missingReason = "the generated tool key secret " + file.path() + " cannot be read or created: "
                    + e.getMessage();
        }
        older.removeIf(p -> current.map(c -> c.value().equals(p.value())).orElse(false));
        previous = List.copyOf(older);
    }

    /** A secret generated at an earlier start, to open keys sealed under it; unreadable is only a warning here. */
    private static Optional<KeySecret> generatedBefore(KeySecretFile file) {
        try {
            return file.read().map(f -> new KeySecret(file.path().toString(), f, true));
        } catch (IOException e) {
            LOG.warning(() -> "Ignoring " + file.path() + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public Optional<KeySecret> current() {
        return current;
    }

    @Override
    public List<KeySecret> previous() {
        return previous;
    }

    @Override
    public String missingReason() {
        return missingReason;
    }

    private Optional<String> setting(String key) {
        return config.getOptionalValue(key, String.class).filter(v -> !v.isBlank());
    }
}
