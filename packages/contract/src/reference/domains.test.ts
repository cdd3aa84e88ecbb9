import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LOCALES } from '../shared/locale.js';
import { validate } from '../shared/validate.js';
import { DOMAIN_CODES, DOMAINS, Domain, DomainCode } from './domains.js';

test('every domain code has exactly one entry, named in the 4 languages', () => {
  assert.deepEqual(
    DOMAINS.map((d) => d.code),
    [...DOMAIN_CODES],
  );
  for (const domain of DOMAINS) {
    assert.ok(validate(Domain, domain).ok, domain.code);
    for (const locale of LOCALES) assert.ok(domain.name[locale], `${domain.code}.${locale}`);
    assert.match(domain.name.zgh ?? '', /^[\u2D30-\u2D7F]+( [\u2D30-\u2D7F]+)*$/, domain.code);
  }
});

test('DomainCode accepts known codes and refuses others', () => {
  assert.equal(DomainCode.parse('human-rights'), 'human-rights');
  const bad = validate(DomainCode, 'football');
  assert.equal(bad.ok, false);
  if (!bad.ok) assert.equal(bad.errors[0]?.code, 'invalid_value');
});

test('Domain refuses an unknown field and an empty name', () => {
  const extra = validate(Domain, { code: 'water', name: { ar: 'الماء' }, icon: 'drop' });
  assert.equal(extra.ok, false);
  if (!extra.ok) assert.equal(extra.errors[0]?.code, 'unknown_field');
  assert.equal(validate(Domain, { code: 'water', name: { ar: '  ' } }).ok, false);
});
