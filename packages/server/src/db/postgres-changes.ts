// What one process knows of the commits that may have changed the database, so that a cache can skip asking
// the database "did anything change?" on every request (`db/versioned-cache.ts`). Two sources:
// - this process's own commits, counted by the adapter before the committing call returns: a client that
//   wrote and reads again through the same process always sees its write;
// - every process's commits, through PostgreSQL's LISTEN/NOTIFY on one dedicated connection: the data
//   version triggers notify a channel, and PostgreSQL delivers the notification when the writing
//   transaction commits (typically well under a millisecond later on the same machine).
// Only while that connection is listening (`live`) may an unchanged `generation` be read as "nothing
// changed"; a lost connection makes the cache ask the database again until it listens anew.
import pg from 'pg';
import type { ChangeWatch } from './db.js';

/** The first wait before listening again after the connection was lost; doubled up to {@link MAX_RETRY_MS}. */
const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 30_000;

/**
 * A channel's notifications, received on a connection of their own, plus this process's commits. Starts
 * listening at once, listens again after a loss, and stops at {@link ChannelWatch.close}.
 *
 * @example
 * ```ts
 * const watch = new ChannelWatch(url, 'nassij_data_versions', 'nassij-server');
 * const seen = watch.generation;
 * // … later: nothing committed anywhere since, if the watch was live all along
 * const unchanged = watch.live && watch.generation === seen;
 * ```
 */
export class ChannelWatch implements ChangeWatch {
  /** Whether notifications are being received: between `LISTEN` and the connection's loss. */
  live = false;
  /** Grows at every notification, every commit of this process and every (re)start of listening. */
  generation = 0;
  readonly #url: string;
  readonly #channel: string;
  readonly #applicationName: string;
  /** The connection listening or being opened; undefined between a loss and the next attempt. */
  #client: pg.Client | undefined;
  #retryMs = FIRST_RETRY_MS;
  #retry: NodeJS.Timeout | undefined;
  #closed = false;

  constructor(url: string, channel: string, applicationName: string) {
    this.#url = url;
    this.#channel = channel;
    this.#applicationName = applicationName;
    void this.#listen();
  }

  /** A commit of this process that may have written. */
  changed(): void {
    this.generation += 1;
  }

  /** Stops listening and closes the connection; the watch stays not live. */
  async close(): Promise<void> {
    this.#closed = true;
    this.live = false;
    this.generation += 1;
    if (this.#retry) clearTimeout(this.#retry);
    const client = this.#client;
    this.#client = undefined;
    await client?.end().catch(() => undefined);
  }

  async #listen(): Promise<void> {
    if (this.#closed) return;
    const client = new pg.Client({
      connectionString: this.#url,
      application_name: `${this.#applicationName} (changes)`,
      // A dead peer is noticed by the operating system even when nothing is sent for a long time.
      keepAlive: true,
    });
    this.#client = client;
    client.on('notification', () => {
      this.generation += 1;
    });
    client.on('error', () => this.#lost(client));
    client.on('end', () => this.#lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${pg.escapeIdentifier(this.#channel)}`);
    } catch {
      this.#lost(client);
      return;
    }
    if (this.#client !== client) return;
    // Whatever was read before this instant may have missed a notification: it counts as a change.
    this.generation += 1;
    this.live = true;
    this.#retryMs = FIRST_RETRY_MS;
  }

  #lost(client: pg.Client): void {
    // A late event of a connection already given up on.
    if (this.#client !== client) return;
    this.#client = undefined;
    this.live = false;
    this.generation += 1;
    client.end().catch(() => undefined);
    if (this.#closed) return;
    this.#retry = setTimeout(() => void this.#listen(), this.#retryMs);
    // A server that is shutting down must not stay up for this timer.
    this.#retry.unref();
    this.#retryMs = Math.min(MAX_RETRY_MS, this.#retryMs * 2);
  }
}
