// The profile form's draft and the PATCH it sends: what is emptied is removed (null), the address typed
// replaces its text in the reader's language only, and the visibility of each contact goes with it.
// Run: node --conditions=source --import tsx --test packages/elements/src/association-space/api.test.ts
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AssociationProfile } from '@nassij/contract';
import { draftOf, profilePatch } from './api.js';
import { rightsOf } from './nassij-association-space.js';

const PROFILE: AssociationProfile = {
  associationId: 'asso_test',
  descriptions: { ar: 'وصف', fr: 'Présentation' },
  website: 'https://association.example.ma',
  contacts: {
    email: { value: 'contact@association.example.ma', shown: true },
    address: { value: { ar: 'حي الأمل، تيزنيت', fr: 'Quartier Al Amal, Tiznit' }, shown: false },
  },
};

describe('profile draft and patch', () => {
  it('starts from the profile, the address in the reader’s language', () => {
    const draft = draftOf(PROFILE, 'fr');
    assert.deepEqual(draft.description, { ar: 'وصف', fr: 'Présentation' });
    assert.equal(draft.website, 'https://association.example.ma');
    assert.deepEqual(draft.contacts.address, { value: 'Quartier Al Amal, Tiznit', shown: false });
    assert.deepEqual(draft.contacts.phone, { value: '', shown: false });
  });

  it('removes what was emptied and keeps the address’s other languages', () => {
    const draft = draftOf(PROFILE, 'fr');
    draft.description.fr = '  ';
    draft.website = '';
    draft.contacts.address = { value: 'Rue 5, Tiznit', shown: true };
    draft.contacts.email = { value: '', shown: true };
    draft.contacts.phone = { value: ' +212600000000 ', shown: true };
    assert.deepEqual(profilePatch(draft, PROFILE, 'fr'), {
      descriptions: { ar: 'وصف' },
      website: null,
      contacts: {
        email: null,
        phone: { value: '+212600000000', shown: true },
        address: { value: { ar: 'حي الأمل، تيزنيت', fr: 'Rue 5, Tiznit' }, shown: true },
      },
    });
  });

  it('sends no descriptions object when every language was emptied', () => {
    const draft = draftOf(undefined, 'ar');
    assert.equal(profilePatch(draft, undefined, 'ar').descriptions, null);
  });
});

describe('rights by role', () => {
  it('offers each role only what the platform lets it do', () => {
    assert.deepEqual(rightsOf('representative'), {
      editProfile: true,
      manageDocuments: true,
      invite: true,
      removeMembers: true,
      handOver: true,
      leave: false,
    });
    assert.deepEqual(rightsOf('treasurer'), {
      editProfile: false,
      manageDocuments: true,
      invite: false,
      removeMembers: false,
      handOver: false,
      leave: true,
    });
    assert.deepEqual(rightsOf('member'), {
      editProfile: false,
      manageDocuments: false,
      invite: false,
      removeMembers: false,
      handOver: false,
      leave: true,
    });
    assert.equal(rightsOf(undefined).leave, false);
  });
});
