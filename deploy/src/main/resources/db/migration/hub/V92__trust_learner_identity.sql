-- A trust's choice of how its learners appear in xAPI statements (src/docs/federation.md, "Learner identity"):
-- 'pseudonymous' (an account named by the LTI sub, nothing more) or 'named' (the LTI name claim added as the
-- Agent's name). Every existing trust stays pseudonymous.
ALTER TABLE trust ADD COLUMN learner_identity VARCHAR(16) DEFAULT 'pseudonymous' NOT NULL;

-- For a trust that opted in, the learner's name and e-mail as the LMS last sent them, kept with the mapping only,
-- so a data-rights request (export, erasure) finds them; the e-mail never goes into a statement.
ALTER TABLE learner_mapping ADD COLUMN learner_name VARCHAR(255);
ALTER TABLE learner_mapping ADD COLUMN learner_email VARCHAR(320);
