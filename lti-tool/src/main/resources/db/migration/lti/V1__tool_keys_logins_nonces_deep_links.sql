-- The tool's own RSA key pairs. private_jwk holds the private JWK, as a JWE (dir, A256GCM) under a key
-- derived from hub.keys.secret when protection = 'JWE_A256GCM', or as plain JSON when protection = 'NONE'.
-- A key signs from `activates` on; it is published from its creation (before it signs) and for a grace
-- period after a newer key took over.
CREATE TABLE lti_tool_key (
    kid          VARCHAR(64)    NOT NULL PRIMARY KEY,
    public_jwk   VARCHAR(4000)  NOT NULL,
    private_jwk  VARCHAR(12000) NOT NULL,
    protection   VARCHAR(16)    NOT NULL,
    created      TIMESTAMP WITH TIME ZONE NOT NULL,
    activates    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One row per OIDC login initiation (Security Framework §5.1.1): the state and nonce sent to the
-- platform, and what the launch must match. Deleted when a launch uses it, so a state works once.
CREATE TABLE lti_login_state (
    state            VARCHAR(64)   NOT NULL PRIMARY KEY,
    nonce            VARCHAR(64)   NOT NULL,
    registration_id  BIGINT        NOT NULL,
    target_link_uri  VARCHAR(2000) NOT NULL,
    storage_target   VARCHAR(200),
    storage_proof    VARCHAR(64),
    created          TIMESTAMP WITH TIME ZONE NOT NULL,
    expires          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX lti_login_state_expires ON lti_login_state (expires);

-- Nonces of accepted id_tokens (OIDC Core §3.1.3.7 rule 11, Security Framework §5.1.3): the primary key
-- makes a second use fail on every node and after restarts. Rows may go once past expires.
CREATE TABLE lti_used_nonce (
    issuer   VARCHAR(500) NOT NULL,
    nonce    VARCHAR(255) NOT NULL,
    expires  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (issuer, nonce)
);
CREATE INDEX lti_used_nonce_expires ON lti_used_nonce (expires);

-- A validated deep linking request waiting for the teacher's pick (Deep Linking 2.0 §4.4). The picker form
-- carries only the random id; everything the response needs comes from this row. Deleted when answered.
CREATE TABLE lti_deep_link_session (
    id                VARCHAR(64)   NOT NULL PRIMARY KEY,
    registration_id   BIGINT        NOT NULL,
    deployment_id     VARCHAR(255)  NOT NULL,
    return_url        VARCHAR(2000) NOT NULL,
    accept_types      VARCHAR(500)  NOT NULL,
    accept_multiple   BOOLEAN       NOT NULL,
    data              VARCHAR(4000),
    expires           TIMESTAMP WITH TIME ZONE NOT NULL
);
