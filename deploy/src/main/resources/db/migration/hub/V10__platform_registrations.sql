-- LMS platforms registered with the LTI tool, owned by a trust (tenant_id). One issuer + client_id pair
-- identifies a registration across the whole Hub: a launch names both.
CREATE SEQUENCE platform_registration_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE platform_registration (
    id                     BIGINT        NOT NULL PRIMARY KEY,
    tenant_id              BIGINT        NOT NULL REFERENCES trust (id),
    issuer                 VARCHAR(500)  NOT NULL,
    client_id              VARCHAR(255)  NOT NULL,
    auth_login_url         VARCHAR(2000) NOT NULL,
    access_token_url       VARCHAR(2000) NOT NULL,
    access_token_audience  VARCHAR(2000),
    jwks_url               VARCHAR(2000),
    public_jwk             VARCHAR(4000),
    status                 VARCHAR(16)   NOT NULL,
    created                TIMESTAMP WITH TIME ZONE NOT NULL,
    updated                TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT platform_registration_issuer_client UNIQUE (issuer, client_id)
);
CREATE INDEX platform_registration_tenant ON platform_registration (tenant_id);

-- The deployment ids (LTI Core §3.1.3) a platform may launch from.
CREATE TABLE platform_deployment (
    registration_id  BIGINT       NOT NULL REFERENCES platform_registration (id),
    deployment_id    VARCHAR(255) NOT NULL,
    PRIMARY KEY (registration_id, deployment_id)
);
