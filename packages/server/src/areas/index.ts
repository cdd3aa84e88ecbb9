import { searchMigration } from '../search/search.js';
import type { Area } from './area.js';

export type { Area, SeedContext } from './area.js';

/** The search index every area writes to; first, so that its table exists before any area seeds. */
const searchArea: Area = { name: 'search', migrations: [searchMigration], register() {} };

/** Every area of the platform, in seeding order (associations before the areas that reference them). */
export const AREAS: Area[] = [searchArea];
