// The text rules of iCalendar (RFC 5545) that a calendar file needs wherever it is written: the server's
// feeds and calendars, and an element that writes one event itself (the training finder's "add to calendar"
// in data mode). Plain functions, no zod, so an embed carries a few hundred bytes.

/** Control characters iCalendar text cannot hold (§3.3.11: any CONTROL but HTAB); line breaks are escaped. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding the characters iCalendar forbids is the point
const ILLEGAL_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/**
 * A TEXT value escaped as RFC 5545 §3.3.11 asks: backslash, semicolon and comma escaped, line breaks as `\n`,
 * other control characters dropped.
 *
 * @example
 * ```ts
 * escapeIcsText('a;b,c\\d\ne'); // 'a\\;b\\,c\\\\d\\ne'
 * ```
 */
export function escapeIcsText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(ILLEGAL_TEXT, '')
    .replace(/[\\;,\n]/g, (ch) => (ch === '\n' ? '\\n' : `\\${ch}`));
}

/** Octets of a code point in UTF-8. */
function utf8Size(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/**
 * A content line folded at 75 octets (§3.1): continuation lines start with one space, and a line is never
 * cut inside a UTF-8 character, so an Arabic or Tifinagh title survives unfolding intact.
 *
 * @example
 * ```ts
 * foldLine(`SUMMARY:${'ⵣ'.repeat(40)}`).split('\r\n').length; // 2
 * ```
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let from = 0;
  let octets = 0;
  // The first line holds 75 octets; a continuation 74 after its leading space.
  let room = 75;
  for (let i = 0; i < line.length; ) {
    const codePoint = line.codePointAt(i) as number;
    const units = codePoint > 0xffff ? 2 : 1;
    const size = utf8Size(codePoint);
    if (octets + size > room) {
      out.push(line.slice(from, i));
      from = i;
      octets = 0;
      room = 74;
    }
    octets += size;
    i += units;
  }
  out.push(line.slice(from));
  return out.join('\r\n ');
}

/**
 * A UTC DATE-TIME value (`20260331T225900Z`), as DTSTAMP and LAST-MODIFIED must be.
 *
 * @example
 * ```ts
 * icsUtc('2026-03-31T22:59:00Z'); // '20260331T225900Z'
 * ```
 */
export function icsUtc(instant: string): string {
  return `${new Date(instant)
    .toISOString()
    .replace(/\.\d{3}Z$/, '')
    .replace(/[-:]/g, '')}Z`;
}
