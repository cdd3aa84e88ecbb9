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

/**
 * Indexes for the directory at national scale (250 000 associations), read in one statement by
 * `searchDirectory`: each covers what its part reads, so that no part reads the table's rows (each holds
 * the whole record as JSON) except the page's own.
 * - `associations_directory (id, …)`: the columns of the associations a full-text query matches, by id;
 * - `associations_by_name_keys (name_sort, id, …)`: keyset pages in name order, filtered within the index;
 * - `associations_by_region_keys` / `associations_by_legal_form_keys`: the facets and the total under the
 *   other filters (they replace the one-column indexes of `010_associations`).
 * `name_sort` is also cut to 60 characters, as `nameSortOf` now stores it, so that a page cursor holding
 * it stays within the contract's bounds.
 */
export const associationsDirectoryMigration: Migration = {
  id: '011_associations_directory',
  sql: `
UPDATE associations SET name_sort = substr(name_sort, 1, 60) WHERE length(name_sort) > 60;
DROP INDEX associations_by_name;
DROP INDEX associations_by_region;
DROP INDEX associations_by_legal_form;
CREATE INDEX associations_directory ON associations (id, name_sort, region, legal_form, public_utility);
CREATE INDEX associations_by_name_keys ON associations (name_sort, id, region, legal_form, public_utility);
CREATE INDEX associations_by_region_keys ON associations (region, legal_form, public_utility, id);
CREATE INDEX associations_by_legal_form_keys ON associations (legal_form, region, public_utility, id);
`,
};
