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

/**
 * What a text search of the directory reads of each match, keyed by the match's number in the search index
 * (`search_docs.docid`, the rowid of `search_association`), SQLite only. A match then costs one INTEGER
 * PRIMARY KEY lookup in a small table, where it cost a lookup of its TEXT id in `search_association`'s
 * content (≈ 2 µs) then in `associations_directory`, and the domain facet a third lookup in
 * `association_domains`: 70 ms for the 15 000 matches of a common word at 250 000 associations.
 * - `association_search_keys`: the filter columns, compact (≈ 30 bytes a row, 8 MB at 250 000) so that
 *   the pages a search reads stay few; `domains` is a bit set (bit numbers in `association_domain_bits`),
 *   so that the domain filter is one `&` and the domain facet one pass over the matches.
 * - `association_search_names`: the page's sort key and id, by docid for the matches that pass the
 *   filters, and in name order (`association_search_names_by_name`, with the docid) for a page that walks
 *   the directory's first names until it meets enough matches.
 * `saveAssociation` writes both in the transaction that writes the association; this migration fills them
 * from the associations there are (1 s at 250 000). PostgreSQL keeps its own path (the GIN index, then the
 * associations by key): nothing to create there.
 */
export const associationSearchKeysMigration: Migration = {
  id: '012_association_search_keys',
  sql: {
    sqlite: `
CREATE TABLE association_domain_bits (
  domain TEXT PRIMARY KEY,
  -- A bit set is a 64-bit integer: a 64th domain fails its write rather than go uncounted.
  bit INTEGER NOT NULL UNIQUE CHECK (bit BETWEEN 0 AND 62)
);
INSERT INTO association_domain_bits (domain, bit)
  SELECT domain, ROW_NUMBER() OVER (ORDER BY domain) - 1 FROM (SELECT DISTINCT domain FROM association_domains);
CREATE TABLE association_search_keys (
  docid INTEGER PRIMARY KEY,
  region TEXT NOT NULL,
  legal_form TEXT NOT NULL,
  public_utility INTEGER NOT NULL,
  domains INTEGER NOT NULL
);
CREATE TABLE association_search_names (
  docid INTEGER PRIMARY KEY,
  name_sort TEXT NOT NULL,
  association_id TEXT NOT NULL
);
INSERT INTO association_search_keys (docid, region, legal_form, public_utility, domains)
  SELECT d.docid, a.region, a.legal_form, a.public_utility, COALESCE((
    SELECT SUM(1 << b.bit) FROM association_domains x JOIN association_domain_bits b ON b.domain = x.domain
    WHERE x.association_id = a.id), 0)
  FROM search_docs d JOIN associations a ON a.id = d.id WHERE d.kind = 'association' ORDER BY d.docid;
INSERT INTO association_search_names (docid, name_sort, association_id)
  SELECT d.docid, a.name_sort, a.id
  FROM search_docs d JOIN associations a ON a.id = d.id WHERE d.kind = 'association' ORDER BY d.docid;
CREATE INDEX association_search_names_by_name ON association_search_names (name_sort, association_id);
`,
    postgres: 'SELECT 1;',
  },
};

/**
 * What changed in `association_search_keys` since a point, for the copy of its keys that the directory
 * keeps in memory (`directory-keys.ts`), SQLite only: each docid whose keys row was inserted, updated or
 * deleted, with the number of the last change to it (`seq`, one more than the greatest so far: one writer
 * at a time). Triggers rather than `saveAssociation`, so that no write of that table, whoever makes it (a
 * test's deletion, a future erasure), goes unseen; they add ≈ 2 µs to a keys write. One row per docid, so
 * it never outgrows the directory. The keys there are already are loaded whole; only later changes need a
 * row.
 */
export const associationSearchKeyChangesMigration: Migration = {
  id: '068_association_search_key_changes',
  sql: {
    sqlite: `
CREATE TABLE association_search_key_changes (
  docid INTEGER PRIMARY KEY,
  seq INTEGER NOT NULL
);
CREATE INDEX association_search_key_changes_by_seq ON association_search_key_changes (seq);
${searchKeyChangeTrigger('association_search_keys', 'insert', ['new'])}
${searchKeyChangeTrigger('association_search_keys', 'update', ['old', 'new'])}
${searchKeyChangeTrigger('association_search_keys', 'delete', ['old'])}
`,
    postgres: 'SELECT 1;',
  },
};

/**
 * The filter values of an association as one text, `["MA-05","association",0,"culture,education"]`: what
 * PostgreSQL keeps beside its words in `search_docs.group_keys`, so that a text's matches are grouped by
 * filter values from the rows the full-text index gives, without two key lookups a match in
 * `associations` and `association_domains` (at 250 000 associations those lookups were 45 of the 80 ms of
 * grouping 4 097 matches). `alias` names the `associations` row.
 *
 * @example
 * ```ts
 * groupKeysSql('a'); // "json_build_array(a.region, a.legal_form, a.public_utility, COALESCE(…))::text"
 * ```
 */
export function groupKeysSql(alias: string): string {
  return `json_build_array(${alias}.region, ${alias}.legal_form, ${alias}.public_utility, ${domainsKeySql('postgres', `${alias}.id`)})::text`;
}

/**
 * PostgreSQL: each association's filter values beside its words ({@link groupKeysSql}) in the search
 * index's `group_keys` (`069_search_group_keys`), kept by `saveAssociation`. SQLite has its own copy of them
 * (`association_search_keys`, in memory too).
 */
export const associationGroupKeysMigration: Migration = {
  id: '071_association_group_keys',
  sql: {
    sqlite: 'SELECT 1;',
    postgres: `
UPDATE search_docs s SET group_keys = (SELECT ${groupKeysSql('a')} FROM associations a WHERE a.id = s.id)
WHERE s.kind = 'association';
`,
  },
};

/**
 * The directory's names stamp their changes beside the keys' (`association_search_key_changes`), SQLite
 * only: the copy in memory keeps each docid's place in name order to pick a text's page from its matches
 * (`directory-keys.ts`), and a docid whose name was written loses its place until the places are read
 * again. A stamp means "read this docid again", whichever of its rows changed.
 */
export const associationSearchNameChangesMigration: Migration = {
  id: '072_association_search_name_changes',
  sql: {
    sqlite: `
${searchKeyChangeTrigger('association_search_names', 'insert', ['new'])}
${searchKeyChangeTrigger('association_search_names', 'update', ['old', 'new'])}
${searchKeyChangeTrigger('association_search_names', 'delete', ['old'])}
`,
    postgres: 'SELECT 1;',
  },
};

/**
 * PostgreSQL: each association's name as the directory sorts it (`name_sort`) in the search index's
 * `sort_key` (`075_search_sort_keys`), written with its words by `saveAssociation`, and an index of the
 * associations' rows in that order, so that a page of a text walks the names in order on the rows that hold
 * their words (`postgresSearchInOrder`). Walking the names of `associations` looked each one up in
 * `search_docs` by key: 6 µs a name at 250 000 associations, against 0.7 µs, so a text whose matches come
 * in runs of the name order (a word of a few similar names) gave up soon and sorted all its matches
 * (50–130 ms for 15 000 to 35 000 of them). SQLite has its names table by docid (`association_search_names`).
 */
export const associationSortKeysMigration: Migration = {
  id: '076_association_sort_keys',
  sql: {
    sqlite: 'SELECT 1;',
    postgres: `
UPDATE search_docs s SET sort_key = a.name_sort FROM associations a
WHERE s.kind = 'association' AND a.id = s.id;
CREATE INDEX IF NOT EXISTS search_docs_association_by_sort_key ON search_docs (sort_key, id)
WHERE kind = 'association';
`,
  },
};

/** The names of the triggers of {@link associationSearchKeyChangesMigration}, which the copy checks for. */
export const SEARCH_KEY_CHANGE_TRIGGERS = ['insert', 'update', 'delete'].map(
  (event) => `association_search_keys_changed_on_${event}`,
);

/** The names of the triggers of {@link associationSearchNameChangesMigration}, which the copy checks for. */
export const SEARCH_NAME_CHANGE_TRIGGERS = ['insert', 'update', 'delete'].map(
  (event) => `association_search_names_changed_on_${event}`,
);

/**
 * A trigger that stamps the docids of a `table` row `event` touched (an update may move a row to another
 * docid) in `association_search_key_changes`.
 */
function searchKeyChangeTrigger(
  table: 'association_search_keys' | 'association_search_names',
  event: 'insert' | 'update' | 'delete',
  rows: readonly string[],
): string {
  const stamps = rows.map(
    (row) => `  INSERT INTO association_search_key_changes (docid, seq)
  VALUES (${row}.docid, COALESCE((SELECT MAX(seq) FROM association_search_key_changes), 0) + 1)
  ON CONFLICT (docid) DO UPDATE SET seq = excluded.seq;`,
  );
  return `CREATE TRIGGER ${table}_changed_on_${event} AFTER ${event.toUpperCase()} ON ${table} BEGIN
${stamps.join('\n')}
END;`;
}

/**
 * What the representative edits of an association beyond the public record (issue 18): every contact with
 * whether it is shown (the public record, `associations.data`, holds only the shown ones), the logo's stored
 * file (`sha256:<hex>`, kept by the stored-file keeper through `registerFileReferences`), and who changed it
 * last. Not cascaded from `associations`: `saveAssociation` replaces that row on every write.
 */
export const associationProfileMigration: Migration = {
  id: '017_association_profile',
  sql: `
CREATE TABLE association_profiles (
  association_id TEXT PRIMARY KEY,
  contacts TEXT NOT NULL,
  logo_sha256 TEXT,
  logo_media_type TEXT,
  logo_size INTEGER,
  logo_uploaded_at TEXT,
  updated_at TEXT NOT NULL,
  updated_by TEXT
);
CREATE INDEX association_profiles_by_logo ON association_profiles (logo_sha256);
`,
};

/**
 * The directory's filter values counted per combination (`region`, `legal_form`, `public_utility`, the
 * sorted domain codes joined by commas): a few thousand rows however many associations there are, from
 * which the directory without a text counts its total and every facet under any filters, exactly
 * (`directory.ts`). `saveAssociation` moves an association's count from its old combination to its new one
 * in the transaction that writes it; this migration counts the associations there are.
 */
export const associationFacetCubeMigration: Migration = {
  id: '066_association_facet_cube',
  sql: { sqlite: facetCubeDdl('sqlite'), postgres: facetCubeDdl('postgres') },
};

/** The facet cube's table, filled from the associations there are, on a dialect. */
function facetCubeDdl(dialect: 'sqlite' | 'postgres'): string {
  return `
CREATE TABLE association_facet_cube (
  region TEXT NOT NULL,
  legal_form TEXT NOT NULL,
  public_utility INTEGER NOT NULL,
  domains TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (region, legal_form, public_utility, domains)
);
INSERT INTO association_facet_cube (region, legal_form, public_utility, domains, n)
  SELECT region, legal_form, public_utility, domains, COUNT(*) FROM (
    SELECT a.region, a.legal_form, a.public_utility, ${domainsKeySql(dialect, 'a.id')} AS domains FROM associations a
  ) x GROUP BY region, legal_form, public_utility, domains;
`;
}

/**
 * The SQL of an association's domains as the facet cube keys them: its domain codes sorted and joined by
 * commas, `''` for none.
 *
 * @example
 * ```ts
 * domainsKeySql('sqlite', 'a.id'); // "COALESCE((SELECT group_concat(…) …), '')"
 * ```
 */
export function domainsKeySql(dialect: 'sqlite' | 'postgres', idExpr: string): string {
  const joined =
    dialect === 'sqlite'
      ? "group_concat(d.domain, ',' ORDER BY d.domain)"
      : "string_agg(d.domain, ',' ORDER BY d.domain)";
  return `COALESCE((SELECT ${joined} FROM association_domains d WHERE d.association_id = ${idExpr}), '')`;
}
