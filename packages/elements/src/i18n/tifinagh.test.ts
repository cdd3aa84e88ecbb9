import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Catalog } from './messages.js';

const SRC = dirname(dirname(fileURLToPath(import.meta.url)));

/**
 * Acronyms, units, codes and file-format names a Tamazight sentence may keep in Latin, as the other locales
 * do (`PDF`, `MAD`, `Markdown`…). Anything else in Latin is an untranslated draft.
 */
const ALLOWED = new Set([
  'PDF',
  'CSV',
  'JSON',
  'MAD',
  'UTC',
  'XLSX',
  'DOCX',
  'ODS',
  'ODT',
  'PNG',
  'JPEG',
  'JPG',
  'IRCAM',
  'SMS',
  'URL',
  'HTTP',
  'HTTPS',
  'API',
  'CNDP',
  'Markdown',
]);

/** A data field name shown verbatim (`consultation_id`): a code, not a word to translate. */
const SNAKE_CASE_CODE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$/;

/** Every Tamazight catalog of the package: the shared one and each component's `*.messages.zgh.ts`. */
function zghCatalogFiles(): string[] {
  const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.messages.zgh.ts'))
    .map((file) => join(SRC, file));
  return [join(SRC, 'i18n', 'zgh.ts'), ...files.sort()];
}

/** The problems of one text: Latin words that are not allowed acronyms or codes, or no Tifinagh at all. */
function tifinaghProblems(text: string): string[] {
  const bare = text.replace(/\{\w+\}/g, '');
  const problems: string[] = [];
  for (const [token] of bare.matchAll(/[\p{Script=Latin}\d_]+/gu)) {
    const longestRun = Math.max(0, ...(token.match(/\p{Script=Latin}+/gu) ?? []).map((run) => run.length));
    if (longestRun < 3 || ALLOWED.has(token) || SNAKE_CASE_CODE.test(token)) continue;
    problems.push(`Latin word "${token}"`);
  }
  if (/\p{L}/u.test(bare) && !/\p{Script=Tifinagh}/u.test(bare)) problems.push('no Tifinagh letter');
  return problems;
}

/** `key: problem in "text"` for every text (and plural form) of `catalog` that is not Tifinagh. */
function catalogReport(catalog: Catalog): string[] {
  const report: string[] = [];
  for (const [key, message] of Object.entries(catalog)) {
    const forms = typeof message === 'string' ? { text: message } : message;
    for (const [form, text] of Object.entries(forms)) {
      if (text === undefined) continue;
      const where = typeof message === 'string' ? key : `${key}.${form}`;
      for (const problem of tifinaghProblems(text)) report.push(`${where}: ${problem} in "${text}"`);
    }
  }
  return report;
}

describe('tifinaghProblems', () => {
  it('flags French words and texts without Tifinagh', () => {
    assert.deepEqual(tifinaghProblems('Montant (MAD)'), ['Latin word "Montant"', 'no Tifinagh letter']);
    assert.deepEqual(tifinaghProblems('ⴰⵙⵓⵜⵔ ok demande'), ['Latin word "demande"']);
    assert.deepEqual(tifinaghProblems('Réception'), ['Latin word "Réception"', 'no Tifinagh letter']);
  });

  it('accepts Tifinagh with placeholders, digits, acronyms and field codes', () => {
    assert.deepEqual(tifinaghProblems('ⴰⵎⴹⴰⵏ (MAD): {amount}'), []);
    assert.deepEqual(tifinaghProblems('{score} / {max}'), []);
    assert.deepEqual(tifinaghProblems('ⵜⴰⴳⵊⴷⵉⵜ consultation_id, 50 MB, IP'), []);
    assert.deepEqual(tifinaghProblems('{count} ⵓⵙⵏⵇⴷ'), []);
  });
});

describe('Tamazight catalogs', () => {
  const files = zghCatalogFiles();

  it('include the shared catalog and those of the components', () => {
    assert.ok(files.length >= 8, `found ${files.length}`);
    assert.ok(files.some((file) => file.endsWith('application-form.messages.zgh.ts')));
    assert.ok(files.some((file) => file.endsWith('review-panel.messages.zgh.ts')));
  });

  for (const file of files) {
    it(`${relative(SRC, file)} is written in Tifinagh`, async () => {
      const module = (await import(pathToFileURL(file).href)) as { default: Catalog };
      assert.ok(Object.keys(module.default).length > 0, 'has messages');
      assert.deepEqual(catalogReport(module.default), []);
    });
  }
});
