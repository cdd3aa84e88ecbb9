import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Association } from '../resources/association.js';
import { MAX_URL_LENGTH, WebUrl } from './ids.js';
import { validate } from './validate.js';

const ok = (value: unknown) => validate(WebUrl, value).ok;

describe('WebUrl: absolute http(s) addresses only, on write and on read', () => {
  test('accepts http and https, in any case, and international names', () => {
    for (const url of [
      'https://tifawin.ma',
      'http://tifawin.ma/statuts.pdf?v=2#p3',
      'HTTPS://TIFAWIN.MA/',
      'HtTp://example.org',
      'https://جمعية.ma/عن',
      'https://example.org:8443/a/b',
    ])
      assert.ok(ok(url), url);
  });

  test('refuses script and data schemes whatever their case', () => {
    for (const url of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'JAVASCRIPT:alert(document.cookie)',
      'javascript://example.org/%0aalert(1)',
      'data:text/html,<script>alert(1)</script>',
      'DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
      'vbscript:msgbox(1)',
      'VBScript:msgbox(1)',
      'file:///etc/passwd',
      'ftp://example.org/x',
      'blob:https://example.org/0f0f',
      'mailto:a@example.org',
    ])
      assert.equal(ok(url), false, url);
  });

  test('refuses a scheme hidden with whitespace or control characters', () => {
    for (const url of [
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      'java\rscript:alert(1)',
      ' javascript:alert(1)',
      '\u0000javascript:alert(1)',
      '\u0001javascript:alert(1)',
      '\u001fjavascript:alert(1)',
      'jav&#x09;ascript:alert(1)',
      '\ufeffjavascript:alert(1)',
      '\u202ejavascript:alert(1)',
      'https\u0000://example.org',
    ])
      assert.equal(ok(url), false, JSON.stringify(url));
  });

  test('refuses whitespace, controls and bidi characters inside an http(s) address', () => {
    for (const url of [
      'https://example.org/a b',
      'https://example.org/\u202efdp.exe',
      'https://example.org/\u2066x\u2069',
      'https://example.org/\u200bx',
      'https://example.org/\u0000',
      'https://example.org/\u007f',
      'https://example.org/\u0085',
    ])
      assert.equal(ok(url), false, JSON.stringify(url));
  });

  test('tabs and newlines inside an http(s) address are dropped, as a browser drops them', () => {
    assert.deepEqual(validate(WebUrl, 'https://exa\tmple.org'), { ok: true, value: 'https://example.org' });
    assert.deepEqual(validate(WebUrl, 'https://example.org/\nx'), {
      ok: true,
      value: 'https://example.org/x',
    });
  });

  test('refuses relative and scheme-relative references, empty and non-string values', () => {
    for (const url of [
      '/about',
      'about',
      '//evil.example/x',
      '?q=1',
      '#top',
      '',
      'https://',
      'http:example.org',
    ])
      assert.equal(ok(url), false, url);
    for (const value of [null, 1, ['https://example.org'], { href: 'https://example.org' }])
      assert.equal(ok(value), false);
  });

  test('surrounding whitespace is trimmed away rather than kept', () => {
    const parsed = validate(WebUrl, '  https://example.org \n');
    assert.deepEqual(parsed, { ok: true, value: 'https://example.org' });
  });

  test(`at most ${MAX_URL_LENGTH} characters`, () => {
    const base = 'https://example.org/';
    assert.ok(ok(base + 'a'.repeat(MAX_URL_LENGTH - base.length)));
    assert.equal(ok(base + 'a'.repeat(MAX_URL_LENGTH - base.length + 1)), false);
  });

  test('a stored javascript: website does not validate when read back either', () => {
    const association = {
      id: 'asso_example',
      registrationNumber: 'REC-2011-0458',
      name: { fr: 'Association Amal' },
      legalForm: 'association',
      foundedOn: '2011-05-14',
      region: 'MA-09',
      domains: ['education'],
      sizeBand: '1-5',
      contact: { email: 'contact@amal.ma' },
      publicUtility: false,
      compliance: { annualReportsFiled: [2024] },
    };
    assert.ok(validate(Association, { ...association, website: 'https://amal.ma' }).ok);
    const profile = { ...association, website: 'javascript:alert(1)' };
    const read = validate(Association, profile);
    assert.equal(read.ok, false);
    assert.ok(!read.ok && read.errors.some((e) => e.path === '/website'));
  });
});
