import type { Migration } from '../../db/db.js';

/**
 * The associations directory: the contract object as JSON in `data`, plus a real column for every filter,
 * sort and join; domains (multi-valued) in a link table.
 */
export const associationsMigration: Migration = {
  id: '010_associations',
  sql: `
CREATE TABLE associations (
  id TEXT PRIMARY KEY,
  registration_number TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  name_sort TEXT NOT NULL,
  acronym TEXT,
  region TEXT NOT NULL,
  legal_form TEXT NOT NULL,
  founded_on TEXT NOT NULL,
  public_utility INTEGER NOT NULL,
  size_band TEXT NOT NULL,
  data TEXT NOT NULL
);
CREATE INDEX associations_by_region ON associations (region);
CREATE INDEX associations_by_legal_form ON associations (legal_form);
CREATE INDEX associations_by_name ON associations (name_sort, id);

CREATE TABLE association_domains (
  association_id TEXT NOT NULL REFERENCES associations(id) ON DELETE CASCADE,
  domain TEXT NOT NULL,
  PRIMARY KEY (association_id, domain)
);
CREATE INDEX association_domains_by_domain ON association_domains (domain, association_id);
`,
};
