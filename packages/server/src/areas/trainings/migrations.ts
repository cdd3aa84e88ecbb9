import type { Migration } from '../../db/db.js';

/**
 * Courses, their dated sessions and the registrations of associations' participants, each with the
 * contract object's static part as JSON in `data` and real columns for every filter, sort, join and
 * counter (seats are counted in columns so they change atomically).
 */
export const trainingsMigration: Migration = {
  id: '050_trainings',
  sql: `
CREATE TABLE courses (
  id TEXT PRIMARY KEY,
  reference TEXT NOT NULL UNIQUE,
  title_sort TEXT NOT NULL,
  provider_sector TEXT NOT NULL,
  modality TEXT NOT NULL,
  free INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  data TEXT NOT NULL
);
CREATE INDEX courses_by_title ON courses (title_sort, id);

CREATE TABLE course_competencies (
  course_id TEXT NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
  code TEXT NOT NULL,
  level INTEGER NOT NULL,
  PRIMARY KEY (course_id, code)
);
CREATE INDEX course_competencies_by_code ON course_competencies (code, level);

CREATE TABLE course_languages (
  course_id TEXT NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
  language TEXT NOT NULL,
  PRIMARY KEY (course_id, language)
);

CREATE TABLE training_sessions (
  id TEXT PRIMARY KEY,
  course_id TEXT NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
  start_at TEXT NOT NULL,
  end_at TEXT NOT NULL,
  region TEXT,
  capacity INTEGER NOT NULL,
  seats_left INTEGER NOT NULL CHECK (seats_left >= 0 AND seats_left <= capacity),
  waitlist_count INTEGER NOT NULL CHECK (waitlist_count >= 0),
  opens_at TEXT NOT NULL,
  closes_at TEXT NOT NULL,
  registration_state TEXT NOT NULL,
  status TEXT NOT NULL,
  language TEXT NOT NULL,
  data TEXT NOT NULL
);
CREATE INDEX training_sessions_by_course ON training_sessions (course_id, start_at);
CREATE INDEX training_sessions_by_start ON training_sessions (start_at, id);
CREATE INDEX training_sessions_by_region ON training_sessions (region);

CREATE TABLE training_registrations (
  id TEXT PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES training_sessions(id) ON DELETE CASCADE,
  course_id TEXT NOT NULL,
  association_id TEXT NOT NULL,
  participant_key TEXT NOT NULL,
  status TEXT NOT NULL,
  seq INTEGER NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  data TEXT NOT NULL
);
CREATE INDEX training_registrations_by_session ON training_registrations (session_id, status, seq);
CREATE INDEX training_registrations_by_association ON training_registrations (association_id, created_at);

CREATE TABLE training_registration_history (
  registration_id TEXT NOT NULL REFERENCES training_registrations(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  at TEXT NOT NULL,
  status TEXT NOT NULL,
  reason TEXT,
  PRIMARY KEY (registration_id, position)
);
`,
};

/**
 * Indexes for keyset pages (`http/cursor.ts`), each on the columns and in the direction of its list's order:
 * courses by creation (newest first: read backwards) and by title, sessions by start under a course or a
 * region filter, registrations by creation under an association. Each replaces the shorter index it
 * extends. `title_sort` is also cut to 60 characters, as `titleSortOf` now stores it, so that a page
 * cursor holding it stays within the contract's bounds.
 */
export const trainingsKeysetMigration: Migration = {
  id: '051_trainings_keyset',
  sql: `
UPDATE courses SET title_sort = substr(title_sort, 1, 60) WHERE length(title_sort) > 60;
CREATE INDEX courses_by_created ON courses (created_at, id);
DROP INDEX training_sessions_by_course;
DROP INDEX training_sessions_by_region;
CREATE INDEX training_sessions_by_course_keys ON training_sessions (course_id, start_at, id);
CREATE INDEX training_sessions_by_region_keys ON training_sessions (region, start_at, id);
DROP INDEX training_registrations_by_association;
CREATE INDEX training_registrations_by_association_keys ON training_registrations (association_id, created_at, seq);
`,
};

/**
 * How many trainings an association attended (`associationStats`), from an index of (association, status)
 * rather than every registration of the association read for its status: a demo association holds a
 * thousand registrations at national scale (cloned sessions keep their participants), 65 ms a read.
 *
 * @example
 * ```ts
 * const area: Area = { name: 'trainings', migrations: [..., attendedTrainingsMigration], register };
 * ```
 */
export const attendedTrainingsMigration: Migration = {
  id: '052_attended_trainings',
  sql: 'CREATE INDEX training_registrations_by_association_status ON training_registrations (association_id, status);',
};

/**
 * Training programmes authored by their organisations' staff, and registrations that name a person:
 * `course_drafts` holds the courses not published yet (what public routes read stays `courses`, so a draft
 * is never public), `courses.published_at` dates a publication, sessions keep their online join link (sent
 * to registrants, never public) and a cancellation's reason, and a registration names its participant's
 * account (`participant_account_id`; older registrations keep the name typed then, and no account).
 *
 * @example
 * ```ts
 * const area: Area = { name: 'trainings', migrations: [..., trainingAuthoringMigration], register };
 * ```
 */
export const trainingAuthoringMigration: Migration = {
  id: '053_training_authoring',
  sql: `
CREATE TABLE course_drafts (
  id TEXT PRIMARY KEY,
  organisation_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  data TEXT NOT NULL
);
CREATE INDEX course_drafts_by_organisation ON course_drafts (organisation_id, created_at, id);
ALTER TABLE courses ADD COLUMN published_at TEXT;
CREATE INDEX courses_by_provider ON courses (provider_sector, created_at, id);
ALTER TABLE training_sessions ADD COLUMN join_url TEXT;
ALTER TABLE training_sessions ADD COLUMN cancellation_reason TEXT;
ALTER TABLE training_registrations ADD COLUMN participant_account_id TEXT;
CREATE INDEX training_registrations_by_participant ON training_registrations (participant_account_id, created_at, seq);
`,
};

/**
 * Attendance per participant per day: one mark a registration and Casablanca date of its session, present or
 * absent, replaced when marked again. A registration's status follows its marks once the session has ended.
 *
 * @example
 * ```ts
 * const area: Area = { name: 'trainings', migrations: [..., trainingAttendanceMigration], register };
 * ```
 */
export const trainingAttendanceMigration: Migration = {
  id: '054_training_attendance',
  sql: `
CREATE TABLE training_attendance (
  registration_id TEXT NOT NULL REFERENCES training_registrations(id) ON DELETE CASCADE,
  day TEXT NOT NULL,
  present INTEGER NOT NULL,
  marked_at TEXT NOT NULL,
  marked_by TEXT,
  PRIMARY KEY (registration_id, day)
);
`,
};

/** The evaluation of a registration as columns, written from `data.evaluation` (see `evaluationColumns`). */
const EVALUATION_COLUMNS = `
ALTER TABLE training_registrations ADD COLUMN evaluation_rating INTEGER;
ALTER TABLE training_registrations ADD COLUMN evaluated_at TEXT;
ALTER TABLE training_registrations ADD COLUMN evaluation_comment TEXT;
`;

/** The partial indexes of the evaluated and of the commented registrations of a session. */
const EVALUATION_INDEXES = `
CREATE INDEX training_registrations_ratings ON training_registrations (session_id, evaluation_rating)
  WHERE evaluation_rating IS NOT NULL;
CREATE INDEX training_registrations_comments ON training_registrations (session_id, evaluated_at, seq)
  WHERE evaluation_comment IS NOT NULL;
`;

/**
 * Copies the evaluations stored in registrations' `data` into the evaluation columns, per dialect (JSON is
 * read differently): what {@link trainingEvaluationsMigration} does for the evaluations written before it.
 *
 * @example
 * ```ts
 * await db.script(EVALUATIONS_BACKFILL[db.dialect]);
 * ```
 */
export const EVALUATIONS_BACKFILL = {
  sqlite: `
UPDATE training_registrations SET
  evaluation_rating = json_extract(data, '$.evaluation.rating'),
  evaluated_at = json_extract(data, '$.evaluation.submittedAt'),
  evaluation_comment = NULLIF(json_extract(data, '$.evaluation.comment'), '')
WHERE json_extract(data, '$.evaluation.rating') IS NOT NULL;
`,
  postgres: `
UPDATE training_registrations SET
  evaluation_rating = (data::jsonb #>> '{evaluation,rating}')::integer,
  evaluated_at = data::jsonb #>> '{evaluation,submittedAt}',
  evaluation_comment = NULLIF(data::jsonb #>> '{evaluation,comment}', '')
WHERE data::jsonb #>> '{evaluation,rating}' IS NOT NULL;
`,
} as const;

/**
 * A session's evaluations summed up and its comments paged in SQL (`sessions.evaluations`), instead of
 * every registration of the session (waitlist and cancellations included) parsed in JS. A registration's
 * evaluation, written once and never changed, is kept in columns next to `data`: its rating, its date and
 * its comment (`NULL` without one). `training_registrations_ratings` holds only the evaluated registrations
 * of a session, so the count and the distribution read nothing else; `training_registrations_comments`
 * holds only the commented ones, in the order the comments are paged (date, then registration order).
 * Existing evaluations are copied from `data` ({@link EVALUATIONS_BACKFILL}).
 *
 * @example
 * ```ts
 * const area: Area = { name: 'trainings', migrations: [..., trainingEvaluationsMigration], register };
 * ```
 */
export const trainingEvaluationsMigration: Migration = {
  id: '060_training_evaluations',
  sql: {
    sqlite: `${EVALUATION_COLUMNS}${EVALUATIONS_BACKFILL.sqlite}${EVALUATION_INDEXES}`,
    postgres: `${EVALUATION_COLUMNS}${EVALUATIONS_BACKFILL.postgres}${EVALUATION_INDEXES}`,
  },
};
