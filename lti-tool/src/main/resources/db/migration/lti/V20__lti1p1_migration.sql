-- LTI 1.1 -> 1.3 migration. The LTI 1.1 consumer key and shared secret a platform registration used before
-- (one per registration; registration_id is the deploying application's registration id). secret is a JWE
-- (dir, A256GCM) under the same sealing key as lti_tool_key (protection = 'PBKDF2_A256GCM'), sealed again
-- with the tool keys when hub.keys.secret changes.
CREATE TABLE lti_lti1p1_consumer (
    registration_id  BIGINT        NOT NULL PRIMARY KEY,
    consumer_key     VARCHAR(255)  NOT NULL,
    secret           VARCHAR(4000) NOT NULL,
    protection       VARCHAR(16)   NOT NULL,
    updated          TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A learner's LTI 1.1 user_id, linked to their LTI 1.3 sub on a platform (issuer), recorded only after the
-- launch's oauth_consumer_key_sign verified under the registration's LTI 1.1 secret.
CREATE TABLE lti_lti1p1_user_link (
    issuer           VARCHAR(500)  NOT NULL,
    sub              VARCHAR(255)  NOT NULL,
    registration_id  BIGINT        NOT NULL,
    consumer_key     VARCHAR(255)  NOT NULL,
    lti11_user_id    VARCHAR(255)  NOT NULL,
    linked           TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (issuer, sub)
);
CREATE INDEX lti_lti1p1_user_link_user ON lti_lti1p1_user_link (consumer_key, lti11_user_id);
