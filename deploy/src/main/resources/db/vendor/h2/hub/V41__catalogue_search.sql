-- H2 twin of the PostgreSQL full-text index: H2 has no tsvector or GIN; catalogue search on H2 matches
-- with LIKE over title, keywords and description and ranks by where the terms occur (CatalogueQueries).
CREATE INDEX catalogue_resource_type_ix ON catalogue_resource (type);
