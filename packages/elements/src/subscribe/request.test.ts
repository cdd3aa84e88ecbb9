// Run: node --conditions=source --import tsx --test packages/elements/src/subscribe/request.test.ts
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CreateSubscription } from '@nassij/contract';
import { checkInput, fieldOfPath, type SubscribeInput, toRequest } from './request.js';

const blank: SubscribeInput = { email: '', region: '', sector: '', funder: '', domain: '', digest: 'weekly' };

describe('toRequest', () => {
  it('sends only the filters chosen, the address trimmed, in the reader’s language', () => {
    const body = toRequest({ ...blank, email: ' amina@example.ma ', region: 'MA-09', domain: 'youth' }, 'fr');
    assert.deepEqual(body, {
      email: 'amina@example.ma',
      locale: 'fr',
      filter: { kind: 'calls', region: 'MA-09', domain: 'youth' },
      digest: 'weekly',
    });
    assert.equal(CreateSubscription.safeParse(body).success, true);
  });

  it('follows a consultation when the page names one, whatever the call filters hold', () => {
    const body = toRequest(
      { ...blank, email: 'a@b.ma', region: 'MA-09', digest: 'daily' },
      'ar',
      'consultation-in-view',
    );
    assert.deepEqual(body.filter, { kind: 'consultation', consultationId: 'consultation-in-view' });
    assert.equal(body.digest, 'daily');
  });
});

describe('checkInput', () => {
  it('asks for an address, then for one shaped like an address', () => {
    assert.deepEqual(
      checkInput(blank).map((e) => [e.path, e.code]),
      [['/email', 'required']],
    );
    assert.deepEqual(
      checkInput({ ...blank, email: 'amina at example' }).map((e) => [e.path, e.code]),
      [['/email', 'invalid_format']],
    );
    assert.deepEqual(checkInput({ ...blank, email: 'amina@example.ma' }), []);
  });
});

describe('fieldOfPath', () => {
  it('places each request error at its control, the rest on the request', () => {
    assert.equal(fieldOfPath('/email'), 'email');
    assert.equal(fieldOfPath('/filter/region'), 'region');
    assert.equal(fieldOfPath('/filter/funder'), 'funder');
    assert.equal(fieldOfPath('/filter/consultationId'), 'consultation');
    assert.equal(fieldOfPath('/digest'), 'digest');
    assert.equal(fieldOfPath('/locale'), 'request');
    assert.equal(fieldOfPath('/filter/kind'), 'request');
  });
});
