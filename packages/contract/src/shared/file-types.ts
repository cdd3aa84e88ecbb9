// Readable names of file formats instead of media types. A module of its own (no zod), so that only the
// components that show formats carry the table.

/** Short names of the file formats calls and consultations accept, by media type. */
const FILE_TYPE_NAMES: Readonly<Record<string, string>> = {
  'application/pdf': 'PDF',
  'application/msword': 'DOC',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.ms-excel': 'XLS',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  'application/vnd.ms-powerpoint': 'PPT',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PPTX',
  'application/vnd.oasis.opendocument.text': 'ODT',
  'application/vnd.oasis.opendocument.spreadsheet': 'ODS',
  'application/vnd.oasis.opendocument.presentation': 'ODP',
  'application/zip': 'ZIP',
  'text/csv': 'CSV',
  'text/plain': 'TXT',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WEBP',
  'image/gif': 'GIF',
};

/**
 * The name a person knows a file format by (its usual extension, the same in every language), for a media
 * type; an unknown type gives its last word (`application/x-foo` → `FOO`), never the raw media type.
 *
 * @example
 * ```ts
 * fileTypeName('application/vnd.oasis.opendocument.spreadsheet'); // 'ODS'
 * ```
 */
export function fileTypeName(mediaType: string): string {
  const type = mediaType.split(';')[0]?.trim().toLowerCase() ?? '';
  const known = FILE_TYPE_NAMES[type];
  if (known) return known;
  const subtype = type.split('/')[1] ?? type;
  const word = subtype.split(/[.+-]/).filter(Boolean).pop() ?? subtype;
  return word.toUpperCase().slice(0, 12);
}
