import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getOrganisation, searchOrganisations } from '../routes/organisations.js';
import { queryToObject, validate } from '../shared/validate.js';
import { Organisation, OrganisationParams, OrganisationSearchQuery } from './organisation.js';

const ministry: Organisation = {
  id: 'org_sample-ministry',
  sectorCode: 'mjcc',
  name: {
    ar: 'وزارة الشباب والثقافة والتواصل',
    fr: 'Ministère de la Jeunesse, de la Culture et de la Communication',
  },
  kind: 'ministry',
  level: 'national',
};

const council: Organisation = {
  id: 'org_sample-council',
  sectorCode: 'region-souss-massa',
  name: { ar: 'مجلس جهة سوس ماسة', fr: 'Conseil régional Souss-Massa' },
  kind: 'regional_council',
  level: 'regional',
  region: 'MA-09',
};

describe('Organisation', () => {
  test('a ministry, and a regional council with its region, are valid organisations', () => {
    assert.deepEqual(validate(Organisation, ministry), { ok: true, value: ministry });
    assert.deepEqual(validate(Organisation, council), { ok: true, value: council });
  });

  test('unknown kinds and levels, bad regions and stray fields are refused, each named', () => {
    const errors = (patch: Record<string, unknown>) => {
      const result = validate(Organisation, { ...council, ...patch });
      return result.ok ? [] : result.errors.map((e) => `${e.path}:${e.code}`);
    };
    assert.deepEqual(errors({ kind: 'parliament' }), ['/kind:invalid_value']);
    assert.deepEqual(errors({ level: 'galactic' }), ['/level:invalid_value']);
    assert.deepEqual(errors({ region: 'MA-13' }), ['/region:invalid_format']);
    assert.deepEqual(errors({ budget: 1 }), ['/budget:unknown_field']);
    assert.deepEqual(errors({ name: {} }), ['/name:required']);
  });
});

describe('organisation routes', () => {
  test('search filters are repeated keys, page size coerced from the query string', () => {
    const params = new URLSearchParams('level=regional&level=communal&region=MA-09&limit=20');
    const parsed = validate(OrganisationSearchQuery, queryToObject(OrganisationSearchQuery, params), 'query');
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.value, { level: ['regional', 'communal'], region: ['MA-09'], limit: 20 });
    const typo = validate(OrganisationSearchQuery, { regoin: ['MA-09'] }, 'query');
    assert.deepEqual(!typo.ok && typo.errors.map((e) => [e.path, e.code, e.in]), [
      ['/regoin', 'unknown_field', 'query'],
    ]);
    const level = validate(OrganisationSearchQuery, { level: ['ministerial'] }, 'query');
    assert.deepEqual(!level.ok && level.errors.map((e) => `${e.path}:${e.code}`), ['/level/0:invalid_value']);
  });

  test('an organisation id is an opaque, URL-safe id', () => {
    assert.ok(validate(OrganisationParams, { organisationId: council.id }).ok);
    const bad = validate(OrganisationParams, { organisationId: '../admin' }, 'path');
    assert.deepEqual(!bad.ok && bad.errors.map((e) => `${e.path}:${e.code}`), [
      '/organisationId:invalid_format',
    ]);
  });

  test('both routes are public reads', () => {
    for (const route of [searchOrganisations, getOrganisation]) {
      assert.equal(route.method, 'GET');
      assert.equal(route.auth, 'public');
      assert.equal(route.tag, 'organisations');
    }
    assert.equal(getOrganisation.path, '/v1/organisations/{organisationId}');
  });
});
