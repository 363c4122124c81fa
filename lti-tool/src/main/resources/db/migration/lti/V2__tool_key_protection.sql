-- How the tool's private keys are sealed at rest (one row, id = 1): the AES-256 key that seals every
-- lti_tool_key.private_jwk (protection = 'JWE_A256GCM_PBKDF2') is derived from hub.keys.secret with
-- PBKDF2-HMAC-SHA256 under this salt and iteration count. check_value is a JWE (dir, A256GCM) of a fixed
-- text under that key: it tells at start-up, with one derivation, whether the configured secret is the one
-- the keys are sealed under, without trying every key. Neither the secret nor the derived key is stored.
CREATE TABLE lti_key_protection (
    id           INT           NOT NULL PRIMARY KEY,
    kdf          VARCHAR(32)   NOT NULL,
    salt         VARCHAR(64)   NOT NULL,
    iterations   INT           NOT NULL,
    check_value  VARCHAR(1000) NOT NULL,
    updated      TIMESTAMP WITH TIME ZONE NOT NULL
);
