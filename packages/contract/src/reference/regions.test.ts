import assert from 'node:assert/strict';
import { test } from 'node:test';
import { REGION_CODES, RegionCode } from '../shared/ids.js';
import { LOCALES } from '../shared/locale.js';
import { validate } from '../shared/validate.js';
import { REGIONS, Region, regionByCode, regionName } from './regions.js';

const TIFINAGH_ONLY = /^[\u2D30-\u2D7F]+([ -][\u2D30-\u2D7F]+)*$/;

test('all 12 regions are present, in order, with a name and a seat in the 4 languages', () => {
  assert.deepEqual(
    REGIONS.map((region) => region.code),
    Array.from({ length: 12 }, (_, index) => `MA-${String(index + 1).padStart(2, '0')}`),
  );
  for (const region of REGIONS) {
    for (const locale of LOCALES) {
      assert.ok(region.name[locale], `${region.code} name.${locale}`);
      assert.ok(region.seat[locale], `${region.code} seat.${locale}`);
    }
    assert.ok(validate(Region, region).ok, region.code);
  }
});

test('the RegionCode union lists the codes of REGIONS; its schema keeps the pattern check and message', () => {
  assert.deepEqual(
    REGIONS.map((region) => region.code),
    [...REGION_CODES],
  );
  for (const code of REGION_CODES) assert.ok(validate(RegionCode, code).ok, code);
  const refused = validate(RegionCode, 'MA-13', 'query');
  assert.deepEqual(refused.ok ? [] : refused.errors, [
    {
      path: '',
      in: 'query',
      code: 'invalid_format',
      message: 'A Moroccan region code from MA-01 to MA-12',
      params: { format: 'regex' },
    },
  ]);
});

test('Tifinagh names use only Tifinagh letters, spaces and hyphens', () => {
  for (const region of REGIONS) {
    assert.match(region.name.zgh ?? '', TIFINAGH_ONLY, region.code);
    assert.match(region.seat.zgh ?? '', TIFINAGH_ONLY, region.code);
  }
});

test('Arabic names are written in Arabic script', () => {
  for (const region of REGIONS) assert.match(region.name.ar ?? '', /^[\u0600-\u06FF ]+$/, region.code);
});

test('regionByCode finds a region and returns undefined for an unknown code', () => {
  assert.equal(regionByCode('MA-06')?.name.fr, 'Casablanca-Settat');
  assert.equal(regionByCode('MA-09')?.seat.zgh, 'ⴰⴳⴰⴷⵉⵔ');
  assert.equal(regionByCode('MA-13'), undefined);
});

test('Region refuses a bad code, a missing name and an unknown field', () => {
  const good = { code: 'MA-01', name: { zgh: 'ⵜⴰⵏⴳⵉⵔ' }, seat: { ar: 'طنجة' } };
  assert.ok(validate(Region, good).ok);
  const badCode = validate(Region, { ...good, code: 'MA-13' });
  assert.equal(badCode.ok, false);
  if (!badCode.ok) assert.equal(badCode.errors[0]?.path, '/code');
  const emptyName = validate(Region, { ...good, name: {} });
  assert.equal(emptyName.ok, false);
  if (!emptyName.ok) assert.equal(emptyName.errors[0]?.code, 'required');
  const extra = validate(Region, { ...good, capital: 'Tanger' }, 'body');
  assert.equal(extra.ok, false);
  if (!extra.ok)
    assert.deepEqual(extra.errors[0], {
      path: '/capital',
      in: 'body',
      code: 'unknown_field',
      message: 'Unknown field "capital"',
    });
});

test('regionName gives the name in the reader language, with the fallback, or the code itself', () => {
  assert.equal(regionName('MA-09', 'fr'), 'Souss-Massa');
  assert.match(regionName('MA-09', 'ar'), /سوس/);
  assert.equal(regionName('MA-99', 'ar'), 'MA-99');
  assert.equal(regionName(undefined, 'en'), '');
});
