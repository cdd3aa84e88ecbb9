import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { validate } from '../shared/validate.js';
import {
  type ConsultationDraftFields,
  consultationPublicationProblems,
  ImportConsultationText,
  PublishConsultationVersion,
  textPublicationProblems,
  UpdateConsultationDraft,
} from './consultation-authoring.js';

const NOW = '2027-01-01T09:00:00.000Z';

const complete: ConsultationDraftFields = {
  title: { ar: 'مشروع قانون', fr: 'Projet de loi' },
  summary: { ar: 'ملخص', fr: 'Résumé' },
  scope: 'national',
  subjectType: 'draft_law',
  participationMode: 'open',
  domains: ['human-rights'],
  phases: {
    information: '2027-01-05T09:00:00Z',
    contributions_open: '2027-01-12T09:00:00Z',
    closed: '2027-02-12T22:59:00Z',
  },
  text: { sections: [{ articles: [{ number: '1', body: { ar: 'نص', fr: 'Texte' } }] }] },
};

const paths = (fields: ConsultationDraftFields) =>
  consultationPublicationProblems(fields, NOW).map((p) => p.path);

describe('consultationPublicationProblems', () => {
  test('a complete draft has none', () => {
    assert.deepEqual(consultationPublicationProblems(complete, NOW), []);
  });

  test('an empty draft names every required field', () => {
    assert.deepEqual(paths({}), [
      '/title',
      '/summary',
      '/scope',
      '/subjectType',
      '/participationMode',
      '/domains',
      '/phases/contributions_open',
      '/phases/closed',
      '/text/sections',
    ]);
  });

  test('title and summary in Arabic and French', () => {
    assert.deepEqual(paths({ ...complete, title: { fr: 'Projet' }, summary: { ar: 'ملخص' } }), [
      '/title/ar',
      '/summary/fr',
    ]);
  });

  test('a regional or local consultation names its region, a local one its commune, a national one neither', () => {
    assert.deepEqual(paths({ ...complete, scope: 'regional' }), ['/region']);
    assert.deepEqual(paths({ ...complete, scope: 'local', region: 'MA-04' }), ['/communeCode']);
    assert.deepEqual(paths({ ...complete, scope: 'regional', region: 'MA-04' }), []);
    assert.deepEqual(paths({ ...complete, region: 'MA-04' }), ['/region']);
  });

  test('phase dates in the future and in order', () => {
    assert.deepEqual(
      paths({ ...complete, phases: { ...complete.phases, information: '2026-12-31T09:00:00Z' } }),
      ['/phases/information'],
    );
    assert.deepEqual(
      paths({
        ...complete,
        phases: { contributions_open: '2027-02-12T09:00:00Z', closed: '2027-01-12T09:00:00Z' },
      }),
      ['/phases/closed'],
    );
  });

  test('text: numbers unique, every article with a body, sections named when several', () => {
    const problems = textPublicationProblems({
      sections: [
        { articles: [{ number: '1', body: { ar: 'نص' } }] },
        {
          heading: { fr: 'Titre II' },
          articles: [
            { number: '1', body: { fr: 'Doublon' } },
            { id: 'a', number: '2', body: { fr: 'x' } },
            { id: 'a', number: '3', body: { fr: 'y' } },
          ],
        },
      ],
    });
    assert.deepEqual(
      problems.map((p) => [p.path, p.code]),
      [
        ['/text/sections/0/heading', 'required'],
        ['/text/sections/1/articles/0/number', 'not_allowed'],
        ['/text/sections/1/articles/2/id', 'not_allowed'],
      ],
    );
  });
});

describe('bodies', () => {
  test('an update clears a field with null and refuses an unknown one', () => {
    assert.ok(validate(UpdateConsultationDraft, { region: null, scope: 'national' }, 'body').ok);
    const typo = validate(UpdateConsultationDraft, { titel: { fr: 'x' } }, 'body');
    assert.equal(typo.ok, false);
  });

  test('an import defaults to plain text and names its language', () => {
    const parsed = validate(ImportConsultationText, { text: 'Article 1\nTexte', locale: 'fr' }, 'body');
    assert.ok(parsed.ok);
    if (parsed.ok) assert.equal(parsed.value.format, 'plain');
    assert.equal(validate(ImportConsultationText, { text: 'x', locale: 'es' }, 'body').ok, false);
  });

  test('a new version keeps contributions of removed articles only when told', () => {
    const body = {
      text: complete.text,
      changeSummary: { fr: 'Suppression' },
      removedArticles: { 'art-2': 'keep_contributions' },
    };
    assert.ok(validate(PublishConsultationVersion, body, 'body').ok);
    assert.equal(
      validate(PublishConsultationVersion, { ...body, removedArticles: { 'art-2': 'drop' } }, 'body').ok,
      false,
    );
  });
});
