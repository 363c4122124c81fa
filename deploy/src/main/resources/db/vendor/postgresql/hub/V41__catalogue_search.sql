-- Full-text search over the catalogue (PostgreSQL only; the H2 twin of this version searches with LIKE).
-- Weights: title A, keywords B, description C, so ts_rank puts title matches first.
ALTER TABLE catalogue_resource ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', coalesce(title, '')), 'A')
    || setweight(to_tsvector('english', replace(coalesce(keywords, ''), ';', ' ')), 'B')
    || setweight(to_tsvector('english', coalesce(description, '')), 'C')) STORED;
CREATE INDEX catalogue_resource_search_ix ON catalogue_resource USING GIN (search_vector);
CREATE INDEX catalogue_resource_type_ix ON catalogue_resource (type);
