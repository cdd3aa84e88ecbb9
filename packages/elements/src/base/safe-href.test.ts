import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { safeHref } from './safe-href.js';

describe('safeHref: the one gate between data and a link', () => {
  test('gives back absolute http(s) URLs, serialised by the URL parser', () => {
    assert.equal(safeHref('https://tifawin.ma'), 'https://tifawin.ma/');
    assert.equal(safeHref('http://example.org/a?b=1#c'), 'http://example.org/a?b=1#c');
    assert.equal(safeHref('HTTPS://Example.ORG/Statuts.pdf'), 'https://example.org/Statuts.pdf');
    assert.match(safeHref('https://جمعية.ma/عن') ?? '', /^https:\/\/xn--[a-z0-9-]+\.ma\/%D8%B9%D9%86$/);
    // Whatever the browser would follow is what comes back: bidi characters are percent-encoded.
    assert.equal(safeHref('https://example.org/\u202efdp.exe'), 'https://example.org/%E2%80%AEfdp.exe');
  });

  test('refuses script, data and every other scheme, in any case', () => {
    for (const value of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'javascript://example.org/%0aalert(1)',
      'data:text/html,<script>alert(1)</script>',
      'DATA:text/html;base64,PHNjcmlwdD4=',
      'vbscript:msgbox(1)',
      'VBScript:msgbox(1)',
      'file:///etc/passwd',
      'ftp://example.org/',
      'blob:https://example.org/0f0f',
      'mailto:a@example.org',
      'tel:+212600000000',
    ])
      assert.equal(safeHref(value), undefined, value);
  });

  test('refuses a scheme hidden with whitespace or control characters, as the browser would read it', () => {
    for (const value of [
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      'java\rscript:alert(1)',
      ' javascript:alert(1)',
      '\u0000javascript:alert(1)',
      '\u0001javascript:alert(1)',
      '\u001f javascript:alert(1)',
      'javascript\t:alert(1)',
      '  JaVa\tScRiPt:alert(1)  ',
    ])
      assert.equal(safeHref(value), undefined, JSON.stringify(value));
  });

  test('without a base, relative and scheme-relative references are refused', () => {
    for (const value of ['/about', 'about', '//evil.example/x', '?q=1', '#top', 'https://', 'http://'])
      assert.equal(safeHref(value), undefined, value);
  });

  test('with a base (a host-configured address), relative references resolve and schemes are still checked', () => {
    const base = 'https://example.org/calls/';
    assert.equal(safeHref('/apply/?call=c42', base), 'https://example.org/apply/?call=c42');
    assert.equal(safeHref('apply.html', base), 'https://example.org/calls/apply.html');
    assert.equal(safeHref('javascript:alert(1)', base), undefined);
    assert.equal(safeHref('java\tscript:alert(1)', base), undefined);
    assert.equal(safeHref('/x', 'about:blank'), undefined);
  });

  test('anything but a non-empty string is nothing', () => {
    for (const value of [
      undefined,
      null,
      '',
      0,
      1,
      true,
      [],
      ['https://example.org'],
      { href: 'https://example.org' },
    ])
      assert.equal(safeHref(value), undefined, JSON.stringify(value));
  });
});

describe('every link the elements render from data goes through safeHref', () => {
  const SRC = join(dirname(fileURLToPath(import.meta.url)), '..');
  const sources = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.endsWith('.d.ts'))
    .map((file) => ({ file, text: readFileSync(join(SRC, file), 'utf8') }));

  /** The body of method `method` (`name(…) {…}` at class-member indentation) in any source file. */
  function methodBody(method: string): string | undefined {
    const pattern = new RegExp(`\\n\\s*${method.replace('#', '\\#')}\\([^)]*\\)[^{]*\\{([^]*?)\\n  \\}`);
    for (const { text } of sources) {
      const body = pattern.exec(text)?.[1];
      if (body) return body;
    }
    return undefined;
  }

  /**
   * True when `name`, as last declared before `at`, comes from a `safeHref(…)` call: directly, through a local
   * function declared from one, or through a method of the element (`this.x(…)`, `host.x(…)` in a view) that
   * returns one.
   */
  function fromSafeHref(text: string, name: string, at: number): boolean {
    const declarations = [...text.matchAll(new RegExp(`(?:const|let)\\s+${name}\\s*=([^;]*);`, 'gs'))];
    const declaration = declarations.filter((d) => (d.index ?? 0) < at).at(-1)?.[1];
    if (!declaration) return false;
    if (declaration.includes('safeHref(')) return true;
    const local = /^\s*([A-Za-z_$][\w$]*)\(/.exec(declaration)?.[1];
    if (local && local !== name && fromSafeHref(text, local, at)) return true;
    const method = /(?:this|host)\.(#?\w+)\(/.exec(declaration)?.[1];
    if (!method) return false;
    return methodBody(method)?.includes('return safeHref(') ?? false;
  }

  /** A `blob:` URL of a CSV the element built itself (indicators' CsvLinks controller). */
  const isOwnBlob = (expression: string) =>
    /^(this|host)\.csv\.url\(/.test(expression) &&
    sources.some(({ file, text }) => file.endsWith('csv-links.ts') && text.includes('URL.createObjectURL('));

  /** A `blob:` URL of a certificate's JSON the element built itself (training finder, `my-training.ts`). */
  const isOwnCertificateBlob = (expression: string) =>
    /^mine\.download\(/.test(expression) &&
    sources.some(
      ({ file, text }) =>
        file.endsWith('my-training.ts') &&
        /download\([^)]*\)[^{]*\{[\s\S]*?URL\.createObjectURL\(/.test(text),
    );

  /** A `data:` calendar file the element wrote itself from a session (training finder, `session-calendar.ts`). */
  const isOwnCalendarFile = (expression: string) =>
    /^sessionCalendarHref\(/.test(expression) &&
    sources.some(
      ({ file, text }) =>
        file.endsWith('session-calendar.ts') && text.includes('`data:text/calendar;charset=utf-8,'),
    );

  test('each bound href is a fragment, a blob the element made, or a safeHref result', () => {
    const unsafe: string[] = [];
    let bindings = 0;
    for (const { file, text } of sources) {
      for (const match of text.matchAll(/href=\$\{\s*([^}]*?)\s*\}/g)) {
        bindings++;
        const expression = match[1] ?? '';
        if (expression.startsWith('`#')) continue; // an in-page fragment
        if (isOwnBlob(expression)) continue; // a blob: URL of a CSV the element built
        if (isOwnCertificateBlob(expression)) continue; // a blob: URL of a certificate's JSON it built
        if (isOwnCalendarFile(expression)) continue; // a data: calendar file the element wrote
        const name = /^[A-Za-z_$][\w$]*/.exec(expression)?.[0];
        if (!name || !fromSafeHref(text, name, match.index ?? 0))
          unsafe.push(`${file}: href=\${${expression}}`);
      }
      for (const match of text.matchAll(/href="([^"$]*)\$\{/g)) {
        bindings++;
        const prefix = match[1] ?? '';
        if (!/^(#|mailto:|tel:)/.test(prefix)) unsafe.push(`${file}: href="${prefix}\${…}"`);
      }
    }
    assert.ok(bindings >= 10, `${bindings} bindings found`);
    assert.deepEqual(unsafe, []);
  });

  test('no element checks a URL scheme on its own', () => {
    const own = sources
      .filter(({ file }) => !file.endsWith('safe-href.ts'))
      .filter(({ text }) => /protocol\s*===?\s*['"]https?:/.test(text))
      .map(({ file }) => file);
    assert.deepEqual(own, []);
  });
});
