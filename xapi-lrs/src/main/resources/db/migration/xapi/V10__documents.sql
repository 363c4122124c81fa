-- Documents of the State, Activity Profile and Agent Profile resources (xAPI 1.0.3 Communication §2.2-2.7):
-- any bytes with their content type, one row each, confined to a tenant.
--
-- doc_key is the SHA-256 (hex) of everything that names one document (kind, activity, agent, registration,
-- document id), so one short unique index serves the hot single-document path however long the IRIs are;
-- two writers racing to create the same document collide on it instead of both inserting.
-- scope_key is the SHA-256 (hex) of kind, activity and agent: the lists of ids and the State "delete all"
-- read one index range of it. The plain columns are kept so rows stay readable and the hashes can be checked.
CREATE TABLE xapi_document (
    tenant_id     BIGINT       NOT NULL,
    doc_key       VARCHAR(64)  NOT NULL,
    scope_key     VARCHAR(64)  NOT NULL,
    kind          VARCHAR(16)  NOT NULL,
    activity_iri  VARCHAR      NOT NULL,
    agent_ifi     VARCHAR      NOT NULL,
    registration  UUID,
    doc_id        VARCHAR      NOT NULL,
    content_type  VARCHAR(255) NOT NULL,
    content       BYTEA        NOT NULL,
    etag          VARCHAR(40)  NOT NULL,
    updated       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT xapi_document_pk PRIMARY KEY (tenant_id, doc_key)
);
CREATE INDEX xapi_document_scope ON xapi_document (tenant_id, scope_key, updated);
