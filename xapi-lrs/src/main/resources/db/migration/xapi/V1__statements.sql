-- xAPI statements of every tenant (trust). A statement is kept as the exact JSON the LRS returns
-- (format=exact) plus the columns and link rows each query filter needs. Every table leads with
-- tenant_id and every index with (tenant_id, key, seq): a query never leaves its tenant and reads
-- in stored order (seq) straight from the index.
--
-- seq is the stored-order key: a sequence without cache, so it grows with insertion order across
-- sessions; "more" paging continues from the last seq a page returned, which stays correct while new
-- statements arrive.
CREATE SEQUENCE xapi_statement_seq;

CREATE TABLE xapi_statement (
    tenant_id       BIGINT        NOT NULL,
    id              UUID          NOT NULL,
    seq             BIGINT        NOT NULL,
    stored          TIMESTAMP WITH TIME ZONE NOT NULL,
    registration    UUID,
    -- set on a voiding statement: the id of the statement it voids
    voiding_target  UUID,
    -- true once a voiding statement targets this one; voided statements leave query results
    voided          BOOLEAN       NOT NULL,
    has_attachments BOOLEAN       NOT NULL,
    statement_json  TEXT          NOT NULL,
    CONSTRAINT xapi_statement_pk PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX xapi_statement_order ON xapi_statement (tenant_id, seq DESC);
CREATE INDEX xapi_statement_stored ON xapi_statement (tenant_id, stored, seq);
CREATE INDEX xapi_statement_registration ON xapi_statement (tenant_id, registration, seq DESC);
CREATE INDEX xapi_statement_voiding ON xapi_statement (tenant_id, voiding_target);

-- Agents and identified Groups a statement names, by normalised IFI (Ifi.key()).
-- relation 'D' (direct): actor or object (the agent filter); 'R': any other place (related_agents).
CREATE TABLE xapi_statement_agent (
    tenant_id  BIGINT        NOT NULL,
    seq        BIGINT        NOT NULL,
    ifi        VARCHAR(2100) NOT NULL,
    relation   CHAR(1)       NOT NULL
);
CREATE INDEX xapi_statement_agent_ifi ON xapi_statement_agent (tenant_id, ifi, seq DESC);
CREATE INDEX xapi_statement_agent_seq ON xapi_statement_agent (tenant_id, seq);

-- Activities a statement names. relation 'D': the object (activity filter); 'R': context
-- activities and sub-statement activities (related_activities).
CREATE TABLE xapi_statement_activity (
    tenant_id  BIGINT        NOT NULL,
    seq        BIGINT        NOT NULL,
    iri        VARCHAR(2048) NOT NULL,
    relation   CHAR(1)       NOT NULL
);
CREATE INDEX xapi_statement_activity_iri ON xapi_statement_activity (tenant_id, iri, seq DESC);
CREATE INDEX xapi_statement_activity_seq ON xapi_statement_activity (tenant_id, seq);

-- Verbs a statement matches: its own, and that of a statement it references (StatementRef), as the
-- verb filter must return referencing statements too (1.0.3 Communication 2.1.3, filter conditions).
CREATE TABLE xapi_statement_verb (
    tenant_id  BIGINT        NOT NULL,
    seq        BIGINT        NOT NULL,
    iri        VARCHAR(2048) NOT NULL
);
CREATE INDEX xapi_statement_verb_iri ON xapi_statement_verb (tenant_id, iri, seq DESC);
CREATE INDEX xapi_statement_verb_seq ON xapi_statement_verb (tenant_id, seq);

-- Attachment contents by SHA-256, shared by every statement of the tenant that names them.
CREATE TABLE xapi_attachment (
    tenant_id     BIGINT        NOT NULL,
    sha2          VARCHAR(128)  NOT NULL,
    content_type  VARCHAR(255)  NOT NULL,
    content       BYTEA         NOT NULL,
    CONSTRAINT xapi_attachment_pk PRIMARY KEY (tenant_id, sha2)
);

-- Canonical Activity definitions (1.0.3 Communication 2.5), merged from stored statements.
CREATE TABLE xapi_activity (
    tenant_id        BIGINT        NOT NULL,
    iri              VARCHAR(2048) NOT NULL,
    definition_json  TEXT          NOT NULL,
    CONSTRAINT xapi_activity_pk PRIMARY KEY (tenant_id, iri)
);
