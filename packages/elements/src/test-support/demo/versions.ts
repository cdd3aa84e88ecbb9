import type { Contribution, Synthesis } from '@nassij/contract';
import { demoSynthesis } from './consultations.js';

// Data-mode fixtures for what issue 17 added to `<nassij-consultation>`: contributions written on version 1
// of the demo text (shown under version 2, which changed article 2 and removed article 3), and a synthesis
// with an out-of-scope outcome and the participation figures frozen at closing.

/**
 * Two contributions on version 1: a comment on article 3 (removed by version 2) and a French amendment of
 * article 2 (modified by version 2).
 *
 * @example
 * ```ts
 * el.contributions = demoContributionsOnVersionOne();
 * ```
 */
export function demoContributionsOnVersionOne(): Contribution[] {
  const author = { displayName: 'Karim', participantType: 'citizen' as const };
  const base = { consultationId: 'cons_demo', versionId: 'v1', moderation: { state: 'published' as const } };
  return [
    {
      ...base,
      id: 'ctb_r1',
      articleId: 'art-3',
      kind: 'comment',
      body: 'يجب نشر الحصيلة داخل أجل معقول.',
      author,
      createdAt: '2026-03-05T09:00:00Z',
      supports: 2,
      replies: [],
    },
    {
      ...base,
      id: 'ctb_r2',
      articleId: 'art-2',
      kind: 'amendment',
      body: 'Plus long.',
      proposedText: 'La consultation dure au moins soixante jours.',
      author,
      createdAt: '2026-03-06T09:00:00Z',
      supports: 0,
      replies: [],
    },
  ];
}

/**
 * The demo synthesis with an out-of-scope amendment and the figures frozen when contributions closed.
 *
 * @example
 * ```ts
 * el.data = { ...demoConsultation('synthesis_published'), synthesis: demoSynthesisWithFigures };
 * ```
 */
export const demoSynthesisWithFigures: Synthesis = {
  ...demoSynthesis,
  frozen: { participants: 1234, contributions: 5678, supports: 91011, closedAt: '2026-04-15T22:59:00Z' },
  recommendations: [
    ...demoSynthesis.recommendations,
    {
      contributionId: 'ctb_9',
      kind: 'amendment',
      excerpt: 'تعديل قانون المالية',
      outcome: 'out_of_scope',
      reason: { ar: 'يخرج عن موضوع النص.', fr: 'Ne relève pas de ce texte.' },
    },
  ],
};
