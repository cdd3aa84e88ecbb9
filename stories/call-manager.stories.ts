import type { ApplicationSummary, ManagedCall } from '@nassij/contract';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../packages/elements/src/call-manager/define.js';
import type {
  CallDesk,
  NassijCallManager,
} from '../packages/elements/src/call-manager/nassij-call-manager.js';
import { DEMO_CALL, DEMO_SUBMITTED } from '../packages/elements/src/test-support/demo/application.js';
import { failingClient, pendingClient } from './support/clients.js';

/**
 * Story args: the element's data-mode properties. Language and theme come from the toolbar (the preview puts
 * them on the story's wrapper, and the element follows its ancestors), so no story sets `lang` or `theme`.
 */
interface Args {
  desk: boolean;
  empty: boolean;
  loading: boolean;
  forbidden: boolean;
}

const CALLS: ManagedCall[] = [
  {
    id: DEMO_CALL.id,
    organisationId: DEMO_CALL.funder.organisationId ?? 'org_relations-parliament',
    state: 'published',
    status: 'open',
    reference: DEMO_CALL.reference,
    title: DEMO_CALL.title,
    closesAt: DEMO_CALL.dates.closes?.at,
    updatedAt: '2026-03-02T09:00:00Z',
    problemCount: 0,
    applications: { awaitingCheck: 2, underReview: 1, decided: 0 },
    reviewers: 2,
  },
  {
    id: 'call_draft_story',
    organisationId: DEMO_CALL.funder.organisationId ?? 'org_relations-parliament',
    state: 'draft',
    title: { ar: 'دعم مشاريع الشباب في العالم القروي', fr: 'Soutien aux projets des jeunes en milieu rural' },
    updatedAt: '2026-03-01T09:00:00Z',
    problemCount: 3,
    applications: { awaitingCheck: 0, underReview: 0, decided: 0 },
    reviewers: 0,
  },
];

const summary = (id: string, status: ApplicationSummary['status'], extra: Partial<ApplicationSummary> = {}) =>
  ({
    id,
    callId: DEMO_SUBMITTED.callId,
    callReference: DEMO_SUBMITTED.callReference,
    callTitle: DEMO_SUBMITTED.callTitle,
    associationId: DEMO_SUBMITTED.associationId,
    associationName: DEMO_SUBMITTED.associationName,
    region: 'MA-09',
    status,
    projectTitle: 'نادي القراءة في الدواوير',
    requestedAmount: { amount: '60000.00', currency: 'MAD' },
    submittedAt: '2026-03-10T10:00:00Z',
    ...extra,
  }) satisfies ApplicationSummary;

const DESK: CallDesk = {
  call: { ...DEMO_CALL, status: 'closed' },
  reviewers: [
    {
      accountId: 'acc_story_reviewer',
      displayName: 'Hamid Ouazzani',
      organisationId: 'org_story',
      assignedAt: '2026-03-01T09:00:00Z',
    },
  ],
  pool: [
    {
      accountId: 'acc_story_reviewer',
      displayName: 'Hamid Ouazzani',
      roles: ['reviewer'],
      organisationId: 'org_story',
    },
    { accountId: 'acc_story_expert', displayName: 'Youssef Benali', roles: ['reviewer'] },
  ],
  awaitingCheck: [summary('app_story_1', 'received')],
  underReview: [summary('app_story_2', 'under_review', { reviewCount: 2, averageScore: 7.25 })],
};

const meta: Meta<Args> = {
  title: 'Calls/Call manager',
  component: 'nassij-call-manager',
  tags: ['autodocs'],
  args: { desk: false, empty: false, loading: false, forbidden: false },
  render: (args) => html`<nassij-call-manager
    .client=${
      args.loading
        ? pendingClient({ signedIn: true })
        : args.forbidden
          ? failingClient('forbidden', { signedIn: true })
          : undefined
    }
    .calls=${args.loading || args.forbidden ? undefined : args.empty ? [] : CALLS}
    .desk=${args.desk ? DESK : undefined}
  ></nassij-call-manager>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Loading. */
export const Loading: Story = { args: { loading: true } };
/** An organisation without calls. */
export const Empty: Story = { args: { empty: true } };
/** The organisation's calls: a published one with its applications by stage, a draft with what it lacks. */
export const Calls: Story = {};
/** Staff of another organisation: the workspace says it is not theirs. */
export const NotAllowed: Story = { args: { forbidden: true } };
/** A call's desk: reviewers, eligibility queue, decisions board, results. */
export const Desk: Story = { args: { desk: true } };
/** The desk with a decision form open. */
export const Deciding: Story = {
  args: { desk: true },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('nassij-call-manager') as NassijCallManager;
    el.deciding = DESK.underReview[0]?.id;
  },
};
/** The desk in French. */
export const DeskFrench: Story = { args: { desk: true }, globals: { locale: 'fr' } };
/** The desk in Tamazight. */
export const DeskTamazight: Story = { args: { desk: true }, globals: { locale: 'zgh' } };
/** The desk in English. */
export const DeskEnglish: Story = { args: { desk: true }, globals: { locale: 'en' } };
/** The desk in dark theme. */
export const DeskDark: Story = { args: { desk: true }, globals: { theme: 'dark' } };
