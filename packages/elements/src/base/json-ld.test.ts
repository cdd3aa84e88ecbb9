import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { demoCalls } from '../test-support/demo/calls.js';
import { DEMO_COURSES } from '../test-support/demo/trainings.js';
import { callsJsonLd, coursesJsonLd, serializeJsonLd } from './json-ld.js';

describe('serializeJsonLd', () => {
  it('escapes what could end the script element and parses back to the same value', () => {
    const value = { name: '</script><script>alert(1)</script> & <!-- \u2028' };
    const text = serializeJsonLd(value);
    assert.equal(/[<>&\u2028]/.test(text), false);
    assert.deepEqual(JSON.parse(text), value);
  });
});

describe('callsJsonLd', () => {
  it('is undefined for an empty page and lists every call as a grant in MAD', () => {
    assert.equal(callsJsonLd([], 'ar'), undefined);
    const calls = demoCalls(3);
    const doc = callsJsonLd(calls, 'ar') as { '@context': string; '@graph': Record<string, unknown>[] };
    assert.equal(doc['@context'], 'https://schema.org');
    assert.equal(doc['@graph'].length, 3);
    const [first] = doc['@graph'];
    assert.deepEqual(first?.['@type'], ['GovernmentService', 'MonetaryGrant']);
    assert.equal(first?.identifier, calls[0]?.reference);
    assert.equal((first?.amount as Record<string, unknown> | undefined)?.currency, 'MAD');
  });
});

describe('coursesJsonLd', () => {
  it('lists courses with their next sessions', () => {
    assert.equal(coursesJsonLd([], 'fr'), undefined);
    const doc = coursesJsonLd(DEMO_COURSES, 'fr') as { '@graph': Record<string, unknown>[] };
    assert.equal(doc['@graph'].length, DEMO_COURSES.length);
    const sessions = DEMO_COURSES.flatMap((c) => c.nextSessions ?? []).length;
    const instances = doc['@graph'].flatMap((c) => c.hasCourseInstance as unknown[]).length;
    assert.equal(instances, sessions);
  });
});
