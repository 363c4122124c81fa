-- platform_storage: the registration declared that its platform implements LTI platform storage
-- (Client Side postMessages), so a launch whose state cookie was blocked may prove the state from there.
-- Off unless an administrator turns it on: a login request can never turn it on.
-- frame_origins: LMS page origins, besides those of the issuer and the auth URL, that may show the tool
-- in a frame (CSP frame-ancestors), space-separated, each a validated scheme://host[:port].
ALTER TABLE platform_registration ADD COLUMN platform_storage BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE platform_registration ADD COLUMN frame_origins VARCHAR(4000) DEFAULT '' NOT NULL;
