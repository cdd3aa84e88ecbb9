import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LOCALES } from '@nassij/contract';
import { type AccountMailKind, accountMail } from './mail-messages.js';

const KINDS: AccountMailKind[] = [
  'account.verify-email',
  'account.sign-up-existing',
  'account.password-reset',
  'account.password-changed',
  'account.change-email',
  'account.change-email-notice',
  'account.email-taken',
];
/** The kinds that carry a one-time link; the others are notices. */
const WITH_LINK = new Set<AccountMailKind>([
  'account.verify-email',
  'account.password-reset',
  'account.change-email',
]);

test('every message exists in the four languages, greets by name and carries its link', () => {
  const url = 'https://nassij.example/auth/verify?token=abc&lang=ar';
  for (const locale of LOCALES) {
    const subjects = new Set<string>();
    for (const kind of KINDS) {
      const mail = accountMail(locale, kind, { name: 'Amina <b>', url, newEmail: 'new@example.ma' });
      subjects.add(mail.subject);
      assert.ok(mail.text.includes('Amina <b>'), `${locale} ${kind} greets by name`);
      assert.ok(!mail.html.includes('Amina <b>'), `${locale} ${kind} escapes the name in HTML`);
      assert.equal(mail.text.includes(url), WITH_LINK.has(kind), `${locale} ${kind} link`);
      if (kind === 'account.change-email-notice') assert.ok(mail.text.includes('new@example.ma'));
    }
    assert.equal(subjects.size, KINDS.length, `${locale}: one subject per kind`);
  }
  // Arabic reads right to left; the English wording is not reused for another language.
  assert.match(accountMail('ar', 'account.verify-email', { name: 'Amina', url }).html, /dir="rtl"/);
  assert.notEqual(
    accountMail('zgh', 'account.password-reset', { name: 'Amina', url }).subject,
    accountMail('en', 'account.password-reset', { name: 'Amina', url }).subject,
  );
});
