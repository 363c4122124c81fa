-- The national catalogue (src/docs/catalogue.md). Column sizes are the limits the quality rules check
-- (hub.catalogue.quality.Limits) before any SQL runs.
CREATE TABLE catalogue_resource (
    id               UUID NOT NULL PRIMARY KEY,
    title            VARCHAR(250) NOT NULL,
    -- Normalised title (case-folded, single spaces) for duplicate detection.
    title_key        VARCHAR(250) NOT NULL,
    description      VARCHAR(4000),
    -- Case-folded, de-duplicated keywords joined by ';'.
    keywords         VARCHAR(1100),
    type             VARCHAR(32) NOT NULL,
    launch_url       VARCHAR(2048) NOT NULL,
    activity_id      VARCHAR(2048),
    version          VARCHAR(50),
    -- NULL: national content; otherwise the contributing trust.
    owner_trust_id   BIGINT REFERENCES trust (id),
    source           VARCHAR(40),
    source_id        VARCHAR(200),
    audience         VARCHAR(500),
    licence          VARCHAR(200),
    status           VARCHAR(16) NOT NULL,
    gradable         BOOLEAN NOT NULL,
    score_maximum    DOUBLE PRECISION,
    quality_score    INTEGER NOT NULL,
    -- The open quality warnings as a JSON array of {field, rule, value}.
    quality_warnings VARCHAR(20000) NOT NULL,
    review_comments  VARCHAR(4000),
    created          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT catalogue_resource_source_uq UNIQUE (source, source_id)
);
CREATE INDEX catalogue_resource_title_key_ix ON catalogue_resource (title_key);
CREATE INDEX catalogue_resource_launch_url_ix ON catalogue_resource (launch_url);
CREATE INDEX catalogue_resource_activity_id_ix ON catalogue_resource (activity_id);
CREATE INDEX catalogue_resource_status_ix ON catalogue_resource (status, updated DESC);
CREATE INDEX catalogue_resource_owner_ix ON catalogue_resource (owner_trust_id);

-- Every stored or refused import: who, when, which source, the counts and the whole report.
CREATE TABLE catalogue_import (
    id          UUID NOT NULL PRIMARY KEY,
    source      VARCHAR(40) NOT NULL,
    created_by  VARCHAR(200) NOT NULL,
    created     TIMESTAMP WITH TIME ZONE NOT NULL,
    strict      BOOLEAN NOT NULL,
    outcome     VARCHAR(16) NOT NULL,
    total_rows  INTEGER NOT NULL,
    accepted    INTEGER NOT NULL,
    warnings    INTEGER NOT NULL,
    rejected    INTEGER NOT NULL,
    created_count INTEGER NOT NULL,
    updated_count INTEGER NOT NULL,
    report      TEXT NOT NULL
);
CREATE INDEX catalogue_import_created_ix ON catalogue_import (created DESC);
