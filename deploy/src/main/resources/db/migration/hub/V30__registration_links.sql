-- One-time links an administrator issues so an LMS can register itself with the tool (LTI Dynamic
-- Registration) into the link's trust. The link's token is a bearer secret: only its SHA-256 is stored.
-- claimed: a registration with this link is under way (or done); registration_id: the registration it
-- created, after which the link never works again.
CREATE SEQUENCE registration_link_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE registration_link (
    id               BIGINT       NOT NULL PRIMARY KEY,
    tenant_id        BIGINT       NOT NULL REFERENCES trust (id),
    token_hash       VARCHAR(64)  NOT NULL,
    created          TIMESTAMP WITH TIME ZONE NOT NULL,
    expires          TIMESTAMP WITH TIME ZONE NOT NULL,
    claimed          TIMESTAMP WITH TIME ZONE,
    registration_id  BIGINT       REFERENCES platform_registration (id),
    CONSTRAINT registration_link_token UNIQUE (token_hash)
);
CREATE INDEX registration_link_tenant ON registration_link (tenant_id);
