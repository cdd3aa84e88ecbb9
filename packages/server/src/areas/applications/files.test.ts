import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { acceptedMediaType, sha256Hex, sniffMediaType, storedFilePath, storeFile } from './files.js';
import { zipBytes as zip } from './fixtures.js';
import { EICAR, structuralScanner } from './scanner.js';

const text = (value: string) => new TextEncoder().encode(value);

const PDF = text('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe('sniffMediaType', () => {
  test('recognises types by content, not name', () => {
    assert.equal(sniffMediaType(PDF), 'application/pdf');
    assert.equal(
      sniffMediaType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])),
      'image/png',
    );
    assert.equal(sniffMediaType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0])), 'image/jpeg');
    assert.equal(sniffMediaType(text('name;amount\nA;12\n')), 'text/plain');
    assert.equal(sniffMediaType(new Uint8Array([0x61, 0, 0x62])), 'application/octet-stream');
    assert.equal(sniffMediaType(new Uint8Array([0xc3, 0x28])), 'application/octet-stream');
    assert.equal(sniffMediaType(new Uint8Array()), 'application/octet-stream');
  });

  test('tells OOXML and ODF archives apart', () => {
    const xlsx = zip([
      { name: '[Content_Types].xml', content: '<Types/>' },
      { name: 'xl/workbook.xml', content: '<workbook/>' },
    ]);
    const docx = zip([
      { name: '[Content_Types].xml', content: '<Types/>' },
      { name: 'word/document.xml', content: '<document/>' },
    ]);
    const ods = zip([
      { name: 'mimetype', content: 'application/vnd.oasis.opendocument.spreadsheet' },
      { name: 'content.xml', content: '<office/>' },
    ]);
    assert.equal(sniffMediaType(xlsx), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    assert.equal(
      sniffMediaType(docx),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    assert.equal(sniffMediaType(ods), 'application/vnd.oasis.opendocument.spreadsheet');
    assert.equal(sniffMediaType(zip([{ name: 'a.txt', content: 'a' }])), 'application/zip');
  });

  test('accepts text as CSV only when CSV is allowed and it looks like CSV', () => {
    assert.equal(acceptedMediaType(text('a,b\n1,2\n'), ['text/csv']), 'text/csv');
    assert.equal(acceptedMediaType(text('hello\n'), ['text/csv']), undefined);
    assert.equal(acceptedMediaType(PDF, ['text/csv']), undefined);
    assert.equal(acceptedMediaType(PDF, ['application/pdf', 'text/csv']), 'application/pdf');
  });
});

describe('storeFile', () => {
  test('stores content-addressed under files/ab/cd/<sha256>, once', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nassij-files-'));
    try {
      const hex = await storeFile(dir, PDF);
      assert.equal(hex, sha256Hex(PDF));
      const path = storedFilePath(dir, hex);
      assert.equal(path, join(dir, 'files', hex.slice(0, 2), hex.slice(2, 4), hex));
      assert.deepEqual(new Uint8Array(await readFile(path)), PDF);
      assert.equal(await storeFile(dir, PDF), hex);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('structuralScanner', () => {
  test('passes a plain PDF and flags active or truncated ones', async () => {
    assert.equal(await structuralScanner.scan(PDF, 'application/pdf'), 'clean');
    const js = text('%PDF-1.4\n1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>\n%%EOF');
    assert.equal(await structuralScanner.scan(js, 'application/pdf'), 'infected');
    const hidden = text('%PDF-1.4\n1 0 obj << /S /L#61unch /F (cmd.exe) >>\n%%EOF');
    assert.equal(await structuralScanner.scan(hidden, 'application/pdf'), 'infected');
    const truncated = text('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n');
    assert.equal(await structuralScanner.scan(truncated, 'application/pdf'), 'infected');
  });

  test('flags EICAR in any file', async () => {
    assert.equal(await structuralScanner.scan(text(EICAR), 'text/plain'), 'infected');
    assert.equal(await structuralScanner.scan(text('plain text'), 'text/plain'), 'clean');
  });

  test('checks ZIP entries for traversal, bombs and macros', async () => {
    const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const ok = zip([
      { name: '[Content_Types].xml', content: '<Types/>' },
      { name: 'xl/workbook.xml', content: '<workbook/>' },
    ]);
    assert.equal(await structuralScanner.scan(ok, xlsx), 'clean');
    const traversal = zip([{ name: '../../etc/passwd', content: 'x' }]);
    assert.equal(await structuralScanner.scan(traversal, 'application/zip'), 'infected');
    const bomb = zip([{ name: 'big.xml', content: 'x', uncompressedSize: 1_000_000 }]);
    assert.equal(await structuralScanner.scan(bomb, 'application/zip'), 'infected');
    const macro = zip([
      { name: '[Content_Types].xml', content: '<Types/>' },
      { name: 'xl/vbaProject.bin', content: 'x' },
    ]);
    assert.equal(await structuralScanner.scan(macro, xlsx), 'infected');
  });
});
