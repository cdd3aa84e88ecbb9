// The demo dataset is generated once at a fixed instant, then every date in it is moved to today. Generating
// at the real "now" made the data depend on the hour: a session "ending today at 16:00" was past or not, some
// draws happened only on some dates, and every id after such a branch moved with the clock. Now the
// structure (ids, statuses, relations) is the same at any instant and only dates move, all by one offset.
import { casablancaDate, casablancaWallClock, fromCasablancaWallClock, searchTerms } from '@nassij/contract';
import type { Db, SqlValue } from '../db/db.js';
import { listTables } from '../db/tables.js';
import { isSearchTable, replaceSearchWords, searchEntries } from '../search/search.js';

/**
 * The instant the demo dataset is generated at: noon in Casablanca on a Monday outside Ramadan. The seeds
 * keep every date off this day, so that once moved to today each date is past or future whatever the hour.
 */
export const DEMO_ANCHOR = new Date('2026-06-15T11:00:00Z');

const DAY = 86_400_000;

/** How far the demo's dates move: whole days of Morocco's calendar, and the matching whole years. */
export interface DemoShift {
  days: number;
  /**
   * Calendar years between the anchor's and `now`'s Casablanca dates, for what is reckoned by year relative
   * to "this year": fiscal years, annual reports filed, references that carry a year.
   */
  years: number;
}

/**
 * The shift that takes the anchor's Casablanca date to `now`'s.
 *
 * @example
 * ```ts
 * demoShiftFor(new Date('2026-06-16T23:30:00Z')); // { days: 2, years: 0 } (already 17 June in Casablanca)
 * demoShiftFor(new Date('2027-01-01T08:00:00Z')); // { days: 200, years: 1 }
 * ```
 */
export function demoShiftFor(now: Date): DemoShift {
  const day = (at: Date) => Date.parse(`${casablancaDate(at)}T00:00:00Z`);
  const days = Math.round((day(now) - day(DEMO_ANCHOR)) / DAY);
  const years = Number(casablancaDate(now).slice(0, 4)) - Number(casablancaDate(DEMO_ANCHOR).slice(0, 4));
  return { days, years };
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?Z$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** JSON keys whose numbers are years (or lists of years) reckoned from "this year". */
const YEAR_KEYS = new Set(['fiscalYear', 'annualReportsFiled']);
// Public references, receipts and registration numbers that carry a year: MA-MEN-2026-0003, RC-2026-000042,
// REC-2008-00001.
const YEAR_REFERENCE = /\b((?:MA|RC|REC)-(?:[A-Z]+-)*)((?:19|20)\d\d)(-\d{4,6})\b/g;

/**
 * Moves an ISO instant by whole days of Morocco's wall clock, keeping its format: 23:59 in Casablanca stays
 * 23:59 there, whether the new day falls under UTC+1 or under Ramadan's UTC+0.
 *
 * @example
 * ```ts
 * shiftInstant('2026-06-30T22:59:00Z', 240); // '2027-02-24T23:59:00Z' (Ramadan 2027: UTC+0)
 * ```
 */
export function shiftInstant(instant: string, days: number): string {
  if (days === 0) return instant;
  const wall = casablancaWallClock(instant);
  const moved = fromCasablancaWallClock(new Date(wall.getTime() + days * DAY)).toISOString();
  // Keep the stored precision (`…:00Z`, `…:00.000Z` or `…Z` without seconds) so strings still compare.
  if (instant.length === 20) return `${moved.slice(0, 19)}Z`;
  if (instant.length === 17) return `${moved.slice(0, 16)}Z`;
  return moved;
}

/**
 * Moves a calendar date (`YYYY-MM-DD`) by whole days.
 *
 * @example
 * ```ts
 * shiftDate('2026-12-31', 1); // '2027-01-01'
 * ```
 */
export function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** Called with each reference whose year moved, before and after. */
type OnReference = (before: string, after: string) => void;

function shiftString(value: string, shift: DemoShift, onReference?: OnReference): string {
  if (INSTANT.test(value)) return shiftInstant(value, shift.days);
  if (DATE.test(value)) return shiftDate(value, shift.days);
  if (shift.years !== 0 && value.includes('-20'))
    return value.replace(YEAR_REFERENCE, (reference: string, prefix: string, year: string, rest: string) => {
      const moved = `${prefix}${Number(year) + shift.years}${rest}`;
      onReference?.(reference, moved);
      return moved;
    });
  return value;
}

function shiftJson(value: unknown, shift: DemoShift, key?: string, onReference?: OnReference): unknown {
  if (typeof value === 'string') return shiftString(value, shift, onReference);
  if (typeof value === 'number') return key && YEAR_KEYS.has(key) ? value + shift.years : value;
  if (Array.isArray(value)) return value.map((item) => shiftJson(item, shift, key, onReference));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, shiftJson(v, shift, k, onReference)]),
    );
  return value;
}

function shiftColumn(column: string, value: unknown, shift: DemoShift, onReference?: OnReference): unknown {
  if (typeof value === 'number' || typeof value === 'bigint')
    return column === 'fiscal_year' ? Number(value) + shift.years : value;
  if (typeof value !== 'string') return value;
  const first = value[0];
  if (first === '{' || first === '[') {
    try {
      return JSON.stringify(shiftJson(JSON.parse(value), shift, undefined, onReference));
    } catch {
      // Not JSON after all: treat it as plain text.
    }
  }
  return shiftString(value, shift, onReference);
}

/** What the search index needs to follow the references of one indexed row. */
interface MovedRow {
  /** Each reference whose year moved, before and after. */
  references: Map<string, string>;
  /** The row's text once moved, without its dates: where a year word may still come from. */
  text: string;
}

/**
 * Moves the years of references in the full-text index: the index holds the folded words of each item's
 * texts (`ma rp 2026 0001`), which the generic pass cannot recognise as a reference. A year word leaves an
 * item's words only if nothing else in the item still says it (a title may name the same year).
 */
async function shiftSearchIndex(db: Db, moved: Map<string, MovedRow>): Promise<void> {
  for (const entry of await searchEntries(db)) {
    const item = moved.get(entry.id);
    if (!item) continue;
    const stillSaid = new Set(searchTerms(item.text));
    const gone = new Set<string>();
    const added: string[] = [];
    for (const [before, after] of item.references) {
      const next = searchTerms(after);
      searchTerms(before).forEach((word, i) => {
        const replacement = next[i];
        if (replacement === undefined || replacement === word) return;
        if (!stillSaid.has(word)) gone.add(word);
        added.push(replacement);
      });
    }
    const words = [...new Set([...entry.words.filter((word) => !gone.has(word)), ...added])];
    const unchanged =
      words.length === entry.words.length && words.every((word) => entry.words.includes(word));
    if (!unchanged) await replaceSearchWords(db, entry.kind, entry.id, words);
  }
}

/**
 * How a row is found again for its update, on each dialect: SQLite's `rowid`, PostgreSQL's `ctid` (the
 * row version's place, stable within the transaction until the row itself is updated, which happens once).
 * Tables are found in the schema and need no key of their own.
 */
const ROW_LOCATOR = {
  sqlite: { select: 'rowid', where: 'rowid = ?' },
  postgres: { select: 'ctid::text', where: 'ctid = ?::tid' },
} as const;

/**
 * Moves every date of a freshly seeded database by `shift`: instants and dates in every column and inside
 * every JSON document, fiscal years and years of annual reports, and the years inside references
 * (`MA-…-2026-0003`), in the rows and in the search index. Runs once, right after the demo seed, in one
 * transaction. Tables are found in the schema, so a new area's data moves without being listed here; a test
 * checks that nothing is left on the anchor's day.
 *
 * @example
 * ```ts
 * shiftDemoDates(db, demoShiftFor(clock()));
 * ```
 */
export async function shiftDemoDates(db: Db, shift: DemoShift): Promise<void> {
  if (shift.days === 0 && shift.years === 0) return;
  const all = await listTables(db);
  // The search index holds folded words (and, on SQLite, FTS5 shadow tables only the virtual tables may
  // write): it moves after the rows its words come from, through the search module (when there is an index).
  const tables = all.filter((table) => !isSearchTable(table));
  const hasIndex = all.includes('search_docs');
  const indexed = new Set(hasIndex ? (await searchEntries(db)).map((entry) => entry.id) : []);
  const locator = ROW_LOCATOR[db.dialect];
  const movedRows = new Map<string, MovedRow>();
  // Dates and links are not searched: a year inside them does not keep a year word in the index.
  const unsearched = /\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z)?|https?:\/\/[^\s"\\]+/g;
  await db.atomic(async () => {
    for (const name of tables) {
      for (const row of await db.all<Record<string, unknown>>(
        `SELECT ${locator.select} AS "__rowid", * FROM "${name}"`,
      )) {
        const changed: [string, SqlValue][] = [];
        const id = typeof row.id === 'string' && indexed.has(row.id) ? row.id : undefined;
        const references = new Map<string, string>();
        const onReference: OnReference | undefined = id
          ? (before, after) => references.set(before, after)
          : undefined;
        for (const [column, value] of Object.entries(row)) {
          if (column === '__rowid') continue;
          const moved = shiftColumn(column, value, shift, onReference);
          if (moved !== value) changed.push([column, moved as SqlValue]);
        }
        if (id && references.size > 0) {
          // What the row still says once its references moved.
          let text = '';
          for (const [column, value] of Object.entries(row)) {
            const after = changed.find(([c]) => c === column)?.[1] ?? value;
            if (column !== '__rowid' && typeof after === 'string')
              text += ` ${after.replace(unsearched, ' ')}`;
          }
          for (const reference of references.values()) text = text.replaceAll(reference, ' ');
          movedRows.set(id, { references, text });
        }
        if (changed.length === 0) continue;
        await db.write(
          `UPDATE "${name}" SET ${changed.map(([column]) => `"${column}" = ?`).join(', ')} WHERE ${locator.where}`,
          [...changed.map(([, value]) => value), row.__rowid as SqlValue],
        );
      }
    }
    if (hasIndex) await shiftSearchIndex(db, movedRows);
  });
}
