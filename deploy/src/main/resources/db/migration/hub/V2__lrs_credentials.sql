-- LRS credentials (HTTP Basic key + secret) of a trust. The secret is stored as its SHA-256 only:
-- it is 256 random bits made by the Hub, so a fast hash loses nothing against guessing, and every
-- xAPI request can be checked without the cost of a password hash.
CREATE TABLE lrs_credential (
    cred_key     VARCHAR(64)  NOT NULL PRIMARY KEY,
    tenant_id    BIGINT       NOT NULL,
    name         VARCHAR(200) NOT NULL,
    secret_hash  VARCHAR(64)  NOT NULL,
    scopes       VARCHAR(500) NOT NULL,
    created      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires      TIMESTAMP WITH TIME ZONE,
    revoked      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT lrs_credential_trust FOREIGN KEY (tenant_id) REFERENCES trust (id)
);
CREATE INDEX lrs_credential_tenant ON lrs_credential (tenant_id);
