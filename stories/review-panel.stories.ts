import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../packages/elements/src/review-panel/define.js';
import type { NassijReviewPanel } from '../packages/elements/src/review-panel/nassij-review-panel.js';
import { DEMO_CALL, DEMO_SUBMITTED } from '../packages/elements/src/test-support/demo/application.js';
import { pendingClient } from './support/clients.js';

/**
 * Story args: the element's data-mode properties. Language and theme come from the toolbar (the preview puts
 * them on the story's wrapper, and the element follows its ancestors), so no story sets `lang` or `theme`.
 */
interface Args {
  open: boolean;
  conflict: 'none' | 'declared' | undefined;
  empty: boolean;
  loading: boolean;
}

const SUMMARY = {
  id: DEMO_SUBMITTED.id,
  callId: DEMO_SUBMITTED.callId,
  callReference: DEMO_SUBMITTED.callReference,
  callTitle: DEMO_SUBMITTED.callTitle,
  associationId: DEMO_SUBMITTED.associationId,
  associationName: DEMO_SUBMITTED.associationName,
  region: 'MA-09',
  status: 'under_review' as const,
  projectTitle: 'نادي القراءة في الدواوير',
  reviewCount: 1,
};

const meta: Meta<Args> = {
  title: 'Calls/Review panel',
  component: 'nassij-review-panel',
  tags: ['autodocs'],
  args: { open: false, conflict: undefined, empty: false, loading: false },
  argTypes: {
    conflict: { control: 'inline-radio', options: [undefined, 'none', 'declared'] },
  },
  render: (args) => html`<nassij-review-panel
    call=${DEMO_CALL.id}
    .client=${args.loading ? pendingClient({ signedIn: true }) : undefined}
    .callData=${args.loading ? undefined : DEMO_CALL}
    .applications=${args.loading ? undefined : args.empty ? [] : [SUMMARY]}
    .application=${args.open ? DEMO_SUBMITTED : undefined}
    .conflict=${args.conflict}
  ></nassij-review-panel>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Loading. */
export const Loading: Story = { args: { loading: true } };
/** No applications. */
export const Empty: Story = { args: { empty: true } };
/** The call's applications. */
export const List: Story = {};
/** An application, before the conflict-of-interest declaration. */
export const Application: Story = { args: { open: true } };
/** No conflict declared: one radio group per criterion with the anchors. */
export const Scoring: Story = { args: { open: true, conflict: 'none' } };
/** A conflict declared: no scoring. */
export const ConflictDeclared: Story = { args: { open: true, conflict: 'declared' } };
/** Scoring in French. */
export const ScoringFrench: Story = { args: { open: true, conflict: 'none' }, globals: { locale: 'fr' } };
/** Scoring in Tamazight. */
export const ScoringTamazight: Story = { args: { open: true, conflict: 'none' }, globals: { locale: 'zgh' } };
/** Scoring in English. */
export const ScoringEnglish: Story = { args: { open: true, conflict: 'none' }, globals: { locale: 'en' } };
/** The list in dark theme. */
export const Dark: Story = { globals: { theme: 'dark' } };
/** Scoring in dark theme: radio groups, anchors and the conflict declaration. */
export const ScoringDark: Story = { args: { open: true, conflict: 'none' }, globals: { theme: 'dark' } };
/** Decision form after a review. */
export const Decision: Story = {
  args: { open: true, conflict: 'none' },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('nassij-review-panel') as NassijReviewPanel;
    el.reviewed = true;
  },
};
