import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cleanFileName } from './routes.js';

test('a stored file name cannot disguise its extension or carry control characters', () => {
  assert.equal(cleanFileName('\u202efdp.exe'), 'fdp.exe');
  assert.equal(cleanFileName('النظام\u2067الأساسي.pdf'), 'النظامالأساسي.pdf');
  assert.equal(cleanFileName('C:\\fakepath\\statuts.pdf'), 'statuts.pdf');
  assert.equal(cleanFileName('../../etc/passwd'), 'passwd');
  assert.equal(cleanFileName('a\u0000b\u0085c.pdf'), 'abc.pdf');
  assert.equal(cleanFileName('x\ud800y.pdf'), 'xy.pdf');
  assert.equal(cleanFileName('ok\ud83d\ude00.pdf'), 'ok\ud83d\ude00.pdf');
  assert.equal(cleanFileName('\u202e'), 'file');
  assert.equal(cleanFileName('a'.repeat(300)).length, 255);
});
