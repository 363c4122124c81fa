package org.learninghub.connect.hub.trust;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A trust: the tenant. It owns LMS platform registrations and LRS credentials; its id is the
 * {@code tenant_id} of every row that belongs to it.
 */
@Entity
@Table(name = "trust")
public class Trust {

    public enum Status { ACTIVE, DISABLED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "trust_seq")
    @SequenceGenerator(name = "trust_seq", sequenceName = "trust_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, unique = true)
    private String code;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    /** {@link LearnerIdentity#token()}: how learners appear in statements. */
    @Column(name = "learner_identity", nullable = false)
    private String learnerIdentity;

    // OffsetDateTime, not Instant: EclipseLink 4.0 would serialise an Instant into the column.
    @Column(nullable = false)
    private OffsetDateTime created;

    protected Trust() {
    }

    Trust(TrustCode code, String name, Instant created) {
        this.code = code.value();
        this.name = name;
        this.status = Status.ACTIVE;
        this.learnerIdentity = LearnerIdentity.PSEUDONYMOUS.token();
        this.created = created.atOffset(ZoneOffset.UTC);
    }

    public long id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public Status status() {
        return status;
    }

    public boolean isActive() {
        return status == Status.ACTIVE;
    }

    public LearnerIdentity learnerIdentity() {
        return LearnerIdentity.of(learnerIdentity);
    }

    void learnerIdentity(LearnerIdentity value) {
        this.learnerIdentity = value.token();
    }

    public Instant created() {
        return created.toInstant();
    }
}
