package org.learninghub.connect.hub.catalogue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.learninghub.connect.hub.api.HubProblem;
import org.learninghub.connect.hub.catalogue.quality.CleanResource;
import org.learninghub.connect.hub.catalogue.quality.Problem;
import org.learninghub.connect.hub.catalogue.quality.QualityCheck;
import org.learninghub.connect.hub.catalogue.quality.QualityRules;

/**
 * Creating, changing and moving single resources through their life cycle. Every write passes
 * {@link QualityRules} and the duplicate checks first; a rejected resource changes nothing.
 */
@ApplicationScoped
public class Catalogue {

    @Inject
    CatalogueDatabase db;

    /**
     * A new resource: published when national (an administrator adds it), {@code in-review} when it is a trust's
     * contribution, which a Hub administrator then publishes or returns.
     */
    public Resource create(ResourceInput input) {
        UUID id = UUID.randomUUID();
        try (Connection c = db.connection()) {
            Checked checked = checked(c, input, id);
            ResourceStatus status = checked.clean().ownerTrust() == null ? ResourceStatus.PUBLISHED
                    : ResourceStatus.IN_REVIEW;
            Instant now = Instant.now();
            try (PreparedStatement st = c.prepareStatement(ResourceRows.INSERT)) {
                ResourceRows.bind(st, checked.clean(), checked.ownerId(), checked.check(), status, now);
                st.setObject(20, id);
                st.setObject(21, now.atOffset(ZoneOffset.UTC));
                st.executeUpdate();
            }
            return find(c, id).orElseThrow();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store a catalogue resource", e);
        }
    }

    /** Replaces the metadata; the status stays (a returned contribution is fixed here, then submitted). */
    public Resource update(UUID id, ResourceInput input) {
        try (Connection c = db.connection()) {
            Resource current = find(c, id).orElseThrow(() -> HubProblem.notFound("resource " + id));
            Checked checked = checked(c, input, id);
            try (PreparedStatement st = c.prepareStatement(ResourceRows.UPDATE)) {
                ResourceRows.bind(st, checked.clean(), checked.ownerId(), checked.check(),
                        ResourceStatus.parse(current.status()).orElseThrow(), Instant.now());
                st.setObject(20, id);
                st.executeUpdate();
            }
            return find(c, id).orElseThrow();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update a catalogue resource", e);
        }
    }

    public Optional<Resource> find(UUID id) {
        try (Connection c = db.connection()) {
            return find(c, id);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read a catalogue resource", e);
        }
    }

    public Resource require(UUID id) {
        return find(id).orElseThrow(() -> HubProblem.notFound("resource " + id));
    }

    /**
     * Moves a resource from one of {@code from} to {@code to}; a resource in any other status is a 409 naming it.
     * {@code comments} replace the review comments when given (a return), and are cleared on publication.
     */
    public Resource move(UUID id, Set<ResourceStatus> from, ResourceStatus to, String comments) {
        try (Connection c = db.connection()) {
            Resource current = find(c, id).orElseThrow(() -> HubProblem.notFound("resource " + id));
            ResourceStatus status = ResourceStatus.parse(current.status()).orElseThrow();
            if (!from.contains(status)) {
                throw HubProblem.conflict("status", "a " + status.code() + " resource cannot become " + to.code());
            }
            String keep = to == ResourceStatus.PUBLISHED ? null : comments != null ? comments : current.reviewComments();
            try (PreparedStatement st = c.prepareStatement("update catalogue_resource set status = ?,"
                    + " review_comments = ?, updated = ? where id = ? and status = ?")) {
                st.setString(1, to.code());
                st.setString(2, keep);
                st.setObject(3, Instant.now().atOffset(ZoneOffset.UTC));
                st.setObject(4, id);
                st.setString(5, status.code());
                if (st.executeUpdate() != 1) {
                    throw HubProblem.conflict("status", "the resource changed meanwhile; read it again");
                }
            }
            return find(c, id).orElseThrow();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot change a catalogue resource's status", e);
        }
    }

    private record Checked(CleanResource clean, QualityCheck check, Long ownerId) {
    }

    private Checked checked(Connection c, ResourceInput input, UUID self) throws SQLException {
        QualityCheck check = QualityRules.check(input);
        if (check.rejected()) {
            throw Refusal.of(check.problems());
        }
        CleanResource clean = check.clean().orElseThrow();
        Long ownerId = null;
        if (clean.ownerTrust() != null) {
            ownerId = CatalogueDatabase.trustIds(c).get(clean.ownerTrust());
            if (ownerId == null) {
                throw Refusal.of(List.of(Problem.rejected("ownerTrust", "unknown-trust", clean.ownerTrust())));
            }
        }
        check = check.with(Duplicates.find(c, List.of(clean)).problems(clean, self));
        if (check.rejected()) {
            throw Refusal.of(check.problems());
        }
        return new Checked(clean, check, ownerId);
    }

    static Optional<Resource> find(Connection c, UUID id) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select " + ResourceRows.COLUMNS + ResourceRows.FROM
                + " where r.id = ?")) {
            st.setObject(1, id);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(ResourceRows.read(rs)) : Optional.empty();
            }
        }
    }
}
