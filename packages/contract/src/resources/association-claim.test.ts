import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { validate } from '../shared/validate.js';
import { ClaimFields, ClaimListQuery } from './association-claim.js';
import { InviteMember } from './association-member.js';

const claim = {
  kind: 'claim',
  associationId: 'asso_amal',
  receiptNumber: 'REC-2011-0458',
  receiptDate: '2011-05-14',
};
const registration = {
  kind: 'register',
  nameAr: 'جمعية النور',
  nameFr: 'Association Annour',
  legalForm: 'association',
  region: 'MA-09',
  domains: 'education, youth',
  receiptNumber: 'REC-2019-7731',
  receiptDate: '2019-03-02',
};

/** The paths of the field errors of a body, or `[]` when it is valid. */
function errorPaths(input: unknown): string[] {
  const result = validate(ClaimFields, input, 'body');
  return result.ok ? [] : result.errors.map((error) => error.path).sort();
}

describe('the fields of a claim', () => {
  test('a claim names its association and the name the registry holds', () => {
    assert.deepEqual(errorPaths({ ...claim, nameFr: 'Association Amal' }), []);
    assert.deepEqual(errorPaths(claim), ['/nameAr']);
    const { associationId: _id, ...anonymous } = claim;
    assert.deepEqual(errorPaths({ ...anonymous, nameAr: 'جمعية أمل' }), ['/associationId']);
  });

  test('a registration gives both names, the legal form, the region and the domains, as form text', () => {
    const parsed = validate(ClaimFields, registration, 'body');
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.value.domains, ['education', 'youth']);
    const { nameFr: _fr, region: _region, ...partial } = registration;
    assert.deepEqual(errorPaths(partial), ['/nameFr', '/region']);
    assert.deepEqual(errorPaths({ ...registration, domains: 'education,astrology' }), ['/domains/1']);
    assert.deepEqual(errorPaths({ ...registration, domains: ' , ' }), ['/domains']);
  });

  test('the receipt date is a calendar date and unknown fields are refused', () => {
    assert.deepEqual(errorPaths({ ...registration, receiptDate: '02/03/2019' }), ['/receiptDate']);
    assert.deepEqual(errorPaths({ ...registration, president: 'Amina' }), ['/president']);
  });

  test('the list query takes a state and the page fields; an invitation a lower-cased address and a role', () => {
    assert.deepEqual(ClaimListQuery.parse({ state: 'pending' }), { state: 'pending', limit: 20 });
    assert.deepEqual(InviteMember.parse({ email: ' Sara@Example.MA ', role: 'treasurer' }), {
      email: 'sara@example.ma',
      role: 'treasurer',
    });
    assert.throws(() => InviteMember.parse({ email: 'sara@example.ma', role: 'president' }));
  });
});
