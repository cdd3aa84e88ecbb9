import type { Area } from '../area.js';
import {
  applicationKeysetsMigration,
  associationFiguresMigration,
  attachmentFilesMigration,
  attachmentsFromVaultMigration,
  reviewGovernanceMigration,
} from './migrations.js';
import { registerApplicationRoutes } from './routes.js';

export {
  acceptedMediaType,
  deletable,
  deleteUnreferencedFiles,
  holdFile,
  isFileReferenced,
  readStoredFile,
  sniffMediaType,
  storedFilePath,
  storeFile,
} from './files.js';
export {
  type ApplicationEnd,
  applicationEnd,
  DEFAULT_RETENTION_DAYS,
  DEFAULT_SWEEP_GRACE_MS,
  DEFAULT_SWEEP_INTERVAL_MS,
  EMPTY_SWEEP_REPORT,
  type FileSweeper,
  type FileSweepReport,
  parseRetentionDays,
  type RetainedOutcome,
  type RetentionDays,
  retainedUntil,
  retentionDays,
  retentionFor,
  startFileSweeper,
  sweepFiles,
  useRetention,
} from './retention.js';
export { contentHash } from './routes.js';

import { indexMissingAwardTerms } from './awards.js';

export { EICAR, getScanner, type Scanner, setScanner, structuralScanner } from './scanner.js';

/**
 * The application workflow: drafts with autosave, uploads with sniffing and scanning, submission with a
 * receipt, withdrawal, reviews and decisions. Its tables belong to the calls area (`020_calls`); its own
 * migration adds what the file rules need to attachments (`021_attachment_files`).
 *
 * @example
 * ```ts
 * const AREAS: Area[] = [searchArea, associationsArea, callsArea, applicationsArea];
 * ```
 */
export const applicationsArea: Area = {
  name: 'applications',
  migrations: [
    attachmentFilesMigration,
    applicationKeysetsMigration,
    associationFiguresMigration,
    reviewGovernanceMigration,
    attachmentsFromVaultMigration,
  ],
  // Awards published before their search words were indexed get them before the first request.
  prepare: (db) => indexMissingAwardTerms(db),
  register: registerApplicationRoutes,
};
