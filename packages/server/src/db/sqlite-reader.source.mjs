// Starts a reader thread from source (tests, `--conditions=source`): tsx's loader is not active in a
// worker thread on Node 20, so the TypeScript module is imported through tsx's API. Built code never
// loads this file: it starts `sqlite-reader.js`.
import { tsImport } from 'tsx/esm/api';

await tsImport('./sqlite-reader.ts', import.meta.url);
