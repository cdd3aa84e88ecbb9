import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validate } from '../shared/validate.js';
import { FunderLevel, SECTORS, Sector } from './sectors.js';

test('the sectors are valid, unique and cover every kind named in the framework', () => {
  assert.ok(SECTORS.length >= 10);
  for (const sector of SECTORS) assert.ok(validate(Sector, sector).ok, sector.code);
  assert.equal(new Set(SECTORS.map((s) => s.code)).size, SECTORS.length);
  const kinds = new Set(SECTORS.map((s) => s.kind));
  for (const kind of ['ministry', 'public_establishment', 'regional_council'])
    assert.ok(kinds.has(kind as Sector['kind']));
  assert.equal(SECTORS.find((s) => s.code === 'region-souss-massa')?.region, 'MA-09');
  assert.equal(SECTORS.find((s) => s.code === 'relations-parliament')?.level, 'national');
});

test('every sector is named in Arabic, French and English', () => {
  for (const sector of SECTORS) {
    assert.ok(sector.name.ar && sector.name.fr && sector.name.en, sector.code);
    if (sector.name.zgh) assert.match(sector.name.zgh, /^[\u2D30-\u2D7F -]+$/, sector.code);
  }
});

test('FunderLevel accepts the five levels only', () => {
  assert.equal(FunderLevel.parse('public_establishment'), 'public_establishment');
  const bad = validate(FunderLevel, 'international');
  assert.equal(bad.ok, false);
  if (!bad.ok) assert.equal(bad.errors[0]?.code, 'invalid_value');
});

test('Sector refuses a level that does not match its kind, a council without region and unknown fields', () => {
  const council = {
    code: 'region-oriental',
    name: { ar: 'مجلس جهة الشرق', zgh: 'ⴰⵙⵇⵇⵉⵎ ⵏ ⵜⵎⵏⴰⴹⵜ ⵏ ⵓⴳⵎⵎⵓⴹ' },
    kind: 'regional_council',
    level: 'regional',
    region: 'MA-02',
  };
  assert.ok(validate(Sector, council).ok);
  const wrongLevel = validate(Sector, { ...council, level: 'national' });
  assert.equal(wrongLevel.ok, false);
  if (!wrongLevel.ok) assert.equal(wrongLevel.errors[0]?.path, '/level');
  const { region: _dropped, ...noRegion } = council;
  const missingRegion = validate(Sector, noRegion);
  assert.equal(missingRegion.ok, false);
  if (!missingRegion.ok) assert.equal(missingRegion.errors[0]?.path, '/region');
  const ministryWithRegion = validate(Sector, {
    code: 'x',
    name: { fr: 'X' },
    kind: 'ministry',
    level: 'national',
    region: 'MA-01',
  });
  assert.equal(ministryWithRegion.ok, false);
  const badCode = validate(Sector, { ...council, code: 'Region Oriental' });
  assert.equal(badCode.ok, false);
  const extra = validate(Sector, { ...council, budget: 1 });
  assert.equal(extra.ok, false);
  if (!extra.ok) assert.equal(extra.errors[0]?.code, 'unknown_field');
});
