-- The agent and activity filters read a link index in stored order and keep the direct rows
-- (relation 'D') unless related_agents / related_activities ask for all. With relation in the index the
-- database answers that from the index alone (an index-only scan on PostgreSQL once autovacuum has marked
-- the pages visible) instead of visiting a table row per link to read one character: a popular course is
-- named by more related rows (its modules' statements) than direct ones. Trailing key column rather than
-- INCLUDE, which H2 does not know; the order (tenant_id, key, seq DESC) is unchanged.
-- See src/docs/performance.md for the plans before and after.
CREATE INDEX xapi_statement_agent_key ON xapi_statement_agent (tenant_id, ifi, seq DESC, relation);
DROP INDEX xapi_statement_agent_ifi;
CREATE INDEX xapi_statement_activity_key ON xapi_statement_activity (tenant_id, iri, seq DESC, relation);
DROP INDEX xapi_statement_activity_iri;
