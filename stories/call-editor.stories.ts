import type { CallDraft, CallDraftFields } from '@nassij/contract';
import { type BaseClient, createBaseClient } from '@nassij/sdk';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../packages/elements/src/call-editor/define.js';
import type { NassijCallEditor } from '../packages/elements/src/call-editor/nassij-call-editor.js';
import { DEMO_CALL } from '../packages/elements/src/test-support/demo/application.js';
import { pendingClient } from './support/clients.js';

/**
 * Story args: which call the editor opens. Language and theme come from the toolbar (the preview puts them on
 * the story's wrapper, and the element follows its ancestors), so no story sets `lang` or `theme`.
 */
interface Args {
  call: 'new' | 'draft' | 'complete' | 'whole' | 'published' | 'loading';
}

/** The demo call's editable fields: what its draft held when it was published. */
const {
  id: _id,
  reference: _reference,
  funder: _funder,
  status: _status,
  version: _version,
  stats: _stats,
  amendments: _amendments,
  closure: _closure,
  dates: { publishedAt: _publishedAt, ...dates },
  ...fields
} = DEMO_CALL as typeof DEMO_CALL & { stats?: unknown; amendments?: unknown; closure?: unknown };

/** A year ahead, so that the demo's dates pass the publication check whenever the story is opened. */
const later = (instant: string | undefined) =>
  instant ? new Date(Date.parse(instant) + 365 * 86_400_000).toISOString() : undefined;
const COMPLETE = {
  ...fields,
  dates: {
    ...dates,
    opensAt: later(dates.opensAt),
    closes: dates.closes ? { ...dates.closes, at: later(dates.closes.at)! } : undefined,
  },
  reports: [],
  // The demo call predates review rules; a complete draft states them.
  review: { reviewsPerApplication: 2, appealDays: 15 },
} as CallDraftFields;
/**
 * The complete call with every optional part written too: an enquiry period and two information sessions
 * (the choices of its form's lists and its budget table's categories come from the demo call).
 */
const day = 86_400_000;
const opens = Date.parse(COMPLETE.dates?.opensAt ?? DEMO_CALL.dates.opensAt);
const WHOLE = {
  ...COMPLETE,
  dates: {
    ...COMPLETE.dates,
    enquiryPeriod: {
      start: new Date(opens + day).toISOString(),
      end: new Date(opens + 20 * day).toISOString(),
    },
    infoSessions: [
      {
        at: new Date(opens + 3 * day).toISOString(),
        place: { ar: 'مقر الوزارة، الرباط', fr: 'Siège du ministère, Rabat' },
      },
      {
        at: new Date(opens + 10 * day).toISOString(),
        place: { ar: 'لقاء عن بعد', fr: 'Séance en ligne' },
        url: 'https://platform.invalid/seance',
      },
    ],
  },
} as CallDraftFields;
const HALF_WRITTEN: CallDraftFields = { title: DEMO_CALL.title, summary: { ar: DEMO_CALL.summary.ar } };

function draftOf(state: CallDraft['state'], draftFields: CallDraftFields): CallDraft {
  return {
    id: DEMO_CALL.id,
    organisationId: DEMO_CALL.funder.organisationId ?? 'org_demo',
    state,
    revision: 3,
    createdAt: DEMO_CALL.dates.publishedAt,
    updatedAt: DEMO_CALL.dates.publishedAt,
    fields: draftFields,
    problems: [],
  };
}

/** A client answering the editor's requests from the demo call, in memory (saves echo the draft). */
function storyClient(draft: CallDraft): BaseClient {
  let current = draft;
  const json = (body: unknown) =>
    new Response(JSON.stringify(body), {
      headers: { 'content-type': 'application/json', etag: `"r${current.revision}"` },
    });
  return createBaseClient({
    baseUrl: 'https://platform.invalid/api',
    token: 'story-token-not-a-real-one',
    retry: { limit: 0 },
    fetch: async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (url.pathname.endsWith('/draft')) return json(current);
      if (init?.method === 'PATCH') {
        const patch = JSON.parse(String(init.body)) as CallDraftFields;
        current = { ...current, revision: current.revision + 1, fields: { ...current.fields, ...patch } };
        return json(current);
      }
      if (url.pathname.endsWith('/versions'))
        return json({
          items: [{ version: 1, at: DEMO_CALL.dates.publishedAt, call: DEMO_CALL }],
          nextCursor: null,
        });
      return json(DEMO_CALL);
    },
  });
}

const meta: Meta<Args> = {
  title: 'Calls/Call editor',
  component: 'nassij-call-editor',
  tags: ['autodocs'],
  args: { call: 'draft' },
  argTypes: {
    call: { control: 'inline-radio', options: ['new', 'draft', 'complete', 'whole', 'published', 'loading'] },
  },
  render: ({ call }) => {
    const client =
      call === 'new' || call === 'loading'
        ? pendingClient({ signedIn: true })
        : storyClient(
            call === 'draft'
              ? draftOf('draft', HALF_WRITTEN)
              : draftOf(call === 'published' ? 'published' : 'draft', call === 'whole' ? WHOLE : COMPLETE),
          );
    return html`<nassij-call-editor call-id=${call === 'new' ? '' : DEMO_CALL.id} autosave-delay="400"
      .client=${client}></nassij-call-editor>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

/** No call yet: the "new call" button. */
export const NewCall: Story = { args: { call: 'new' } };
/** Loading the draft. */
export const Loading: Story = { args: { call: 'loading' } };
/** A half-written draft: what publishing would still refuse, above the sections. */
export const Draft: Story = {};
/** A half-written draft after a publish attempt: the error summary and each field's message. */
export const DraftErrors: Story = {
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('nassij-call-editor') as NassijCallEditor;
    await el.updateComplete;
    el.showErrors = true;
  },
};
/** A complete draft, ready to publish. */
export const Complete: Story = { args: { call: 'complete' } };
/** Every part written: the choices of the form's lists, the programme, an enquiry period, information sessions. */
export const Whole: Story = { args: { call: 'whole' } };
/** A published call: amend, close early, cancel, and its history. */
export const Published: Story = { args: { call: 'published' } };
/** In French. */
export const French: Story = { globals: { locale: 'fr' } };
/** In Tamazight. */
export const Tamazight: Story = { globals: { locale: 'zgh' } };
/** In English. */
export const English: Story = { globals: { locale: 'en' } };
/** Dark theme. */
export const Dark: Story = { globals: { theme: 'dark' } };
