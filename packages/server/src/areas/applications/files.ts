import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { storedEntryText, zipEntries } from './scanner.js';

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
 * Written to a temporary name then renamed, so a reader never sees half a file.
 *
 * @example
 * ```ts
 * const hex = await storeFile(app.dataDir, bytes);
 * ```
 */
export async function storeFile(dataDir: string, bytes: Uint8Array): Promise<string> {
  const hex = sha256Hex(bytes);
  const path = storedFilePath(dataDir, hex);
  const exists = await stat(path).then(
    () => true,
    () => false,
  );
  if (!exists) {
    await mkdir(join(path, '..'), { recursive: true });
    const temporary = `${path}.${randomUUID()}.tmp`;
    await writeFile(temporary, bytes);
    await rename(temporary, path);
  }
  return hex;
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
