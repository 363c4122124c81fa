-- Reporting roll-ups (src/docs/reporting.md), written by hub.reporting.RollupListener in the transaction of the
-- statements they count, so a report reads these small tables and never scans statements. Learners are kept as
-- the SHA-256 (hex) of their actor's IFI: the reports count people, they never name them.

-- Counters per trust, catalogue resource and UTC day. week_start (the Monday of on_day) lets a weekly series
-- group without vendor date functions.
CREATE TABLE report_daily (
    tenant_id    BIGINT  NOT NULL,
    resource_id  UUID    NOT NULL,
    on_day       DATE    NOT NULL,
    week_start   DATE    NOT NULL,
    launches     BIGINT  NOT NULL,
    completions  BIGINT  NOT NULL,
    passes       BIGINT  NOT NULL,
    fails        BIGINT  NOT NULL,
    CONSTRAINT report_daily_pk PRIMARY KEY (tenant_id, resource_id, on_day)
);
CREATE INDEX report_daily_day ON report_daily (on_day, tenant_id);

-- Which learners were active (any statement) on a resource on a day: distinct counts over any range and any set of
-- resources come from here.
CREATE TABLE report_learner_day (
    tenant_id    BIGINT   NOT NULL,
    resource_id  UUID     NOT NULL,
    on_day       DATE     NOT NULL,
    week_start   DATE     NOT NULL,
    learner      CHAR(64) NOT NULL,
    CONSTRAINT report_learner_day_pk PRIMARY KEY (tenant_id, resource_id, on_day, learner)
);
CREATE INDEX report_learner_day_day ON report_learner_day (on_day, tenant_id);

-- One row per counted kind of each launched/completed/passed/failed statement on a catalogue resource: what
-- voiding takes back, and the durations the median time to complete is computed from. kind: L launch,
-- C completion (completed or passed), P pass, F fail. attempt: the statement's registration (one completion, pass
-- and fail per attempt), or the statement id for launches and statements without a registration. counted: this row
-- is the one its attempt's count rests on (report_attempt).
CREATE TABLE report_outcome (
    tenant_id         BIGINT   NOT NULL,
    statement_id      UUID     NOT NULL,
    kind              CHAR(1)  NOT NULL,
    attempt           UUID     NOT NULL,
    resource_id       UUID     NOT NULL,
    learner           CHAR(64) NOT NULL,
    occurred          TIMESTAMP WITH TIME ZONE NOT NULL,
    on_day            DATE     NOT NULL,
    week_start        DATE     NOT NULL,
    duration_seconds  BIGINT,
    counted           BOOLEAN  NOT NULL,
    voided            BOOLEAN  NOT NULL,
    CONSTRAINT report_outcome_pk PRIMARY KEY (tenant_id, statement_id, kind)
);
CREATE INDEX report_outcome_attempt ON report_outcome (tenant_id, attempt, kind);
CREATE INDEX report_outcome_day ON report_outcome (on_day, tenant_id, resource_id);
CREATE INDEX report_outcome_learner ON report_outcome (tenant_id, resource_id, learner);

-- The counted statement of each attempt and kind: the primary key makes "at most one" hold under concurrency.
CREATE TABLE report_attempt (
    tenant_id     BIGINT  NOT NULL,
    attempt       UUID    NOT NULL,
    kind          CHAR(1) NOT NULL,
    statement_id  UUID    NOT NULL,
    CONSTRAINT report_attempt_pk PRIMARY KEY (tenant_id, attempt, kind)
);

-- The compliance report's learners per trust and resource: enrolled at their first launch (no roster is stored),
-- completed at their earliest counted completion.
CREATE TABLE report_enrolment (
    tenant_id    BIGINT   NOT NULL,
    resource_id  UUID     NOT NULL,
    learner      CHAR(64) NOT NULL,
    enrolled     TIMESTAMP WITH TIME ZONE NOT NULL,
    completed    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT report_enrolment_pk PRIMARY KEY (tenant_id, resource_id, learner)
);
