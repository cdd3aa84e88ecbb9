/** A value of an exported record: text, a number, or nothing (an empty CSV field, JSON `null`). */
export type ExportValue = string | number | null;

/** One exported record, its keys in the dataset's column order. */
export type ExportRecord = Record<string, ExportValue>;

/**
 * One CSV field per RFC 4180: quoted when it holds a comma, a quote, a line break or edge spaces, with
 * quotes doubled. Arabic and Tifinagh text pass through as UTF-8.
 *
 * @example
 * ```ts
 * csvField('a "b", c'); // '"a ""b"", c"'
 * csvField(null); // ''
 * ```
 */
export function csvField(value: ExportValue): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * One CSV line (ending in CRLF, as RFC 4180 asks) with the fields of `columns` in order.
 *
 * @example
 * ```ts
 * csvLine(['id', 'title'], { id: 'call_1', title: 'دعم, المشاريع' }); // 'call_1,"دعم, المشاريع"\r\n'
 * ```
 */
export function csvLine(columns: readonly string[], record: ExportRecord): string {
  return `${columns.map((column) => csvField(record[column] ?? null)).join(',')}\r\n`;
}
