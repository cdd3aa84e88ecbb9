import type { Consultation, SynthesisDraft } from '@nassij/contract';
import { type BaseClient, createBaseClient } from '@nassij/sdk';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../packages/elements/src/synthesis-editor/define.js';
import type { NassijSynthesisEditor } from '../packages/elements/src/synthesis-editor/nassij-synthesis-editor.js';
import { demoConsultation } from '../packages/elements/src/test-support/demo/consultations.js';
import {
  demoCandidateGroups,
  demoCandidatePage,
  demoClosedConsultation,
  demoSynthesisDraft,
} from '../packages/elements/src/test-support/demo/syntheses.js';
import { failingClient, pendingClient } from './support/clients.js';

/**
 * Story args: the state of the synthesis. Language and theme come from the toolbar (the preview puts them on
 * the story's wrapper, and the element follows its ancestors), so no story sets `lang` or `theme`.
 */
interface Args {
  state: 'draft' | 'published' | 'loading' | 'forbidden' | 'signed-out';
}

/** A client answering the editor's requests from the demo data, in memory (saves echo the draft). */
function storyClient(consultation: Consultation): BaseClient {
  let draft: SynthesisDraft = demoSynthesisDraft();
  const json = (body: unknown) =>
    new Response(JSON.stringify(body), {
      headers: { 'content-type': 'application/json', etag: `"r${draft.revision}"` },
    });
  return createBaseClient({
    baseUrl: 'https://platform.invalid/api',
    token: 'story-token-not-a-real-one',
    retry: { limit: 0 },
    fetch: async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (url.pathname.endsWith('/synthesis/candidates/groups')) return json(demoCandidateGroups());
      if (url.pathname.endsWith('/synthesis/candidates')) return json(demoCandidatePage(url.searchParams));
      if (url.pathname.endsWith('/synthesis/draft') && init?.method === 'PUT') {
        const body = JSON.parse(String(init.body)) as Omit<
          SynthesisDraft,
          'consultationId' | 'revision' | 'problems'
        >;
        draft = { ...draft, ...body, revision: draft.revision + 1, updatedAt: new Date().toISOString() };
        return json(draft);
      }
      if (url.pathname.endsWith('/synthesis/draft')) return json(draft);
      if (url.pathname.endsWith('/synthesis')) return json(consultation.synthesis);
      return json(consultation);
    },
  });
}

const meta: Meta<Args> = {
  title: 'Consultations/Synthesis editor',
  component: 'nassij-synthesis-editor',
  tags: ['autodocs'],
  args: { state: 'draft' },
  argTypes: {
    state: { control: 'inline-radio', options: ['draft', 'published', 'loading', 'forbidden', 'signed-out'] },
  },
  render: ({ state }) => {
    const client =
      state === 'loading'
        ? pendingClient({ signedIn: true })
        : state === 'forbidden'
          ? failingClient('forbidden', { signedIn: true })
          : state === 'signed-out'
            ? pendingClient()
            : storyClient(
                state === 'published' ? demoConsultation('synthesis_published') : demoClosedConsultation(),
              );
    return html`<nassij-synthesis-editor consultation-id="cons_demo" autosave-delay="400"
      .client=${client}></nassij-synthesis-editor>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

const inside = async (canvas: HTMLElement, act: (el: NassijSynthesisEditor) => void) => {
  const el = canvas.querySelector('nassij-synthesis-editor');
  if (!el) return;
  await el.updateComplete;
  act(el);
};

/** A half-written synthesis: outcomes and reasons per recommendation and amendment, grouped by article. */
export const Draft: Story = {};
/** After a publish attempt: the error summary names each missing outcome and reason, linked to its row. */
export const MissingOutcomes: Story = {
  play: ({ canvasElement }) =>
    inside(canvasElement, (el) => {
      el.showErrors = true;
    }),
};
/** The preview of the public "you said, we did" page, as `<nassij-consultation>` shows it. */
export const Preview: Story = {
  play: ({ canvasElement }) =>
    inside(canvasElement, (el) => {
      el.previewOpen = true;
    }),
};
/** Someone else saved meanwhile: the text typed here stays, and the manager chooses. */
export const ChangedElsewhere: Story = {
  play: ({ canvasElement }) =>
    inside(canvasElement, (el) => {
      el.conflict = { current: demoSynthesisDraft(), etag: '"r9"' };
    }),
};
/** Published: the synthesis as the public page shows it. */
export const Published: Story = { args: { state: 'published' } };
/** Loading. */
export const Loading: Story = { args: { state: 'loading' } };
/** Staff of another organisation. */
export const Forbidden: Story = { args: { state: 'forbidden' } };
/** No one signed in: the sign-in. */
export const SignedOut: Story = { args: { state: 'signed-out' } };
/** In French. */
export const French: Story = { globals: { locale: 'fr' } };
/** In Tamazight. */
export const Tamazight: Story = { globals: { locale: 'zgh' } };
/** In English. */
export const English: Story = { globals: { locale: 'en' } };
/** Dark theme. */
export const Dark: Story = { globals: { theme: 'dark' } };
