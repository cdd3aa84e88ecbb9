import { registerFileReferences } from '../applications/files.js';
import type { Area } from '../area.js';
import { awardReportScansMigration, awardReportsMigration } from './migrations.js';
import { registerAwardReportRoutes } from './routes.js';
import { seedAwardReports } from './seed.js';

export { isOverdue, reportIdOf } from './store.js';

// A report's file is stored with the applications' files: the sweep must not take it for an orphan.
registerFileReferences('award_reports', 'file_sha256');

/**
 * The area after the award: the reports an awarded association owes under its call's requirements, their
 * review by the funder, and the tranches paid. It reads the awards and calls of the applications and calls
 * areas and comes after them (its seed follows up their demo awards).
 *
 * @example
 * ```ts
 * const AREAS: Area[] = [searchArea, associationsArea, organisationsArea, callsArea, applicationsArea, awardReportsArea];
 * ```
 */
export const awardReportsArea: Area = {
  name: 'award-reports',
  migrations: [awardReportsMigration, awardReportScansMigration],
  seedDemo: seedAwardReports,
  register: registerAwardReportRoutes,
};
