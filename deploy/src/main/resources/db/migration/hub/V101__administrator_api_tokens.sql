-- Personal API tokens of administrator accounts, for scripts on /admin/api/ (Authorization: Bearer lhc_…).
-- Only the SHA-256 (hex) of a token is kept; the token itself is shown once, when it is made. A token acts with
-- its account's current role, trust and status. Plain SQL that PostgreSQL and H2 both read.
CREATE TABLE admin_api_token (
    id             UUID         NOT NULL PRIMARY KEY,
    admin_user_id  BIGINT       NOT NULL,
    name           VARCHAR(100) NOT NULL,
    token_hash     VARCHAR(64)  NOT NULL,
    created        TIMESTAMP WITH TIME ZONE NOT NULL,
    expires        TIMESTAMP WITH TIME ZONE NOT NULL,
    -- written at most once a minute per token, so a busy script costs no write per request
    last_used      TIMESTAMP WITH TIME ZONE,
    revoked        TIMESTAMP WITH TIME ZONE,
    CONSTRAINT admin_api_token_hash_unique UNIQUE (token_hash),
    CONSTRAINT admin_api_token_account_fk FOREIGN KEY (admin_user_id) REFERENCES admin_user (id) ON DELETE CASCADE
);
CREATE INDEX admin_api_token_account ON admin_api_token (admin_user_id);
