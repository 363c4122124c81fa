package org.learninghub.connect.lti.keys;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * When each tool key signs, when it is published and when a new one is due. A key is published from its
 * creation, {@code publishAhead} before it starts signing, so platforms that cache the tool's JWKS already
 * know it; a superseded key stays published for {@code grace}, so tokens it signed still verify.
 */
public record KeyRotationPolicy(Duration rotation, Duration publishAhead, Duration grace) {

    /** The key that signs now: the one activated most recently. */
    public Optional<ToolKey> signing(List<ToolKey> keys, Instant now) {
        return keys.stream().filter(k -> !k.activates().isAfter(now)).max(Comparator.comparing(ToolKey::activates));
    }

    /** The keys the JWKS endpoint shows now: upcoming, signing, and recently superseded ones. */
    public List<ToolKey> published(List<ToolKey> keys, Instant now) {
        List<ToolKey> byActivation = keys.stream().sorted(Comparator.comparing(ToolKey::activates)).toList();
        Optional<ToolKey> signing = signing(keys, now);
        return byActivation.stream().filter(k -> {
            if (k.activates().isAfter(now) || signing.map(s -> s.kid().equals(k.kid())).orElse(false)) {
                return true;
            }
            Instant supersededAt = byActivation.stream()
                    .map(ToolKey::activates)
                    .filter(a -> a.isAfter(k.activates()) && !a.isAfter(now))
                    .min(Comparator.naturalOrder())
                    .orElse(now);
            return supersededAt.plus(grace).isAfter(now);
        }).toList();
    }

    /**
     * When the next key must start signing, if one must be made now: immediately when no key signs yet
     * (none at all, or only successors waiting, as after an operator's rotation on an empty ring), otherwise
     * {@code publishAhead} from now once the signing key is due for rotation and no successor is waiting.
     */
    public Optional<Instant> nextActivation(List<ToolKey> keys, Instant now) {
        Optional<ToolKey> signing = signing(keys, now);
        if (signing.isEmpty()) {
            return Optional.of(now);
        }
        boolean successorWaiting = keys.stream().anyMatch(k -> k.activates().isAfter(now));
        if (successorWaiting) {
            return Optional.empty();
        }
        Instant due = signing.get().activates().plus(rotation).minus(publishAhead);
        return due.isAfter(now) ? Optional.empty() : Optional.of(now.plus(publishAhead));
    }
}
