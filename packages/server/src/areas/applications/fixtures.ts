import type { Answers, AnswerValue, Application, Call, FormField, RequiredDocument } from '@nassij/contract';
import { EICAR } from './scanner.js';

/**
 * A small valid PDF (one blank page), built in code so that tests carry no binary files.
 *
 * @example
 * ```ts
 * const bytes = pdfBytes('statuts');
 * ```
 */
export function pdfBytes(note = 'nassij', extra = ''): Uint8Array<ArrayBuffer> {
  const body = [
    '%PDF-1.4',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    `3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Title (${note}) >> endobj`,
    extra,
    'trailer << /Root 1 0 R >>',
    '%%EOF',
    '',
  ].join('\n');
  return new TextEncoder().encode(body);
}

/**
 * A PDF carrying the EICAR test string, which every scanner must flag.
 *
 * @example
 * ```ts
 * const bytes = eicarPdfBytes();
 * ```
 */
export function eicarPdfBytes(): Uint8Array<ArrayBuffer> {
  return pdfBytes('eicar', `% ${EICAR}`);
}

/**
 * The start of a PNG image (signature and IHDR), enough for sniffing.
 *
 * @example
 * ```ts
 * new File([pngBytes()], 'statuts.pdf'); // a PNG in disguise
 * ```
 */
export function pngBytes(): Uint8Array<ArrayBuffer> {
  return new Uint8Array([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0,
    1, 8, 2, 0, 0, 0,
  ]);
}

/**
 * A ZIP archive with stored (uncompressed) entries: enough to fake xlsx/docx/ods files for sniffing.
 *
 * @example
 * ```ts
 * zipBytes([{ name: '[Content_Types].xml', content: '<Types/>' }, { name: 'xl/workbook.xml', content: '<w/>' }]);
 * ```
 */
export function zipBytes(
  entries: {
    name: string;
    content: string /** Claimed size, to fake a zip bomb. */;
    uncompressedSize?: number;
  }[],
): Uint8Array<ArrayBuffer> {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const data = Buffer.from(entry.content);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(entry.uncompressedSize ?? data.length, 22);
    local.writeUInt16LE(name.length, 26);
    parts.push(local, name, data);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt32LE(data.length, 20);
    header.writeUInt32LE(entry.uncompressedSize ?? data.length, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    central.push(header, name);
    offset += 30 + name.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, directory, end]));
}

/**
 * Bytes of a file a document accepts (PDF first, then CSV, xlsx, docx, ODF), with a fitting name.
 *
 * @example
 * ```ts
 * const { bytes, name } = fileFor(call.requiredDocuments[0]!);
 * ```
 */
export function fileFor(document: RequiredDocument): { bytes: Uint8Array<ArrayBuffer>; name: string } {
  const types = document.mediaTypes;
  if (types.includes('application/pdf')) return { bytes: pdfBytes(document.id), name: `${document.id}.pdf` };
  if (types.includes('text/csv'))
    return { bytes: new TextEncoder().encode('poste,montant\nmatériel,1000\n'), name: `${document.id}.csv` };
  const ooxml = types.find((t) => t.startsWith('application/vnd.openxmlformats'));
  if (ooxml) {
    const folder = ooxml.includes('spreadsheet') ? 'xl' : ooxml.includes('presentation') ? 'ppt' : 'word';
    return {
      bytes: zipBytes([
        { name: '[Content_Types].xml', content: '<Types/>' },
        { name: `${folder}/main.xml`, content: '<main/>' },
      ]),
      name: `${document.id}.zip`,
    };
  }
  const odf = types.find((t) => t.startsWith('application/vnd.oasis.opendocument'));
  if (odf) return { bytes: zipBytes([{ name: 'mimetype', content: odf }]), name: `${document.id}.odf` };
  if (types.includes('image/png')) return { bytes: pngBytes(), name: `${document.id}.png` };
  throw new Error(`No fixture for ${types.join(', ')}`);
}

function answerFor(field: FormField): AnswerValue | undefined {
  switch (field.type) {
    case 'text':
    case 'long_text':
      return 'مشروع تجريبي لدعم الشباب'.slice(0, field.maxLength ?? 200);
    case 'number': {
      const value = field.min ?? 1;
      return field.max !== undefined ? Math.min(value, field.max) : value;
    }
    case 'money':
      return {
        amount: field.max && Number(field.max.amount) < 1000 ? field.max.amount : '1000.00',
        currency: 'MAD',
      };
    case 'date':
      return '2026-06-01';
    case 'choice':
      return field.options[0]?.value ?? '';
    case 'multi_choice':
      return [field.options[0]?.value ?? ''];
    case 'region':
      return 'MA-01';
    case 'budget_table':
      return {
        lines: [
          {
            id: 'line_1',
            label: 'Matériel',
            ...(field.categories?.[0] ? { category: field.categories[0].value } : {}),
            amount: { amount: '1000.00', currency: 'MAD' },
            coFinanced: { amount: '100.00', currency: 'MAD' },
          },
        ],
      };
    case 'beneficiaries':
      return { count: 120, women: 60, youth: 40 };
    case 'attachment':
      return undefined;
  }
}

/**
 * Valid answers for every field of a call's form (attachments excepted): what a complete application holds.
 *
 * @example
 * ```ts
 * const answers = completeAnswers(call);
 * ```
 */
export function completeAnswers(call: Call): Answers {
  const answers: Answers = {};
  for (const field of call.form.sections.flatMap((s) => s.fields)) {
    const value = answerFor(field);
    if (value !== undefined) answers[field.id] = value;
  }
  return answers;
}

/**
 * Reads an application again until none of its attachments is still being scanned, and answers that read.
 * The scan runs after the upload has answered and its result changes the application, so its ETag too: an
 * ETag read for `If-Match` before the scan ends is stale once it ends (a `412` that a person's form handles
 * by reading again, and a test would have to race).
 *
 * @example
 * ```ts
 * const current = await untilScanned(() => send('GET', `/v1/applications/${id}`));
 * headers['if-match'] = current.headers.get('etag') ?? '';
 * ```
 */
export async function untilScanned<R extends { body: unknown }>(read: () => Promise<R>): Promise<R> {
  const started = Date.now();
  for (;;) {
    const response = await read();
    const attachments = (response.body as Partial<Application> | undefined)?.attachments ?? [];
    if (attachments.every((attachment) => attachment.scanState !== 'pending')) return response;
    if (Date.now() - started > 30_000) throw new Error('An attachment was still being scanned after 30 s');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
