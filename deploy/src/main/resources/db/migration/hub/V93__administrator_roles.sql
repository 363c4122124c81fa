-- Administrator accounts get a role: hub-admin (every trust) or trust-admin (exactly one trust).
-- Existing administrators (the bootstrap one) become hub-admins. Plain SQL that PostgreSQL and H2 both read.
ALTER TABLE admin_user ADD COLUMN role VARCHAR(16) DEFAULT 'hub-admin' NOT NULL;
ALTER TABLE admin_user ADD COLUMN trust_id BIGINT;
ALTER TABLE admin_user ADD COLUMN disabled BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE admin_user ADD COLUMN updated TIMESTAMP WITH TIME ZONE;
ALTER TABLE admin_user ADD COLUMN password_changed TIMESTAMP WITH TIME ZONE;
UPDATE admin_user SET updated = created, password_changed = created;
ALTER TABLE admin_user ALTER COLUMN updated SET NOT NULL;
ALTER TABLE admin_user ALTER COLUMN password_changed SET NOT NULL;
ALTER TABLE admin_user ADD CONSTRAINT admin_user_trust_fk FOREIGN KEY (trust_id) REFERENCES trust (id);
-- A hub-admin belongs to no trust, a trust-admin to exactly one: the database holds the rule too.
ALTER TABLE admin_user ADD CONSTRAINT admin_user_role_trust CHECK (
    (role = 'hub-admin' AND trust_id IS NULL) OR (role = 'trust-admin' AND trust_id IS NOT NULL));
CREATE INDEX admin_user_trust ON admin_user (trust_id);
