import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validate } from '../shared/validate.js';
import { associationRoutes, getAssociation, myAssociations, searchAssociations } from './associations.js';
import { getReference, referenceRoutes } from './reference.js';

test('association routes have unique ids and the expected auth', () => {
  assert.deepEqual(
    associationRoutes.map((r) => r.id),
    [
      'associations.search',
      'associations.get',
      'associations.mine',
      'associations.profile',
      'associations.update',
      'associations.uploadLogo',
      'associations.logo',
    ],
  );
  assert.equal(searchAssociations.auth, 'public');
  assert.equal(getAssociation.path, '/v1/associations/{associationId}');
  assert.equal(myAssociations.auth, 'required');
});

test('the search response is a page with facets', () => {
  const page = {
    items: [
      {
        id: 'a1',
        name: { ar: 'جمعية' },
        legalForm: 'association',
        region: 'MA-01',
        domains: [],
        sizeBand: 'none',
        publicUtility: false,
      },
    ],
    nextCursor: null,
    facets: { region: [{ value: 'MA-01', count: 1 }] },
  };
  assert.ok(validate(searchAssociations.response.schema, page).ok);
  assert.equal(validate(searchAssociations.response.schema, { ...page, nextCursor: undefined }).ok, false);
});

test('the reference route is public and serves ReferenceData', () => {
  assert.deepEqual(
    referenceRoutes.map((r) => r.id),
    ['reference.get'],
  );
  assert.equal(getReference.auth, 'public');
  assert.equal(validate(getReference.response.schema, { regions: [] }).ok, false);
});
