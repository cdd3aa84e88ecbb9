import type { ConsultationDraft, ConsultationDraftFields } from '@nassij/contract';
import { type BaseClient, createBaseClient } from '@nassij/sdk';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../packages/elements/src/consultation-editor/define.js';
import type { NassijConsultationEditor } from '../packages/elements/src/consultation-editor/nassij-consultation-editor.js';
import {
  DEMO_PASTED_TEXT,
  demoCompleteFields,
  demoConsultationDraft,
  demoHalfWrittenFields,
  demoManagedConsultations,
} from '../packages/elements/src/test-support/demo/consultation-office.js';
import { demoConsultation } from '../packages/elements/src/test-support/demo/consultations.js';
import { pendingClient } from './support/clients.js';

/**
 * Story args: what the editor opens. Language and theme come from the toolbar (the preview puts them on the
 * story's wrapper, and the element follows its ancestors), so no story sets `lang` or `theme`.
 */
interface Args {
  open: 'list' | 'draft' | 'complete' | 'published' | 'loading';
}

/** A client answering the editor's requests from the demo data, in memory (saves echo the draft). */
function storyClient(draft: ConsultationDraft): BaseClient {
  let current = draft;
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json', etag: `"r${current.revision}"` },
    });
  return createBaseClient({
    baseUrl: 'https://platform.invalid/api',
    token: 'story-token-not-a-real-one',
    retry: { limit: 0 },
    fetch: async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
      if (url.pathname.endsWith('/me'))
        return json({
          id: 'acc_demo',
          displayName: 'نادية',
          roles: ['consultation_manager'],
          organisationId: current.organisationId,
          locale: 'ar',
        });
      if (url.pathname.endsWith('/consultations') && url.pathname.includes('/organisations/'))
        return json({ items: demoManagedConsultations(), nextCursor: null });
      if (url.pathname.includes('/drafts/') && method === 'PATCH') {
        const patch = JSON.parse(String(init?.body)) as ConsultationDraftFields;
        current = { ...current, revision: current.revision + 1, fields: { ...current.fields, ...patch } };
        return json(current);
      }
      if (url.pathname.includes('/drafts/')) return json(current);
      return json(demoConsultation());
    },
  });
}

const meta: Meta<Args> = {
  title: 'Consultations/Consultation editor',
  component: 'nassij-consultation-editor',
  tags: ['autodocs'],
  args: { open: 'draft' },
  argTypes: {
    open: { control: 'inline-radio', options: ['list', 'draft', 'complete', 'published', 'loading'] },
  },
  render: ({ open }) => {
    if (open === 'loading')
      return html`<nassij-consultation-editor consultation-id="cons_draft" .client=${pendingClient({ signedIn: true })}></nassij-consultation-editor>`;
    const draft =
      open === 'published'
        ? demoConsultationDraft('published', demoCompleteFields())
        : open === 'complete'
          ? demoConsultationDraft('draft', demoCompleteFields(), 'cons_complete')
          : demoConsultationDraft('draft', demoHalfWrittenFields());
    return html`<nassij-consultation-editor consultation-id=${open === 'list' ? '' : draft.id} autosave-delay="400"
      .client=${storyClient(draft)}></nassij-consultation-editor>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

/** The ministry's consultations: drafts and published, with their phase and contributions. */
export const List: Story = { args: { open: 'list' } };
/** Loading a draft. */
export const Loading: Story = { args: { open: 'loading' } };
/** A half-written draft: what publishing would still refuse, above the form. */
export const Draft: Story = {};
/** A half-written draft with a text pasted: the live preview of the articles detected. */
export const PastedText: Story = {
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('nassij-consultation-editor') as NassijConsultationEditor;
    await el.updateComplete;
    el.setPaste({ text: DEMO_PASTED_TEXT });
  },
};
/** A pasted text in which nothing reads as an article: the preview says so, with what it found. */
export const NoArticleDetected: Story = {
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('nassij-consultation-editor') as NassijConsultationEditor;
    await el.updateComplete;
    el.setPaste({ text: 'مذكرة تقديمية\nيتعلق هذا المشروع بتنظيم التشاور.' });
  },
};
/** A half-written draft after a publish attempt: the error summary and each field's message. */
export const DraftErrors: Story = {
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('nassij-consultation-editor') as NassijConsultationEditor;
    await el.updateComplete;
    el.showErrors = true;
  },
};
/** A complete draft, ready to publish. */
export const Complete: Story = { args: { open: 'complete' } };
/** A published consultation: a new version of its text, an early close, its version history. */
export const Published: Story = { args: { open: 'published' } };
/** In French. */
export const French: Story = { globals: { locale: 'fr' } };
/** In Tamazight. */
export const Tamazight: Story = { globals: { locale: 'zgh' } };
/** In English. */
export const English: Story = { globals: { locale: 'en' } };
/** Dark theme. */
export const Dark: Story = { globals: { theme: 'dark' } };
