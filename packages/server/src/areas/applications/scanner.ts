import type { ScanState } from '@nassij/contract';

/**
 * Checks stored bytes for malicious content. The default is {@link structuralScanner}; a deployment with an
 * antivirus daemon plugs its own through {@link setScanner}.
 *
 * @example
 * ```ts
 * const state = await getScanner().scan(bytes, 'application/pdf'); // 'clean'
 * ```
 */
export interface Scanner {
  scan(bytes: Uint8Array, mediaType: string): Promise<Exclude<ScanState, 'pending'>>;
}

/** The EICAR anti-virus test string: every scanner must flag it. */
export const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

/** One entry of a ZIP central directory. */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * Reads the central directory of a ZIP archive (no ZIP64, which office files below 50 MB never need).
 * Returns `undefined` when the archive is malformed.
 *
 * @example
 * ```ts
 * zipEntries(bytes)?.map((entry) => entry.name); // ['[Content_Types].xml', 'word/document.xml', …]
 * ```
 */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 22) return undefined;
  let eocd = -1;
  // The end record sits in the last 22 + 65535 (comment) bytes.
  for (let i = bytes.byteLength - 22; i >= Math.max(0, bytes.byteLength - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const count = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  let offset = view.getUint32(eocd + 16, true);
  if (offset + size > eocd) return undefined;
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (offset + 46 > eocd || view.getUint32(offset, true) !== CENTRAL) return undefined;
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const entry: ZipEntry = {
      method: view.getUint16(offset + 10, true),
      compressedSize: view.getUint32(offset + 20, true),
      uncompressedSize: view.getUint32(offset + 24, true),
      localHeaderOffset: view.getUint32(offset + 42, true),
      name: decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
    };
    if (entry.localHeaderOffset + 30 > bytes.byteLength) return undefined;
    entries.push(entry);
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * The stored (uncompressed) content of a ZIP entry, as ODF keeps its `mimetype`; `undefined` otherwise.
 *
 * @example
 * ```ts
 * storedEntryText(bytes, entry); // 'application/vnd.oasis.opendocument.text'
 * ```
 */
export function storedEntryText(bytes: Uint8Array, entry: ZipEntry): string | undefined {
  if (entry.method !== 0) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (view.getUint32(at, true) !== LOCAL) return undefined;
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.byteLength) return undefined;
  return new TextDecoder().decode(bytes.subarray(start, end)).trim();
}

function includesAscii(bytes: Uint8Array, needle: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle, 0, 'latin1');
}

/** PDF names may hide letters as `#xx` escapes (`/J#61vaScript`); decode them before looking. */
function pdfText(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

function scanPdf(bytes: Uint8Array): 'clean' | 'infected' {
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.byteLength - 1024))).toString('latin1');
  // A truncated or padded PDF hides what follows its last %%EOF, so it is not accepted as clean.
  if (!/%%EOF\s*$/.test(tail)) return 'infected';
  const text = pdfText(bytes);
  if (/\/(JavaScript|JS|Launch|EmbeddedFile|RichMedia)\b/.test(text)) return 'infected';
  return 'clean';
}

/** Largest total an archive may expand to, and the largest per-entry expansion ratio (zip bombs). */
const MAX_EXPANDED_BYTES = 200 * 1024 * 1024;
const MAX_RATIO = 200;

function scanZip(bytes: Uint8Array, mediaType: string): 'clean' | 'infected' {
  const entries = zipEntries(bytes);
  if (!entries || entries.length === 0) return 'infected';
  let expanded = 0;
  for (const entry of entries) {
    const name = entry.name;
    if (name.startsWith('/') || name.includes('\\') || name.split('/').includes('..')) return 'infected';
    if (entry.compressedSize > bytes.byteLength) return 'infected';
    expanded += entry.uncompressedSize;
    if (entry.uncompressedSize > Math.max(1, entry.compressedSize) * MAX_RATIO) return 'infected';
    // Macros in a document type that does not allow them.
    if (/vbaProject\.bin$/i.test(name) && !/macroEnabled/i.test(mediaType)) return 'infected';
    if (/\.(exe|dll|scr|bat|cmd|js|vbs|ps1|jar)$/i.test(name)) return 'infected';
  }
  return expanded > MAX_EXPANDED_BYTES ? 'infected' : 'clean';
}

/**
 * The default scanner: structural checks without signatures. EICAR anywhere → `infected`; a PDF must end
 * with `%%EOF` and carry no JavaScript, launch actions or embedded files; ZIP-based documents must have sane
 * entries (no path traversal, no bomb ratios, no macros or executables).
 *
 * @example
 * ```ts
 * await structuralScanner.scan(new TextEncoder().encode(EICAR), 'text/plain'); // 'infected'
 * ```
 */
export const structuralScanner: Scanner = {
  async scan(bytes, mediaType) {
    try {
      if (includesAscii(bytes, EICAR)) return 'infected';
      if (mediaType === 'application/pdf') return scanPdf(bytes);
      if (
        mediaType.startsWith('application/vnd.openxmlformats-officedocument') ||
        mediaType.startsWith('application/vnd.oasis.opendocument') ||
        mediaType === 'application/zip'
      )
        return scanZip(bytes, mediaType);
      return 'clean';
    } catch {
      return 'error';
    }
  },
};

let current: Scanner = structuralScanner;

/**
 * Replaces the scanner used for new uploads (an antivirus daemon, a test double).
 *
 * @example
 * ```ts
 * setScanner({ scan: async (bytes) => ((await clamd.scan(bytes)) ? 'infected' : 'clean') });
 * ```
 */
export function setScanner(scanner: Scanner): void {
  current = scanner;
}

/**
 * The scanner in use.
 *
 * @example
 * ```ts
 * const state = await getScanner().scan(bytes, mediaType);
 * ```
 */
export function getScanner(): Scanner {
  return current;
}
