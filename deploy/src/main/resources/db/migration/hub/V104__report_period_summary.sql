-- Compacted activity of closed periods (src/docs/reporting.md, "Compaction"): the activity report reads a day or
-- ISO week from here once it is compacted instead of counting its roll-up rows again. Written by
-- hub.reporting.PeriodCompaction on PostgreSQL only; on H2 the tables stay empty and every report is live.
-- tenant_id 0 is all trusts together; its row is also the marker that the period is compacted (written even when
-- the period is empty). period: D a UTC day, W an ISO week (period_start its Monday). A late statement deletes the
-- rows of its day and week (its trust and 0), so they are counted live again until compacted anew.
CREATE TABLE report_period_summary (
    tenant_id     BIGINT  NOT NULL,
    period        CHAR(1) NOT NULL,
    period_start  DATE    NOT NULL,
    launches      BIGINT  NOT NULL,
    completions   BIGINT  NOT NULL,
    passes        BIGINT  NOT NULL,
    fails         BIGINT  NOT NULL,
    learners      BIGINT  NOT NULL,
    median        DOUBLE PRECISION,
    CONSTRAINT report_period_summary_pk PRIMARY KEY (tenant_id, period, period_start)
);

-- The compaction horizon: the latest day compacted so far (NULL before the first pass). One row, id 1.
CREATE TABLE report_compaction (
    id       INT  NOT NULL,
    horizon  DATE,
    CONSTRAINT report_compaction_pk PRIMARY KEY (id)
);
INSERT INTO report_compaction (id, horizon) VALUES (1, NULL);
