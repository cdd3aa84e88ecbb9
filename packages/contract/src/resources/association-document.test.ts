import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validate } from '../shared/validate.js';
import { expiredAttachmentErrors, isExpiredOn, UploadVaultDocument } from './association-document.js';
import { AssociationProfilePatch, isSafeWebUrl } from './association-profile.js';

test('a vault upload names the year of a report, and only of a report', () => {
  assert.ok(validate(UploadVaultDocument, { kind: 'financial_report', year: '2025' }).ok);
  const noYear = validate(UploadVaultDocument, { kind: 'activity_report' });
  assert.equal(noYear.ok, false);
  assert.deepEqual(noYear.ok ? [] : noYear.errors.map((e) => [e.path, e.code]), [['/year', 'required']]);
  const yearOnStatutes = validate(UploadVaultDocument, { kind: 'statutes', year: '2025' });
  assert.deepEqual(yearOnStatutes.ok ? [] : yearOnStatutes.errors.map((e) => [e.path, e.code]), [
    ['/year', 'not_allowed'],
  ]);
  assert.equal(
    validate(UploadVaultDocument, {
      kind: 'bank_certificate',
      validFrom: '2026-05-01',
      validUntil: '2026-04-30',
    }).ok,
    false,
  );
});

test('a document expires the day after its last valid day, and before the call closes', () => {
  assert.equal(isExpiredOn('2026-03-31', '2026-03-31'), false);
  assert.equal(isExpiredOn('2026-03-31', '2026-04-01'), true);
  assert.equal(isExpiredOn(undefined, '2099-01-01'), false);
  const attachment = {
    documentId: 'rib',
    fileName: 'rib.pdf',
    validUntil: '2026-03-31',
    vaultDocumentId: 'vdoc_1',
  };
  const now = new Date('2026-03-10T10:00:00Z');
  assert.deepEqual(expiredAttachmentErrors([attachment], '2026-03-20T23:59:00Z', now), []);
  const late = expiredAttachmentErrors([attachment], '2026-04-15T23:59:00Z', now);
  assert.deepEqual(
    late.map((e) => [e.path, e.params?.reason]),
    [['/attachments/rib', 'document_expired']],
  );
  assert.equal(expiredAttachmentErrors([attachment], undefined, new Date('2026-04-02T10:00:00Z')).length, 1);
  assert.deepEqual(
    expiredAttachmentErrors([{ documentId: 'statutes', fileName: 's.pdf' }], undefined, now),
    [],
  );
});

test('a profile website is http or https; other schemes are "not allowed"', () => {
  assert.ok(isSafeWebUrl('https://tifawin.ma'));
  for (const website of ['javascript:alert(1)', 'data:text/html,x', 'vbscript:x', '/relative']) {
    assert.equal(isSafeWebUrl(website), false, website);
    const checked = validate(AssociationProfilePatch, { website });
    assert.deepEqual(checked.ok ? [] : checked.errors.map((e) => [e.path, e.code]), [
      ['/website', 'not_allowed'],
    ]);
  }
  assert.ok(validate(AssociationProfilePatch, { website: null, contacts: { phone: null } }).ok);
});
