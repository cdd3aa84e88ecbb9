// The printable certificate: one A4 landscape page in the reader's language. pdfkit embeds subsets of the
// Noto fonts bundled from npm (@fontsource: Naskh Arabic, Sans Tifinagh, Sans for Latin) and shapes each run
// with fontkit (Arabic joining and ligatures); the order of runs on a line is the Unicode bidirectional
// algorithm's (bidi-js), since pdfkit lays a string out in one direction only.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Certificate, type Course, type Locale, pickText, RTL_LOCALES } from '@nassij/contract';
import bidiModule from 'bidi-js';
import PDFDocument from 'pdfkit';
import { competencyLabel, readableDate } from './certificates.js';
import { CERTIFICATE_TEXTS, fill } from './messages.js';
import { woffToSfnt } from './woff.js';

const require = createRequire(import.meta.url);

/** The fonts of a certificate, by the script they write. */
type FontName = 'latin' | 'latinBold' | 'arabic' | 'arabicBold' | 'tifinagh';

/** Where each font comes from: WOFF files of the @fontsource packages, unwrapped to sfnt once ({@link woffToSfnt}). */
const FONT_FILES: Record<FontName, string> = {
  latin: '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff',
  latinBold: '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff',
  arabic: '@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-400-normal.woff',
  arabicBold: '@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-700-normal.woff',
  tifinagh: '@fontsource/noto-sans-tifinagh/files/noto-sans-tifinagh-tifinagh-400-normal.woff',
};

let fontBytes: Record<FontName, Buffer> | undefined;

/** The font files, read once. */
function fonts(): Record<FontName, Buffer> {
  fontBytes ??= Object.fromEntries(
    Object.entries(FONT_FILES).map(([name, file]) => [name, woffToSfnt(readFileSync(require.resolve(file)))]),
  ) as Record<FontName, Buffer>;
  return fontBytes;
}

// bidi-js is a UMD script typed as an ES module: imported from ESM, its default export is the factory itself.
const bidiFactory = ((bidiModule as unknown as { default?: unknown }).default ??
  bidiModule) as unknown as typeof import('bidi-js').default;
const bidi = bidiFactory();

const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/u;
const TIFINAGH = /[\u2D30-\u2D7F]/u;

/** The script a character needs a font for; `undefined` for spaces and marks any font of the run writes. */
function scriptOf(ch: string): 'arabic' | 'tifinagh' | 'latin' | undefined {
  if (ARABIC.test(ch)) return 'arabic';
  if (TIFINAGH.test(ch)) return 'tifinagh';
  if (/\s/u.test(ch)) return undefined;
  return 'latin';
}

function fontFor(script: 'arabic' | 'tifinagh' | 'latin', bold: boolean): FontName {
  if (script === 'arabic') return bold ? 'arabicBold' : 'arabic';
  if (script === 'tifinagh') return 'tifinagh';
  return bold ? 'latinBold' : 'latin';
}

/** A piece of a line drawn with one font in one direction, as pdfkit is given it. */
interface Run {
  font: FontName;
  /** What pdfkit is given: logical order when fontkit reverses it (Arabic), visual order otherwise. */
  text: string;
}

/**
 * A line cut into runs in visual order (left to right). Characters are reordered by the bidi algorithm; an
 * Arabic run is handed over in logical order, since fontkit shapes it and lays it right to left itself;
 * other right-to-left runs (spaces, punctuation between Arabic words) are reversed and mirrored here.
 */
function visualRuns(line: string, direction: 'rtl' | 'ltr', bold: boolean): Run[] {
  const levels = bidi.getEmbeddingLevels(line, direction);
  // UTF-16 code units, as bidi-js indexes them (a character outside the BMP stays a pair in one run).
  const chars = line.split('');
  const order = chars.map((_, i) => i);
  for (const [start = 0, end = start] of bidi.getReorderSegments(line, levels)) {
    order.splice(start, end - start + 1, ...order.slice(start, end + 1).reverse());
  }
  const mirrored = bidi.getMirroredCharactersMap(line, levels.levels);
  // A space takes the script of the nearest letter before it in logical order, so that it joins its words' run.
  const scripts: ('arabic' | 'tifinagh' | 'latin')[] = [];
  let last: 'arabic' | 'tifinagh' | 'latin' = direction === 'rtl' ? 'arabic' : 'latin';
  chars.forEach((ch, i) => {
    last = scriptOf(ch) ?? last;
    scripts[i] = last;
  });
  const runs: { font: FontName; rtl: boolean; indices: number[] }[] = [];
  for (const index of order) {
    const font = fontFor(scripts[index] ?? 'latin', bold);
    const rtl = ((levels.levels[index] ?? 0) & 1) === 1;
    const previous = runs.at(-1);
    if (previous && previous.font === font && previous.rtl === rtl) previous.indices.push(index);
    else runs.push({ font, rtl, indices: [index] });
  }
  return runs.map((run) => {
    const arabic = run.rtl && (run.font === 'arabic' || run.font === 'arabicBold');
    const indices = arabic ? [...run.indices].reverse() : run.indices;
    const text = indices.map((i) => (run.rtl && !arabic ? (mirrored.get(i) ?? chars[i]) : chars[i])).join('');
    return { font: run.font, text };
  });
}

/** What {@link renderCertificatePdf} prints. */
export interface CertificatePdfInput {
  certificate: Certificate;
  locale: Locale;
  /** The course as it is now, for its title and provider in another language than the credential's. */
  course?: Course;
  associationName: string;
}

const PAGE = { width: 841.89, height: 595.28 };
const MARGIN = 56;

/**
 * Renders a certificate as a PDF in `locale`: Arabic right to left and shaped, Tamazight in Tifinagh; the
 * participant, the association, the course and its dates and hours, the competencies and levels, the issuer,
 * the date of issue and the verification address.
 *
 * @example
 * ```ts
 * const pdf = await renderCertificatePdf({ certificate, locale: 'ar', course, associationName: 'جمعية الأمل' });
 * await writeFile('certificate.pdf', pdf);
 * ```
 */
export async function renderCertificatePdf(input: CertificatePdfInput): Promise<Uint8Array<ArrayBuffer>> {
  const { certificate, locale } = input;
  const t = CERTIFICATE_TEXTS[locale];
  const direction = RTL_LOCALES.includes(locale) ? 'rtl' : 'ltr';
  const achievement = certificate.credential.credentialSubject.achievement;
  const courseTitle = input.course ? pickText(input.course.title, locale).text : achievement.name;
  const provider = input.course ? pickText(input.course.provider.name, locale).text : undefined;
  const hours = input.course?.durationHours;
  const subject = certificate.credential.credentialSubject;
  const period =
    subject.activityStartDate && subject.activityEndDate
      ? fill(t.held, {
          from: readableDate(subject.activityStartDate, locale),
          to: readableDate(subject.activityEndDate, locale),
        })
      : undefined;
  const competencies = (input.course?.competencies ?? []).map(({ code, level }) => ({ code, level }));

  const pdfLang = locale === 'zgh' ? 'zgh-Tfng' : locale;
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    // Every line is placed by hand: no margin, so that pdfkit never starts a page of its own.
    margin: 0,
    lang: pdfLang,
    displayTitle: true,
    info: {
      Title: `${t.title} — ${courseTitle}`,
      Author: t.platform,
      Subject: certificate.participantName,
      Keywords: certificate.id,
      CreationDate: new Date(certificate.issuedAt),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  for (const [name, bytes] of Object.entries(fonts())) doc.registerFont(name, bytes);

  /** Draws text centred on the page, wrapped to the width, each line in bidi order; returns the next y. */
  const centred = (
    text: string,
    y: number,
    size: number,
    options: { bold?: boolean; color?: string } = {},
  ) => {
    const width = PAGE.width - 2 * MARGIN - 40;
    /** The pieces of a line as drawn left to right: words, and spaces as gaps (fontkit drops a gap at a join). */
    const pieces = (line: string) =>
      visualRuns(line, direction, options.bold ?? false).flatMap((run) => {
        const words = run.text.split(' ');
        // An Arabic run is in logical order: its words go right to left.
        if (run.font === 'arabic' || run.font === 'arabicBold') words.reverse();
        return words.flatMap((word, i) => [
          ...(i > 0 ? [{ font: run.font, text: ' ', gap: true }] : []),
          ...(word ? [{ font: run.font, text: word, gap: false }] : []),
        ]);
      });
    const widthOf = (piece: { font: FontName; text: string }) =>
      doc.font(piece.font).fontSize(size).widthOfString(piece.text);
    const measure = (line: string) => pieces(line).reduce((sum, piece) => sum + widthOf(piece), 0);
    const lines: string[] = [];
    for (const word of text.split(/\s+/).filter(Boolean)) {
      const current = lines.at(-1);
      if (current !== undefined && measure(`${current} ${word}`) <= width)
        lines[lines.length - 1] = `${current} ${word}`;
      else lines.push(word);
    }
    let top = y;
    for (const line of lines) {
      let x = (PAGE.width - measure(line)) / 2;
      for (const piece of pieces(line)) {
        if (!piece.gap) {
          // Naskh draws letters from shared skeletons and dots, so glyphs alone do not say which letter they
          // are: the word's own text goes beside them (ActualText), for copying, search and screen readers.
          doc.markContent('Span', { actual: piece.text, lang: pdfLang });
          doc
            .font(piece.font)
            .fontSize(size)
            .fillColor(options.color ?? '#1d2b36');
          doc.text(piece.text, x, top, { lineBreak: false });
          doc.endMarkedContent();
        }
        x += widthOf(piece);
      }
      top += size * 1.6;
    }
    return top;
  };

  // Frame.
  doc
    .lineWidth(3)
    .strokeColor('#0b6e4f')
    .rect(24, 24, PAGE.width - 48, PAGE.height - 48)
    .stroke();
  doc
    .lineWidth(0.8)
    .rect(32, 32, PAGE.width - 64, PAGE.height - 64)
    .stroke();

  let y = 70;
  y = centred(t.title, y, 28, { bold: true, color: '#0b6e4f' }) + 10;
  y = centred(t.awardedTo, y, 14);
  y = centred(certificate.participantName, y, 24, { bold: true });
  y = centred(`${t.ofAssociation} ${input.associationName}`, y, 13);
  y = centred(t.forCompleting, y + 4, 14);
  y = centred(courseTitle, y, 20, { bold: true, color: '#0b6e4f' });
  if (period) y = centred(period, y, 12);
  if (hours !== undefined) y = centred(fill(t.hours, { hours }), y, 12);
  if (competencies.length > 0) {
    const names = competencies.map(({ code, level }) => competencyLabel(code, level, locale));
    y = centred(`${t.competencies}: ${names.join(' · ')}`, y + 6, 12);
  }
  if (provider) y = centred(`${t.providedBy}: ${provider}`, y + 4, 12);
  y = centred(fill(t.issuedOn, { date: readableDate(certificate.issuedAt, locale) }), y + 4, 12);
  centred(`${t.verifyAt}: ${certificate.links.verify}`, PAGE.height - 92, 10, { color: '#44525c' });
  doc
    .font('latin')
    .fontSize(8)
    .fillColor('#44525c')
    .text(certificate.id, MARGIN, PAGE.height - 58, { width: PAGE.width - 2 * MARGIN, align: 'center' });
  doc.link(MARGIN, PAGE.height - 96, PAGE.width - 2 * MARGIN, 16, certificate.links.verify);
  doc.end();
  await ended;
  return new Uint8Array(Buffer.concat(chunks));
}
