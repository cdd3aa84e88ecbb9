import { createHash, randomUUID } from 'node:crypto';
import { existsSync, unlinkSync } from 'node:fs';
import { mkdir, readFile, rename, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from '../../db/db.js';
import { listTables } from '../../db/tables.js';
import type { Logger } from '../../http/log.js';
import { problem } from '../../http/problem.js';
import { getScanner, storedEntryText, zipEntries } from './scanner.js';
import { recordScanState } from './store.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
}

function sniffZip(bytes: Uint8Array): string {
  const entries = zipEntries(bytes);
  if (!entries) return 'application/octet-stream';
  const mimetype = entries.find((entry) => entry.name === 'mimetype');
  if (mimetype) {
    const declared = storedEntryText(bytes, mimetype);
    if (declared && /^application\/vnd\.oasis\.opendocument\.[a-z.-]+$/.test(declared)) return declared;
  }
  const names = entries.map((entry) => entry.name);
  if (names.includes('[Content_Types].xml')) {
    if (names.some((name) => name.startsWith('word/'))) return DOCX;
    if (names.some((name) => name.startsWith('xl/'))) return XLSX;
    if (names.some((name) => name.startsWith('ppt/'))) return PPTX;
  }
  return 'application/zip';
}

/**
 * The media type of `bytes` judged from their content alone (never the file name): PDF, PNG, JPEG,
 * OOXML (docx/xlsx/pptx), ODF, other ZIP, legacy OLE office files, and UTF-8 text without NULs as
 * `text/plain`; anything else is `application/octet-stream`.
 *
 * @example
 * ```ts
 * sniffMediaType(new TextEncoder().encode('%PDF-1.7\n…')); // 'application/pdf'
 * ```
 */
export function sniffMediaType(bytes: Uint8Array): string {
  if (bytes.byteLength === 0) return 'application/octet-stream';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return sniffZip(bytes);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'application/x-ole-storage';
  if (bytes.includes(0)) return 'application/octet-stream';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'text/plain';
  } catch {
    return 'application/octet-stream';
  }
}

/**
 * The media type an upload is accepted as, or `undefined` when its sniffed type is not allowed. Plain text
 * counts as `text/csv` when the document takes CSV and the first line has a separator.
 *
 * @example
 * ```ts
 * acceptedMediaType(bytes, ['application/pdf']); // 'application/pdf' or undefined
 * ```
 */
export function acceptedMediaType(bytes: Uint8Array, allowed: readonly string[]): string | undefined {
  const sniffed = sniffMediaType(bytes);
  if (allowed.includes(sniffed)) return sniffed;
  if (sniffed === 'text/plain' && allowed.includes('text/csv')) {
    const firstLine = Buffer.from(bytes.subarray(0, 4096)).toString('utf8').split(/\r?\n/)[0] ?? '';
    if (/[,;\t]/.test(firstLine)) return 'text/csv';
  }
  return undefined;
}

/**
 * The hex sha256 of bytes.
 *
 * @example
 * ```ts
 * sha256Hex(new Uint8Array()); // 'e3b0c442…'
 * ```
 */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Where content-addressed bytes live: `<dataDir>/files/ab/cd/<sha256>`.
 *
 * @example
 * ```ts
 * storedFilePath('/var/nassij', 'abcd12…'); // '/var/nassij/files/ab/cd/abcd12…'
 * ```
 */
export function storedFilePath(dataDir: string, hex: string): string {
  return join(dataDir, 'files', hex.slice(0, 2), hex.slice(2, 4), hex);
}

/**
 * Stores bytes under their sha256 (once: identical files share one copy) and returns the hex digest.
 * Written to a temporary name then renamed, so a reader never sees half a file. When the bytes are already
 * there their modification time is renewed, so that the sweep's grace period (see {@link sweepFiles}) counts
 * from this upload and not from the first one.
 *
 * @example
 * ```ts
 * const hex = await storeFile(app.dataDir, bytes);
 * ```
 *
 * @param hex The sha256 of `bytes` when the caller has it already (it is not checked).
 */
export async function storeFile(dataDir: string, bytes: Uint8Array, hex = sha256Hex(bytes)): Promise<string> {
  const path = storedFilePath(dataDir, hex);
  const exists = await stat(path).then(
    () => true,
    () => false,
  );
  if (exists) {
    const now = new Date();
    await utimes(path, now, now).catch(() => undefined);
  } else {
    await mkdir(join(path, '..'), { recursive: true });
    const temporary = `${path}.${randomUUID()}.tmp`;
    await writeFile(temporary, bytes);
    await rename(temporary, path);
  }
  return hex;
}

// Digests an upload of this process is storing or about to reference, per data directory: between the
// moment its bytes are on disk and the commit of its attachment row, no attachment references them yet,
// and neither a delete of another attachment with the same bytes nor the sweep may take them away.
const held = new Map<string, number>();
const heldKey = (dataDir: string, hex: string) => `${dataDir}|${hex}`;

/**
 * Protects a digest from deletion until the returned function is called (once the attachment that will
 * reference it is committed, or its upload failed). Holds nest.
 *
 * @example
 * ```ts
 * const release = holdFile(app.dataDir, sha256Hex(bytes));
 * try { await storeFile(app.dataDir, bytes); db.transaction(() => insertAttachment(…)); } finally { release(); }
 * ```
 */
export function holdFile(dataDir: string, hex: string): () => void {
  const key = heldKey(dataDir, hex);
  held.set(key, (held.get(key) ?? 0) + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (held.get(key) ?? 1) - 1;
    if (left > 0) held.set(key, left);
    else held.delete(key);
  };
}

/**
 * Stores an upload's bytes ({@link storeFile}) held ({@link holdFile}) from before they are on disk: the
 * caller calls `release` once the attachment that references them is committed, or was refused. Meanwhile
 * neither a delete of another attachment with the same bytes nor the sweep may take them away. A failed
 * store releases the hold itself.
 *
 * @example
 * ```ts
 * const { hex, release } = await storeHeldFile(app.dataDir, bytes);
 * try { await db.atomic(() => insertAttachment(…)); } finally { release(); }
 * ```
 */
export async function storeHeldFile(
  dataDir: string,
  bytes: Uint8Array,
): Promise<{ hex: string; release: () => void }> {
  const hex = sha256Hex(bytes);
  const release = holdFile(dataDir, hex);
  try {
    return { hex: await storeFile(dataDir, bytes, hex), release };
  } catch (error) {
    release();
    throw error;
  }
}

/** Whether an upload of this process holds the digest (see {@link holdFile}). */
export function isFileHeld(dataDir: string, hex: string): boolean {
  return held.has(heldKey(dataDir, hex));
}

/**
 * Whether an attachment still uses the stored bytes: one not purged refers to `sha256:<hex>`. Attachments
 * are counted by digest, not by row, because identical files are stored once.
 *
 * @example
 * ```ts
 * if (!isFileReferenced(db, hex)) unlinkSync(storedFilePath(dataDir, hex));
 * ```
 */
export async function isFileReferenced(db: Db, hex: string): Promise<boolean> {
  const reference = `sha256:${hex}`;
  if (
    (await db.one('SELECT 1 AS used FROM attachments WHERE sha256 = ? AND purged_at IS NULL LIMIT 1', [
      reference,
    ])) !== undefined
  )
    return true;
  const present = await tablesOf(db);
  for (const [table, column] of FILE_REFERENCES)
    if (
      present.has(table) &&
      (await db.one(`SELECT 1 AS used FROM ${table} WHERE ${column} = ? LIMIT 1`, [reference])) !== undefined
    )
      return true;
  return false;
}

/** Other areas' columns that keep stored files (`sha256:<hex>`), registered by {@link registerFileReferences}. */
const FILE_REFERENCES = new Map<string, string>();
/** The tables of each database, read once: an area's table exists only where the area is mounted. */
const knownTables = new WeakMap<Db, Promise<Set<string>>>();

function tablesOf(db: Db): Promise<Set<string>> {
  let tables = knownTables.get(db);
  if (!tables) {
    tables = listTables(db).then((names) => new Set(names));
    knownTables.set(db, tables);
  }
  return tables;
}

/**
 * Tells the stored-file keeper that `table.column` holds references (`sha256:<hex>`) to stored files too, so
 * that neither the sweep nor the removal of an attachment with the same bytes deletes them. An area that keeps
 * files calls it when its module loads.
 *
 * @example
 * ```ts
 * registerFileReferences('award_reports', 'file_sha256');
 * ```
 */
export function registerFileReferences(table: string, column: string): void {
  if (!/^[a-z_]+$/.test(table) || !/^[a-z_0-9]+$/.test(column))
    throw new RangeError(`Not a table and column name: ${table}.${column}`);
  FILE_REFERENCES.set(table, column);
}

/**
 * Whether stored bytes may be deleted now: no upload of this process holds them and no attachment not purged
 * references them.
 *
 * @example
 * ```ts
 * if (deletable(db, app.dataDir, hex)) unlinkSync(storedFilePath(app.dataDir, hex));
 * ```
 */
export async function deletable(db: Db, dataDir: string, hex: string): Promise<boolean> {
  return !isFileHeld(dataDir, hex) && !(await isFileReferenced(db, hex));
}

/** A digest as attachments write it (`sha256:<hex>`) or bare, as bare hex; `undefined` when malformed. */
function bareHex(sha: string): string | undefined {
  const hex = sha.startsWith('sha256:') ? sha.slice('sha256:'.length) : sha;
  return /^[0-9a-f]{64}$/.test(hex) ? hex : undefined;
}

/**
 * Deletes, now, the stored files of `shas` that no attachment references any more and no upload holds;
 * returns the digests whose file was deleted. Reference check and unlink are synchronous, so no request
 * runs between them. Call it after the change that dropped the references has committed (or use
 * {@link deleteUnreferencedFilesSoon} from inside a transaction).
 *
 * @example
 * ```ts
 * deleteUnreferencedFiles(db, app.dataDir, [previous.sha256]);
 * ```
 */
export async function deleteUnreferencedFiles(
  db: Db,
  dataDir: string,
  shas: Iterable<string>,
): Promise<string[]> {
  const deleted: string[] = [];
  for (const sha of new Set(shas)) {
    const hex = bareHex(sha);
    if (!hex || !(await deletable(db, dataDir, hex))) continue;
    try {
      unlinkSync(storedFilePath(dataDir, hex));
      deleted.push(hex);
    } catch {
      // Already gone (or never stored, as the demo's attachments); nothing to do.
    }
  }
  return deleted;
}

/**
 * Of `shas`, the digests whose stored file exists and that no attachment references and no upload holds:
 * what {@link deleteUnreferencedFiles} would delete now.
 *
 * @example
 * ```ts
 * const doomed = (await unreferencedFiles(db, app.dataDir, shas)).length;
 * ```
 */
export async function unreferencedFiles(db: Db, dataDir: string, shas: Iterable<string>): Promise<string[]> {
  const doomed: string[] = [];
  for (const sha of new Set(shas)) {
    const hex = bareHex(sha);
    if (hex && (await deletable(db, dataDir, hex)) && existsSync(storedFilePath(dataDir, hex)))
      doomed.push(hex);
  }
  return doomed;
}

/**
 * Deletes the files of `shas` that are unreferenced once the current transaction has committed (a rollback
 * keeps the references, and nothing is deleted): a handler that drops a reference inside its transaction
 * calls this. A failure is left to the periodic sweep.
 *
 * @example
 * ```ts
 * deleteUnreferencedFilesSoon(db, app.dataDir, [removed.sha256], log);
 * ```
 */
export function deleteUnreferencedFilesSoon(
  db: Db,
  dataDir: string,
  shas: readonly string[],
  log?: Logger,
): void {
  if (shas.length === 0) return;
  db.afterCommit(() => {
    deleteUnreferencedFiles(db, dataDir, shas).catch((error: unknown) => {
      // The server may have closed meanwhile; the sweep deletes them at the next start.
      log?.warn('unreferenced files not deleted', { count: shas.length, error: String(error) });
    });
  });
}

/**
 * Scans an upload's bytes once the current tick is over and records the result on its attachment: the
 * upload answers at once with `pending`, and the state changes when the scanner is done. A scanner that
 * throws records `error`; a result that cannot be saved (the server closed meanwhile) leaves it `pending`.
 *
 * @example
 * ```ts
 * scanAttachmentSoon(db, attachment.id, bytes, attachment.mediaType, log);
 * ```
 */
export function scanAttachmentSoon(
  db: Db,
  attachmentId: string,
  bytes: Uint8Array,
  mediaType: string,
  log: Logger,
): void {
  setImmediate(() => {
    void getScanner()
      .scan(bytes, mediaType)
      .catch(() => 'error' as const)
      .then(async (state) => {
        try {
          await recordScanState(db, attachmentId, state);
        } catch (error) {
          log.warn('scan result not saved', { attachmentId, error: String(error) });
        }
      });
  });
}

/**
 * Reads stored bytes back by digest.
 *
 * @example
 * ```ts
 * const bytes = await readStoredFile(app.dataDir, attachment.sha256.slice('sha256:'.length));
 * ```
 */
export async function readStoredFile(dataDir: string, hex: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(storedFilePath(dataDir, hex)));
}

/**
 * The stored bytes of a file named by its content id (`sha256:<hex>` or bare hex), or a 404 problem saying
 * which file is gone (`what`: "attachment", "document", "report").
 *
 * @example
 * ```ts
 * const bytes = await storedFileOr404(app.dataDir, attachment.sha256, 'attachment');
 * ```
 */
export async function storedFileOr404(dataDir: string, fileId: string, what: string): Promise<Uint8Array> {
  try {
    return await readStoredFile(dataDir, fileId.replace(/^sha256:/, ''));
  } catch {
    throw problem('not_found', `The file of this ${what} is no longer stored`);
  }
}

/**
 * RFC 6266 `Content-Disposition` for a download: always `attachment`, an ASCII `filename` fallback with
 * nothing that could end the quoted string or the header, and the exact name as `filename*` (RFC 8187,
 * where `'`, `(`, `)` and `*` must be escaped too).
 *
 * @example
 * ```ts
 * attachmentDisposition('statuts "2024".pdf'); // 'attachment; filename="statuts _2024_.pdf"; filename*=…'
 * ```
 */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\;%]/g, '_');
  const exact = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${exact}`;
}

/**
 * The answer that hands a stored file (an attachment, a vault document, a claim's receipt, a report) to a
 * reader whose rights were checked: a download, never cached on the way, never sniffed into another type,
 * and sandboxed if a browser opens it in place anyway (it runs nothing and reaches nothing).
 *
 * @example
 * ```ts
 * return fileDownload(await storedFileOr404(app.dataDir, file.sha256, 'document'), file);
 * ```
 */
export function fileDownload(bytes: Uint8Array, file: { mediaType: string; fileName: string }): Response {
  return new Response(bytes as Uint8Array<ArrayBuffer>, {
    headers: {
      'content-type': file.mediaType,
      'content-length': String(bytes.byteLength),
      'content-disposition': attachmentDisposition(file.fileName),
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
    },
  });
}
