import type { PageOf, SynthesisCandidate, SynthesisCandidateGroups, SynthesisDraft } from '@nassij/contract';
import type { LoadedCandidates } from '../../synthesis-editor/model.js';
import { demoConsultation } from './consultations.js';

// Data for `<nassij-synthesis-editor>` stories and tests: what the demo consultation's synthesis answers (its
// recommendations and amendments by article) and a half-written draft, shaped like the reference server's.

/**
 * The demo consultation, closed: its synthesis is being written.
 *
 * @example
 * ```ts
 * demoClosedConsultation().phase; // 'closed'
 * ```
 */
export function demoClosedConsultation() {
  return demoConsultation('closed');
}

/**
 * The demo candidates, every page loaded, as the editor holds them: an amendment and a recommendation on
 * article 2 (the amendment written on version 1), a recommendation on the removed article 3, one on the
 * whole text.
 *
 * @example
 * ```ts
 * demoCandidates().total; // 4
 * ```
 */
export function demoCandidates(): LoadedCandidates {
  const author = {
    displayName: 'جمعية أمل',
    participantType: 'association' as const,
    region: 'MA-09' as const,
  };
  return {
    total: 4,
    groups: [
      {
        articleId: 'art-2',
        number: '2',
        count: 2,
        nextCursor: null,
        candidates: [
          {
            contributionId: 'ctb_test_b',
            kind: 'amendment',
            versionId: 'v1',
            body: 'أقترح رفع المدة حتى تتمكن الجمعيات القروية من تنظيم لقاءات.',
            proposedText: 'لا تقل مدة التشاور عن ستين يوما.',
            position: 'for',
            supports: 14,
            author,
            createdAt: '2026-03-04T09:00:00Z',
            outcome: 'partly_accepted',
            reason: { ar: 'رفعت المدة إلى خمسة وأربعين يوما.', fr: 'Durée portée à quarante-cinq jours.' },
          },
          {
            contributionId: 'ctb_test_f',
            kind: 'recommendation',
            versionId: 'v2',
            body: 'Prévoir des réunions publiques dans chaque province.',
            supports: 6,
            author: { displayName: 'Karim', participantType: 'citizen', region: 'MA-06' },
            createdAt: '2026-03-20T09:00:00Z',
          },
        ],
      },
      {
        articleId: 'art-3',
        removed: true,
        count: 1,
        nextCursor: null,
        candidates: [
          {
            contributionId: 'ctb_test_g',
            kind: 'recommendation',
            versionId: 'v1',
            body: 'ⴰⵙⵏⴼⴰⵔ ⵏ ⵜⴳⵎⴰⵎⵜ ⵙ ⵜⵎⴰⵣⵉⵖⵜ. نشر الحصيلة بالأمازيغية.',
            supports: 3,
            author: { displayName: 'ⵎⵓⵃⵎⵎⴷ', participantType: 'citizen' },
            createdAt: '2026-03-08T09:00:00Z',
          },
        ],
      },
      {
        articleId: null,
        count: 1,
        nextCursor: null,
        candidates: [
          {
            contributionId: 'ctb_test_h',
            kind: 'recommendation',
            versionId: 'v2',
            body: 'إحداث لجنة جهوية لتتبع الاستشارات.',
            supports: 9,
            author,
            createdAt: '2026-03-22T09:00:00Z',
            outcome: 'out_of_scope',
          },
        ],
      },
    ],
  };
}

/**
 * What `GET …/synthesis/candidates/groups` answers for the demo candidates.
 *
 * @example
 * ```ts
 * demoCandidateGroups().groups.map((g) => g.count); // [2, 1, 1]
 * ```
 */
export function demoCandidateGroups(): SynthesisCandidateGroups {
  const { total, groups } = demoCandidates();
  return {
    consultationId: 'cons_demo',
    total,
    groups: groups.map(({ candidates: _candidates, nextCursor: _cursor, ...group }) => group),
  };
}

/**
 * What `GET …/synthesis/candidates` answers for the demo candidates and a request's query (`articleId`,
 * `wholeText`): every one in a single page.
 *
 * @example
 * ```ts
 * demoCandidatePage(new URLSearchParams('articleId=art-2')).total; // 2
 * ```
 */
export function demoCandidatePage(query: URLSearchParams): PageOf<SynthesisCandidate> {
  const articleId = query.get('articleId');
  const wholeText = query.get('wholeText') === 'true';
  const groups = demoCandidates().groups.filter((group) =>
    articleId ? group.articleId === articleId : wholeText ? group.articleId === null : true,
  );
  const items = groups.flatMap((group) => group.candidates);
  return { items, nextCursor: null, total: items.length };
}

/**
 * The demo draft: the summary and two decisions written, saved once.
 *
 * @example
 * ```ts
 * demoSynthesisDraft().decisions.length; // 2
 * ```
 */
export function demoSynthesisDraft(): SynthesisDraft {
  return {
    consultationId: 'cons_demo',
    revision: 2,
    updatedAt: '2026-04-20T10:00:00Z',
    summary: {
      ar: 'تلقت الوزارة 958 مساهمة، أغلبها حول مدة التشاور.',
      fr: '958 contributions, surtout sur la durée de la consultation.',
    },
    articles: [{ articleId: 'art-2', summary: { ar: 'طلب واسع لتمديد المدة.' } }],
    decisions: [
      {
        contributionId: 'ctb_test_b',
        outcome: 'partly_accepted',
        reason: { ar: 'رفعت المدة إلى خمسة وأربعين يوما.', fr: 'Durée portée à quarante-cinq jours.' },
      },
      { contributionId: 'ctb_test_h', outcome: 'out_of_scope' },
    ],
    problems: [],
  };
}
