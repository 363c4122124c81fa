-- Sign-in of people through the trust's OpenID Connect identity provider, and their browser sessions.
-- Plain SQL that PostgreSQL and H2 both read.

-- An account may be mapped to the identity provider's subject (hub.oidc.claim=sub); NULL for most. Unique:
-- one person at the provider is one account here (several NULLs are allowed by both databases).
ALTER TABLE admin_user ADD COLUMN oidc_subject VARCHAR(255);
ALTER TABLE admin_user ADD CONSTRAINT admin_user_oidc_subject_unique UNIQUE (oidc_subject);

-- A sign-in under way: what the callback must find again (state, nonce, PKCE verifier), keyed by the hash
-- of the random value in the browser's short-lived cookie. In the database, so the callback may reach any
-- node; deleted when the callback takes it (one use) or once expired.
CREATE TABLE signin_attempt (
    id_hash        VARCHAR(64)  NOT NULL PRIMARY KEY,
    state          VARCHAR(64)  NOT NULL,
    nonce          VARCHAR(64)  NOT NULL,
    code_verifier  VARCHAR(128) NOT NULL,
    return_path    VARCHAR(500) NOT NULL,
    expires        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX signin_attempt_expires ON signin_attempt (expires);

-- A signed-in browser: only the hash of the cookie's random id is kept, so the table cannot be replayed.
CREATE TABLE admin_session (
    id_hash        VARCHAR(64)  NOT NULL PRIMARY KEY,
    admin_user_id  BIGINT       NOT NULL,
    csrf_token     VARCHAR(64)  NOT NULL,
    created        TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT admin_session_account_fk FOREIGN KEY (admin_user_id) REFERENCES admin_user (id) ON DELETE CASCADE
);
CREATE INDEX admin_session_account ON admin_session (admin_user_id);
CREATE INDEX admin_session_last_seen ON admin_session (last_seen);
