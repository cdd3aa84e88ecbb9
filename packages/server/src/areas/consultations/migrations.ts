import type { Migration } from '../../db/db.js';

/**
 * Tables of the consultations area. Each resource keeps its contract object as JSON in `data` plus real
 * columns for what is filtered, sorted or joined. Articles have stable ids per consultation so that
 * contributions stay attached to an article across versions. Personal keys (`account_id`, `device_hash`,
 * `participant_key`) never leave the server.
 */
export const consultationsMigration: Migration = {
  id: '040_consultations',
  sql: `
CREATE TABLE consultations (
  id TEXT PRIMARY KEY,
  reference TEXT NOT NULL UNIQUE,
  phase TEXT NOT NULL,
  phase_rank INTEGER NOT NULL,
  scope TEXT NOT NULL,
  region TEXT,
  subject_type TEXT NOT NULL,
  participation_mode TEXT NOT NULL,
  issuing_sector TEXT NOT NULL,
  contributions_open_at TEXT,
  contributions_close_at TEXT,
  created_at TEXT NOT NULL,
  current_version_id TEXT NOT NULL,
  synthesis TEXT,
  data TEXT NOT NULL
);
CREATE INDEX consultations_by_phase ON consultations (phase_rank, created_at);
CREATE INDEX consultations_by_region ON consultations (region);
CREATE INDEX consultations_by_sector ON consultations (issuing_sector);

CREATE TABLE consultation_versions (
  consultation_id TEXT NOT NULL REFERENCES consultations(id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  position INTEGER NOT NULL,
  published_at TEXT NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (consultation_id, id)
);

CREATE TABLE consultation_articles (
  consultation_id TEXT NOT NULL REFERENCES consultations(id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  first_version_id TEXT NOT NULL,
  last_version_id TEXT NOT NULL,
  PRIMARY KEY (consultation_id, id)
);

CREATE TABLE consultation_questions (
  consultation_id TEXT NOT NULL REFERENCES consultations(id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  position INTEGER NOT NULL,
  kind TEXT NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (consultation_id, id)
);

CREATE TABLE contribution_sequence (
  name TEXT PRIMARY KEY,
  value INTEGER NOT NULL
);

CREATE TABLE contributions (
  id TEXT PRIMARY KEY,
  seq INTEGER NOT NULL UNIQUE,
  consultation_id TEXT NOT NULL REFERENCES consultations(id) ON DELETE CASCADE,
  article_id TEXT,
  parent_id TEXT REFERENCES contributions(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  body TEXT NOT NULL,
  proposed_text TEXT,
  question_id TEXT,
  answer TEXT,
  position TEXT,
  author TEXT NOT NULL,
  participant_type TEXT NOT NULL,
  region TEXT,
  participant_key TEXT NOT NULL,
  account_id TEXT,
  device_hash TEXT,
  created_at TEXT NOT NULL,
  edited_at TEXT,
  moderation_state TEXT NOT NULL,
  moderation_reason TEXT,
  decided_at TEXT,
  supports INTEGER NOT NULL DEFAULT 0,
  report_count INTEGER NOT NULL DEFAULT 0,
  official_response TEXT
);
CREATE INDEX contributions_by_consultation ON contributions (consultation_id, moderation_state, parent_id);
CREATE INDEX contributions_by_article ON contributions (consultation_id, article_id);
CREATE INDEX contributions_by_parent ON contributions (parent_id);
CREATE INDEX contributions_by_state ON contributions (moderation_state, created_at);
CREATE INDEX contributions_by_account ON contributions (account_id, created_at);
CREATE INDEX contributions_by_device ON contributions (device_hash, created_at);

CREATE TABLE contribution_history (
  contribution_id TEXT NOT NULL REFERENCES contributions(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  at TEXT NOT NULL,
  action TEXT NOT NULL,
  reason TEXT,
  PRIMARY KEY (contribution_id, seq)
);

CREATE TABLE contribution_supports (
  contribution_id TEXT NOT NULL REFERENCES contributions(id) ON DELETE CASCADE,
  supporter_key TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (contribution_id, supporter_key)
);

CREATE TABLE contribution_reports (
  contribution_id TEXT NOT NULL REFERENCES contributions(id) ON DELETE CASCADE,
  reporter_key TEXT NOT NULL,
  reason TEXT NOT NULL,
  detail TEXT,
  created_at TEXT NOT NULL,
  PRIMARY KEY (contribution_id, reporter_key)
);
`,
};

/**
 * Reports that queue rather than hide, and decisions that name their moderator. A report remembers whether
 * its reporter was signed in and when a moderator's decision covered it (`reviewed_at`); a published
 * contribution with reports no decision covered yet carries `review_requested_at` and waits in the
 * moderators' queue while it stays public. `contribution_history.actor_id` is the account that decided
 * (moderation, official response), `NULL` for the author's own events and the platform's.
 */
export const contributionReviewsMigration: Migration = {
  id: '041_contribution_reviews',
  sql: `
ALTER TABLE contribution_reports ADD COLUMN signed_in INTEGER NOT NULL DEFAULT 0;
ALTER TABLE contribution_reports ADD COLUMN reviewed_at TEXT;
UPDATE contribution_reports SET signed_in = 1 WHERE reporter_key LIKE 'acc:%';
UPDATE contribution_reports SET reviewed_at = (
  SELECT decided_at FROM contributions c WHERE c.id = contribution_reports.contribution_id
) WHERE created_at <= (
  SELECT decided_at FROM contributions c WHERE c.id = contribution_reports.contribution_id
);
CREATE INDEX contribution_reports_by_reporter ON contribution_reports (reporter_key, created_at);

ALTER TABLE contributions ADD COLUMN review_requested_at TEXT;
UPDATE contributions SET review_requested_at = (
  SELECT MIN(created_at) FROM contribution_reports r
  WHERE r.contribution_id = contributions.id AND r.reviewed_at IS NULL
) WHERE moderation_state = 'published';
CREATE INDEX contributions_by_review ON contributions (review_requested_at) WHERE review_requested_at IS NOT NULL;

ALTER TABLE contribution_history ADD COLUMN actor_id TEXT;
`,
};

/**
 * Bounded contribution lists at national scale (a million contributions on one consultation).
 *
 * Every list pages by keyset, so each sort has an index whose columns are the list's equality filters
 * then its sort keys, ending with the unique `seq`: a page is a short range scan at row 20 and at row
 * 900 000 alike, with no temporary sort. The lists show top-level contributions, so these indexes are
 * partial (`WHERE parent_id IS NULL`) rather than keyed by `parent_id`: PostgreSQL does not take
 * `parent_id IS NULL` as fixing a key column, so with `parent_id` in the key it sorted 760 000 rows. The
 * article filter gets its own pair, since an article may hold a small share of a consultation's rows. A
 * page's replies are read by `(parent_id, moderation_state)`, in their order; the hourly limit per
 * participant by `(participant_key, created_at)`. The moderators' queue orders
 * by `COALESCE(review_requested_at, created_at)`, indexed as that expression; what waits for a moderator
 * (pending, or published with unreviewed reports) is a partial index that stays as small as the queue.
 *
 * `contribution_counts` keeps how many contributions each (consultation, state, top level or reply,
 * article, kind, position) holds, maintained by the store in the same transaction as each insert and
 * moderation change, so that a list's `total` sums a few hundred counter rows instead of counting a
 * million contributions. `''` stands for no article or no position (key columns are never NULL).
 */
export const contributionPagesMigration: Migration = {
  id: '042_contribution_pages',
  sql: `
CREATE INDEX contributions_newest ON contributions (consultation_id, moderation_state, created_at, seq)
  WHERE parent_id IS NULL;
CREATE INDEX contributions_supported ON contributions (consultation_id, moderation_state, supports, created_at, seq)
  WHERE parent_id IS NULL;
CREATE INDEX contributions_article_newest ON contributions
  (consultation_id, moderation_state, article_id, created_at, seq) WHERE parent_id IS NULL;
CREATE INDEX contributions_article_supported ON contributions
  (consultation_id, moderation_state, article_id, supports, created_at, seq) WHERE parent_id IS NULL;
DROP INDEX contributions_by_consultation;
CREATE INDEX contributions_replies ON contributions (parent_id, moderation_state, created_at, seq);
DROP INDEX contributions_by_parent;
CREATE INDEX contributions_by_participant ON contributions (participant_key, created_at);

CREATE INDEX contributions_queue ON contributions (moderation_state, (COALESCE(review_requested_at, created_at)), seq);
CREATE INDEX contributions_queue_by_consultation ON contributions
  (consultation_id, moderation_state, (COALESCE(review_requested_at, created_at)), seq);
CREATE INDEX contributions_waiting ON contributions ((COALESCE(review_requested_at, created_at)), seq)
  WHERE moderation_state = 'pending' OR review_requested_at IS NOT NULL;
CREATE INDEX contributions_waiting_by_consultation ON contributions
  (consultation_id, (COALESCE(review_requested_at, created_at)), seq)
  WHERE moderation_state = 'pending' OR review_requested_at IS NOT NULL;

CREATE INDEX consultations_listed ON consultations (phase_rank, created_at DESC, id);

CREATE TABLE contribution_counts (
  consultation_id TEXT NOT NULL REFERENCES consultations(id) ON DELETE CASCADE,
  moderation_state TEXT NOT NULL,
  top_level INTEGER NOT NULL,
  article_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  position TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (consultation_id, moderation_state, top_level, article_id, kind, position)
);
CREATE INDEX contribution_counts_by_state ON contribution_counts (moderation_state);
INSERT INTO contribution_counts (consultation_id, moderation_state, top_level, article_id, kind, position, n)
SELECT consultation_id, moderation_state, CASE WHEN parent_id IS NULL THEN 1 ELSE 0 END,
  COALESCE(article_id, ''), kind, COALESCE(position, ''), COUNT(*)
FROM contributions
GROUP BY consultation_id, moderation_state, CASE WHEN parent_id IS NULL THEN 1 ELSE 0 END,
  COALESCE(article_id, ''), kind, COALESCE(position, '');
`,
};

/**
 * Drops `consultations_listed (phase_rank, created_at DESC, id)`: the public list sorts by the rank of the
 * phase at the request's clock (store.ts `listedKeyset`), which no index can hold, so no query reads this
 * index any more (`EXPLAIN QUERY PLAN` of every query over `consultations` checked), while every insert and
 * phase change still paid for it.
 */
export const dropConsultationsListedMigration: Migration = {
  id: '059_drop_consultations_listed',
  sql: 'DROP INDEX IF EXISTS consultations_listed;',
};
