import type { Migration } from '../../db/db.js';
import { ORGANISATION_COLUMNS, organisationRow, sectorOrganisations } from './organisation.js';

/** A text as an SQL string literal; quotes doubled, the same on SQLite and PostgreSQL. */
function literal(value: string | null): string {
  return value === null ? 'NULL' : `'${value.replaceAll("'", "''")}'`;
}

/**
 * The organisations of the reference data's sectors as one `INSERT` of literals: a migration is SQL only,
 * and the rows must exist before the demo seed, which runs after the migrations and before the areas'
 * `prepare`, creates staff accounts that reference them.
 */
function insertSectorOrganisations(): string {
  const rows = sectorOrganisations().map(
    (organisation) => `(${organisationRow(organisation).map(literal).join(', ')})`,
  );
  return `INSERT INTO organisations (${ORGANISATION_COLUMNS.join(', ')}) VALUES\n${rows.join(',\n')}\nON CONFLICT DO NOTHING;`;
}

/**
 * The organisations (one per sector of the reference data: ministries, public establishments, councils) and
 * the organisation a staff account works for. An organisation keeps its contract object as JSON in `data`
 * plus a column for every filter and the sort: `name_fr_sort` is the French name (else the Arabic one)
 * folded as search folds it, cut like the associations' `name_sort` so that a page cursor holding it stays
 * short. The rows inserted here are the sectors of this release; sectors added later are created by the
 * area's `prepare` (see `ensureSectorOrganisations`).
 *
 * @example
 * ```ts
 * const area: Area = { name: 'organisations', migrations: [organisationsMigration], register };
 * ```
 */
export const organisationsMigration: Migration = {
  id: '015_organisations',
  sql: `
CREATE TABLE organisations (
  id TEXT PRIMARY KEY,
  sector_code TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  level TEXT NOT NULL,
  region TEXT,
  name_fr_sort TEXT NOT NULL,
  data TEXT NOT NULL
);
CREATE INDEX organisations_by_name ON organisations (name_fr_sort, id, level, region);

ALTER TABLE accounts ADD COLUMN organisation_id TEXT REFERENCES organisations(id);
CREATE INDEX accounts_by_organisation ON accounts (organisation_id) WHERE organisation_id IS NOT NULL;

${insertSectorOrganisations()}
`,
};

/**
 * Indexes for the staff list's keyset (`STAFF_BY_NAME` in `store.ts`: the name cut to 60 characters, then
 * the id). An organisation's own staff are one range of `accounts_staff_by_name`. The reviewer pool, its
 * reviewers and the independent ones, is `accounts_reviewers_by_name`: partial on the reviewer role, which
 * lives in the `roles` JSON text, so that the pool is read in name order without touching the accounts of
 * citizens and association members (without it, `SCAN accounts` and a sort of every account that has no
 * organisation). A partial index on the JSON text keeps itself in step with every writer of `roles` (sign-up,
 * memberships, erasure, seeds, operators' SQL), which a separate roles table would have to be taught.
 * `organisation_id` rides along so that the pool's filter is read from the index.
 *
 * @example
 * ```ts
 * const area: Area = { name: 'organisations', migrations: [organisationsMigration, staffOrderMigration], … };
 * ```
 */
export const staffOrderMigration: Migration = {
  id: '064_organisation_staff_order',
  sql: `
CREATE INDEX accounts_staff_by_name ON accounts (organisation_id, substr(display_name, 1, 60), id)
  WHERE organisation_id IS NOT NULL;
CREATE INDEX accounts_reviewers_by_name ON accounts (substr(display_name, 1, 60), id, organisation_id)
  WHERE roles LIKE '%"reviewer"%';
DROP INDEX accounts_by_organisation;
`,
};
