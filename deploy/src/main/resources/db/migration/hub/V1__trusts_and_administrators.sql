-- Trusts are the tenants: every trust-owned row elsewhere carries the trust id as tenant_id.
CREATE SEQUENCE trust_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE trust (
    id       BIGINT       NOT NULL PRIMARY KEY,
    code     VARCHAR(32)  NOT NULL,
    name     VARCHAR(200) NOT NULL,
    status   VARCHAR(16)  NOT NULL,
    created  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT trust_code_unique UNIQUE (code)
);

-- Hub administrators; the first one comes from configuration at first start.
CREATE SEQUENCE admin_user_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE admin_user (
    id             BIGINT       NOT NULL PRIMARY KEY,
    username       VARCHAR(100) NOT NULL,
    password_hash  VARCHAR(100) NOT NULL,
    created        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT admin_user_username_unique UNIQUE (username)
);
