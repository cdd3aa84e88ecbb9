import type { Area } from '../area.js';
import { registerApplicationRoutes } from './routes.js';

export { acceptedMediaType, readStoredFile, sniffMediaType, storedFilePath, storeFile } from './files.js';
export { contentHash } from './routes.js';
export { EICAR, getScanner, type Scanner, setScanner, structuralScanner } from './scanner.js';

/**
 * The application workflow: drafts with autosave, uploads with sniffing and scanning, submission with a
 * receipt, withdrawal, reviews and decisions. Its tables belong to the calls area (`020_calls`).
 *
 * @example
 * ```ts
 * const AREAS: Area[] = [searchArea, associationsArea, callsArea, applicationsArea];
 * ```
 */
export const applicationsArea: Area = {
  name: 'applications',
  migrations: [],
  register: registerApplicationRoutes,
};
