// A reader thread of the SQLite adapter: one read-only connection to the database file (WAL lets it read
// while the main connection writes), answering `all`/`one` requests from the main thread. A slow read here
// never holds up the event loop that serves other requests.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

/** A read sent to a reader thread. */
export interface ReadRequest {
  id: number;
  mode: 'all' | 'one';
  sql: string;
  params: unknown[];
}

/** A reader thread's answer. */
export type ReadAnswer =
  | { id: number; rows: unknown }
  | { id: number; error: { message: string; code: string | undefined } };

if (parentPort) {
  const port = parentPort;
  const sqlite = new Database((workerData as { file: string }).file, { readonly: true, fileMustExist: true });
  sqlite.pragma('busy_timeout = 5000');
  const cache = new Map<string, Database.Statement>();
  port.on('message', (request: ReadRequest) => {
    try {
      let statement = cache.get(request.sql);
      if (!statement) {
        statement = sqlite.prepare(request.sql);
        if (cache.size > 500) cache.clear();
        cache.set(request.sql, statement);
      }
      const rows =
        request.mode === 'all' ? statement.all(...request.params) : statement.get(...request.params);
      port.postMessage({ id: request.id, rows } satisfies ReadAnswer);
    } catch (error) {
      const { message, code } = error as Error & { code?: string };
      port.postMessage({ id: request.id, error: { message, code } } satisfies ReadAnswer);
    }
  });
  port.on('close', () => sqlite.close());
}
