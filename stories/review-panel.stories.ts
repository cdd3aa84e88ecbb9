import type { Account, Application, ApplicationSummary, Call } from '@nassij/contract';
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
  /** Who reads: a reviewer declares and scores, the call's staff decide. */
  reader: 'reviewer' | 'staff';
  open: boolean;
  /** The declaration step (a reviewer opening an application they have not declared on). */
  declaring: boolean;
  conflict: 'none' | 'declared' | undefined;
  empty: boolean;
  loading: boolean;
}

/** The demo call, run by a ministry whose call manager is the staff story's reader. */
const CALL: Call = { ...DEMO_CALL, funder: { ...DEMO_CALL.funder, organisationId: 'org_demo-ministry' } };

const REVIEWER: Account = {
  id: 'acc_demo-reviewer',
  email: 'reviewer@example.ma',
  displayName: 'Salma Idrissi',
  roles: ['reviewer'],
  memberships: [],
};
const MANAGER: Account = {
  id: 'acc_demo-manager',
  email: 'manager@example.ma',
  displayName: 'Youssef Amrani',
  roles: ['call_manager'],
  organisationId: 'org_demo-ministry',
  memberships: [],
};

/** The demo application once found admissible, with one review. */
const UNDER_REVIEW: Application = {
  ...DEMO_SUBMITTED,
  status: 'under_review',
  reviews: [
    {
      id: 'rev_demo',
      applicationId: DEMO_SUBMITTED.id,
      reviewer: { id: 'acc_demo-expert', displayName: 'Karim Benali' },
      conflictOfInterest: { declared: false },
      scores: CALL.criteria.map((c) => ({ criterionId: c.id, score: c.maxScore })),
      weightedTotal: 100,
      comment: 'Projet clair ; budget cohérent.',
      submittedAt: '2026-04-10T09:00:00Z',
    },
  ],
};

const summary = (
  id: string,
  status: ApplicationSummary['status'],
  myDeclaration: ApplicationSummary['myDeclaration'],
  projectTitle: string,
): ApplicationSummary => ({
  id,
  callId: DEMO_SUBMITTED.callId,
  callReference: DEMO_SUBMITTED.callReference,
  callTitle: DEMO_SUBMITTED.callTitle,
  associationId: DEMO_SUBMITTED.associationId,
  associationName: DEMO_SUBMITTED.associationName,
  region: 'MA-09',
  status,
  projectTitle,
  reviewCount: status === 'under_review' ? 1 : 0,
  myDeclaration,
});

/** One application at each stage and declaration a reviewer meets. */
const SUMMARIES: ApplicationSummary[] = [
  summary(DEMO_SUBMITTED.id, 'under_review', 'none', 'نادي القراءة في الدواوير'),
  summary('app_demo-scored', 'under_review', 'no_conflict', 'Jardins scolaires'),
  summary('app_demo-recused', 'under_review', 'conflict', 'Caravane médicale'),
  summary('app_demo-awaiting', 'received', 'none', 'Eau potable pour les douars'),
];

const meta: Meta<Args> = {
  title: 'Calls/Review panel',
  component: 'nassij-review-panel',
  tags: ['autodocs'],
  args: {
    reader: 'reviewer',
    open: false,
    declaring: false,
    conflict: undefined,
    empty: false,
    loading: false,
  },
  argTypes: {
    reader: { control: 'inline-radio', options: ['reviewer', 'staff'] },
    conflict: { control: 'inline-radio', options: [undefined, 'none', 'declared'] },
  },
  render: (args) => html`<nassij-review-panel
    call=${CALL.id}
    .client=${args.loading ? pendingClient({ signedIn: true }) : undefined}
    .callData=${args.loading ? undefined : CALL}
    .applications=${args.loading ? undefined : args.empty ? [] : SUMMARIES}
    .account=${args.reader === 'staff' ? MANAGER : REVIEWER}
    .application=${args.open ? UNDER_REVIEW : undefined}
    .declaring=${args.declaring ? SUMMARIES[0] : undefined}
    .conflict=${args.conflict}
  ></nassij-review-panel>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Loading. */
export const Loading: Story = { args: { loading: true } };
/** No applications. */
export const Empty: Story = { args: { empty: true } };
/** A reviewer's list: a declaration to make, one declared, one recused, one awaiting the eligibility check. */
export const List: Story = {};
/** The staff's list: every application opens, with its stage. */
export const StaffList: Story = { args: { reader: 'staff' } };
/** Before opening: who applies and the project's title only, then the declaration. */
export const Declaration: Story = { args: { declaring: true } };
/** A conflict chosen: its statement, and the reviewer will be recused. */
export const DeclarationConflict: Story = { args: { declaring: true, conflict: 'declared' } };
/** The declaration in French. */
export const DeclarationFrench: Story = { args: { declaring: true }, globals: { locale: 'fr' } };
/** No conflict declared: the application, its files to download, one radio group per criterion. */
export const Scoring: Story = { args: { open: true } };
/** Scoring in French. */
export const ScoringFrench: Story = { args: { open: true }, globals: { locale: 'fr' } };
/** Scoring in Tamazight. */
export const ScoringTamazight: Story = { args: { open: true }, globals: { locale: 'zgh' } };
/** Scoring in English. */
export const ScoringEnglish: Story = { args: { open: true }, globals: { locale: 'en' } };
/** The list in dark theme. */
export const Dark: Story = { globals: { theme: 'dark' } };
/** Scoring in dark theme: radio groups and anchors. */
export const ScoringDark: Story = { args: { open: true }, globals: { theme: 'dark' } };
/** The call's staff: the reviews so far and the decision form. */
export const Decision: Story = { args: { reader: 'staff', open: true } };
/** A decision refused while the call is still open, explained with its closing date. */
export const DecisionRefused: Story = {
  args: { reader: 'staff', open: true },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('nassij-review-panel') as NassijReviewPanel;
    el.actionError = 'call_still_open';
  },
};
