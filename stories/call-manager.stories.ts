import type { ApplicationSummary, LocalizedText, ManagedCall } from '@nassij/contract';
import { type BaseClient, createBaseClient } from '@nassij/sdk';
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
  /** The calls come page by page from a (stand-in) API: "Load more" and the "Show" filter. */
  paged: boolean;
  /** With `paged`: every page after the first fails (the calls shown stay, "Try again"). */
  moreFails: boolean;
  /** With `paged`: calls per page. */
  pageSize: number;
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

/** A ministry's 45 calls, most recently changed first: more than two pages of 20. */
const MANY: ManagedCall[] = Array.from({ length: 45 }, (_, index) => {
  const call = CALLS[index % 3 === 2 ? 1 : 0]!;
  const title = Object.fromEntries(
    Object.entries(call.title ?? {}).map(([lang, text]) => [lang, `${text} (${45 - index})`]),
  ) as LocalizedText;
  return {
    ...call,
    id: `call_story_${45 - index}`,
    title,
    updatedAt: new Date(Date.UTC(2026, 2, 2, 9) - index * 3_600_000).toISOString().replace('.000Z', 'Z'),
  };
});

/**
 * A signed-in client whose API answers the organisation's calls from {@link MANY}, page by page (the
 * cursor is the offset), filtered by `state`; with `moreFails`, every page after the first fails.
 */
function pagedClient({ moreFails }: { moreFails: boolean }): BaseClient {
  return createBaseClient({
    baseUrl: 'https://platform.invalid/api',
    token: 'story-token-not-a-real-one',
    retry: { limit: 0 },
    fetch: async (input: RequestInfo | URL) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      const cursor = url.searchParams.get('cursor');
      if (cursor && moreFails)
        return new Response(
          JSON.stringify({ type: 'about:blank', title: 'unavailable', status: 503, code: 'unavailable' }),
          {
            status: 503,
            headers: { 'content-type': 'application/problem+json' },
          },
        );
      const states = url.searchParams.getAll('state').flatMap((state) => state.split(','));
      const matching = states.length ? MANY.filter((call) => states.includes(call.state)) : MANY;
      const start = cursor ? Number(cursor.slice(1)) : 0;
      const end = start + Number(url.searchParams.get('limit') ?? 20);
      return Response.json({
        items: matching.slice(start, end),
        nextCursor: end < matching.length ? `o${end}` : null,
      });
    },
  });
}

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
  args: {
    desk: false,
    empty: false,
    loading: false,
    forbidden: false,
    paged: false,
    moreFails: false,
    pageSize: 20,
  },
  render: (args) =>
    args.paged
      ? html`<nassij-call-manager organisation-id="org_story" page-size=${args.pageSize}
          .client=${pagedClient({ moreFails: args.moreFails })}></nassij-call-manager>`
      : html`<nassij-call-manager
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
/** A ministry with 45 calls: 20 shown, "Load more" adds 20 more, and the "Show" filter. */
export const ManyCalls: Story = { args: { paged: true } };
/** Pages after the first fail: the calls shown stay, the reason is said, the button retries. */
export const MoreFails: Story = { args: { paged: true, moreFails: true, pageSize: 5 } };
/** Many calls in Arabic, dark theme. */
export const ManyCallsDark: Story = { args: { paged: true }, globals: { theme: 'dark', locale: 'ar' } };
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
