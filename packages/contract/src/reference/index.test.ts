import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LegalForm } from '../resources/association.js';
import { validate } from '../shared/validate.js';
import { LEGAL_FORMS, LegalFormEntry, REFERENCE_DATA, ReferenceData } from './index.js';

test('REFERENCE_DATA validates against ReferenceData', () => {
  const result = validate(ReferenceData, REFERENCE_DATA);
  assert.ok(result.ok, JSON.stringify(result.ok ? [] : result.errors.slice(0, 3)));
  assert.equal(REFERENCE_DATA.regions.length, 12);
  assert.ok(REFERENCE_DATA.sectors.length >= 10);
});

test('REFERENCE_DATA survives a JSON round trip unchanged', () => {
  assert.deepEqual(ReferenceData.parse(JSON.parse(JSON.stringify(REFERENCE_DATA))), REFERENCE_DATA);
});

test('every legal form is listed once, named in the 4 languages', () => {
  assert.deepEqual(
    LEGAL_FORMS.map((f) => f.code),
    LegalForm.options,
  );
  for (const form of LEGAL_FORMS) {
    assert.ok(form.name.ar && form.name.fr && form.name.en && form.name.zgh, form.code);
    assert.ok(validate(LegalFormEntry, form).ok);
  }
});

test('ReferenceData refuses a missing list and an unknown top-level field', () => {
  const { sectors: _dropped, ...rest } = REFERENCE_DATA;
  const missing = validate(ReferenceData, rest);
  assert.equal(missing.ok, false);
  if (!missing.ok)
    assert.deepEqual([missing.errors[0]?.path, missing.errors[0]?.code], ['/sectors', 'required']);
  const extra = validate(ReferenceData, { ...REFERENCE_DATA, provinces: [] });
  assert.equal(extra.ok, false);
  if (!extra.ok) assert.equal(extra.errors[0]?.code, 'unknown_field');
});
