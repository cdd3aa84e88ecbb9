import type { Area } from '../area.js';
import { associationDocumentsMigration, vaultOrderMigration } from './migrations.js';
import { registerAssociationDocumentRoutes } from './routes.js';
import { seedVaultDocuments } from './seed.js';

export { keepsVaultOf, readsVaultOf } from './routes.js';
export { listVaultDocumentPage, readVaultDocument, reportsFiledIn, syncReportsFiled } from './store.js';

/**
 * The document vault of associations: statutes, general-assembly minutes, yearly activity and financial
 * reports, bank certificates, each with its validity; applications attach them without a new upload, and
 * the directory's "annual reports filed" come from it. Seeded after the associations it belongs to.
 *
 * @example
 * ```ts
 * const AREAS: Area[] = [searchArea, associationsArea, associationDocumentsArea, …];
 * ```
 */
export const associationDocumentsArea: Area = {
  name: 'association-documents',
  migrations: [associationDocumentsMigration, vaultOrderMigration],
  seedDemo: seedVaultDocuments,
  register: registerAssociationDocumentRoutes,
};
