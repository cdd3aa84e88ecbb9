import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validate } from '../shared/validate.js';
import { COMPETENCIES, COMPETENCY_CODES, Competency, CompetencyLevel } from './competencies.js';

test('the framework has the 10 competencies, each with levels 1 to 3', () => {
  assert.deepEqual(
    COMPETENCIES.map((c) => c.code),
    [...COMPETENCY_CODES],
  );
  for (const competency of COMPETENCIES) {
    assert.ok(validate(Competency, competency).ok, competency.code);
    assert.deepEqual(
      competency.levels.map((l) => l.level),
      [1, 2, 3],
    );
    assert.ok(competency.name.ar && competency.name.fr && competency.name.en && competency.name.zgh);
    assert.match(competency.name.zgh ?? '', /^[\u2D30-\u2D7F -]+$/);
    for (const level of competency.levels)
      assert.ok(level.descriptor.ar && level.descriptor.fr, competency.code);
  }
});

test('CompetencyLevel accepts 1, 2 and 3 only', () => {
  assert.equal(CompetencyLevel.parse(3), 3);
  assert.equal(validate(CompetencyLevel, 0).ok, false);
  assert.equal(validate(CompetencyLevel, '2').ok, false);
});

test('Competency refuses levels out of order, a missing level and unknown fields', () => {
  const [first] = COMPETENCIES;
  assert.ok(first);
  const reversed = validate(Competency, { ...first, levels: [...first.levels].reverse() });
  assert.equal(reversed.ok, false);
  const two = validate(Competency, { ...first, levels: first.levels.slice(0, 2) });
  assert.equal(two.ok, false);
  if (!two.ok) assert.equal(two.errors[0]?.path, '/levels');
  const extra = validate(Competency, { ...first, hours: 12 }, 'body');
  assert.equal(extra.ok, false);
  if (!extra.ok) assert.equal(extra.errors[0]?.code, 'unknown_field');
});
