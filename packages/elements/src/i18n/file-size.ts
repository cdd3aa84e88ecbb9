import type { Formatters } from './format.js';

// File sizes are shown by the few views that list files (uploads, a call's documents, a review's attachments),
// all loaded after an interaction: a module of their own keeps the unit formatters out of every page's base.

const cache = new Map<string, Intl.NumberFormat>();

function unitFormat(tag: string, unit: 'kilobyte' | 'megabyte'): Intl.NumberFormat {
  const key = `${tag} ${unit}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(tag, {
      style: 'unit',
      unit,
      unitDisplay: 'short',
      maximumFractionDigits: 1,
    });
    cache.set(key, format);
  }
  return format;
}

/**
 * A file size in the reader's unit words ("2,5 Mo", "2.5 MB", "2,5 م.ب"), in kB under 1 MB. Binary multiples
 * under the usual names, as file managers show them: a 5 MiB limit reads "5 MB".
 *
 * @example
 * ```ts
 * fileSize(this.fmt, 5 * 1_048_576); // '5 Mo' in French
 * ```
 */
export function fileSize(fmt: Formatters, bytes: number): string {
  return bytes >= 1_048_576
    ? unitFormat(fmt.tag, 'megabyte').format(bytes / 1_048_576)
    : unitFormat(fmt.tag, 'kilobyte').format(Math.max(1, Math.ceil(bytes / 1024)));
}
