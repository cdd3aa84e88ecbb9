import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LOCALES } from '@nassij/contract';
import { composeMail } from '../../mail/layout.js';
import { type NoticeFacts, type NoticeKind, noticeMessage } from './mail-messages.js';

// Every message of the area exists in the four languages, lays out (a one-line subject), and says the facts
// it is given; optional facts leave no empty label behind.

const FACTS: { [K in NoticeKind]: NoticeFacts[K] } = {
  'application.received': {
    callTitle: 'CALL-TITLE',
    callReference: 'MA-REF-1',
    receiptNumber: 'RCPT-9',
    at: 'AT-TIME',
  },
  'application.eligibility': {
    callTitle: 'CALL-TITLE',
    callReference: 'MA-REF-1',
    admissible: false,
    reason: 'WHY-NOT',
  },
  'application.decision': {
    callTitle: 'CALL-TITLE',
    callReference: 'MA-REF-1',
    awarded: true,
    amount: 'AMOUNT-1',
    conditions: 'TERMS-1',
    reason: 'WHY-1',
    appealUntil: 'APPEAL-1',
  },
  'training.promoted': { course: 'COURSE-1', participant: 'PERSON-1', start: 'START-1' },
  'training.reminder': { course: 'COURSE-1', participant: 'PERSON-1', start: 'START-1' },
  'contribution.moderated': { consultation: 'CONSULT-1', published: false, reason: 'WHY-HIDDEN' },
  'award-report.due': { callTitle: 'CALL-TITLE', report: 'REPORT-1', dueOn: 'DUE-1' },
};

test('every notice is written in the four languages and carries its facts', () => {
  for (const locale of LOCALES)
    for (const kind of Object.keys(FACTS) as NoticeKind[]) {
      const facts = FACTS[kind];
      const mail = composeMail(locale, noticeMessage(locale, 'NAME-1', kind, facts as never));
      assert.ok(mail.subject.length > 0 && !/[\r\n]/.test(mail.subject), `${locale} ${kind}`);
      assert.ok(mail.text.includes('NAME-1'), `${locale} ${kind}: greeting`);
      for (const value of Object.values(facts))
        if (typeof value === 'string' && value !== 'MA-REF-1')
          assert.ok(mail.text.includes(value), `${locale} ${kind}: ${value}`);
    }
});

test('a decision without conditions or appeal window prints no empty line for them', () => {
  const content = noticeMessage('fr', 'Amina', 'application.decision', {
    callTitle: 'Appel',
    callReference: 'MA-REF-1',
    awarded: false,
    reason: 'Budget épuisé',
  });
  assert.equal(content.paragraphs.length, 2);
  assert.match(content.subject, /rejet/);
  assert.ok(content.paragraphs.some((p) => p === 'Motif :\nBudget épuisé'));
});
