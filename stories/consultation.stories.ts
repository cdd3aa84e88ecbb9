import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../packages/elements/src/consultation/define.js';
import type { NassijConsultation } from '../packages/elements/src/consultation/nassij-consultation.js';
import {
  demoConsultation,
  demoContributions,
  demoDiff,
} from '../packages/elements/src/test-support/demo/consultations.js';
import {
  demoContributionsOnVersionOne,
  demoSynthesisWithFigures,
} from '../packages/elements/src/test-support/demo/versions.js';
import { failingClient, pendingClient } from './support/clients.js';

interface Args {
  phase?: Parameters<typeof demoConsultation>[0];
  mode?: Parameters<typeof demoConsultation>[1];
  /** Client mode with a platform that never answers (`loading`) or fails with `errorCode`. */
  loading?: boolean;
  errorCode?: string;
}

const meta: Meta<Args> = {
  title: 'Consultations/nassij-consultation',
  component: 'nassij-consultation',
  args: { phase: 'contributions_open', mode: 'open' },
  render: (args) => html`<nassij-consultation
    consultation=${args.loading || args.errorCode ? 'demo' : nothing}
    .client=${args.errorCode ? failingClient(args.errorCode) : args.loading ? pendingClient() : undefined}
    .data=${args.loading || args.errorCode ? undefined : demoConsultation(args.phase, args.mode)}
    .diff=${demoDiff}
    .contributions=${demoContributions()}
  ></nassij-consultation>`,
};
export default meta;

type Story = StoryObj<Args>;

const inside = async (canvas: HTMLElement, act: (el: NassijConsultation) => Promise<void> | void) => {
  const el = canvas.querySelector('nassij-consultation');
  if (!el) return;
  await el.updateComplete;
  await act(el);
};

export const ContributionsOpen: Story = { name: 'Contributions open (Arabic)', globals: { locale: 'ar' } };
export const French: Story = { globals: { locale: 'fr' } };
export const Tamazight: Story = { globals: { locale: 'zgh' } };
export const English: Story = { globals: { locale: 'en' } };
export const Dark: Story = { globals: { theme: 'dark' } };
export const Upcoming: Story = { args: { phase: 'upcoming' } };
export const Information: Story = { args: { phase: 'information' } };
export const Closed: Story = { args: { phase: 'closed' } };
export const SynthesisPublished: Story = {
  name: 'Synthesis published',
  args: { phase: 'synthesis_published' },
};
/** With a platform client: "add the phases to my calendar" under the phases. */
export const CalendarLink: Story = {
  render: () => html`<nassij-consultation
    .client=${pendingClient()}
    .data=${demoConsultation('contributions_open', 'open')}
    .diff=${demoDiff}
    .contributions=${demoContributions()}
  ></nassij-consultation>`,
};
export const Loading: Story = { args: { loading: true } };
export const ErrorState: Story = { name: 'Error', args: { errorCode: 'unavailable' } };

export const ArticleOpen: Story = {
  name: 'Article with contributions',
  play: ({ canvasElement }) => inside(canvasElement, (el) => el.openArticle('art-2')),
};

export const AmendmentForm: Story = {
  name: 'Amendment form (open mode, consent notice)',
  play: ({ canvasElement }) =>
    inside(canvasElement, async (el) => {
      localStorage.removeItem('nassij:consultation:consent');
      await el.openArticle('art-2');
      el.shadowRoot?.querySelector<HTMLButtonElement>('button[data-kind="amendment"]')?.click();
    }),
};

export const RegisteredMode: Story = {
  name: 'Registered mode (sign-in asked)',
  args: { mode: 'registered' },
  play: ({ canvasElement }) =>
    inside(canvasElement, async (el) => {
      await el.openArticle(null);
      el.shadowRoot?.querySelector<HTMLButtonElement>('button[data-kind="comment"]')?.click();
    }),
};

export const AssociationsOnly: Story = { name: 'Associations only', args: { mode: 'associations_only' } };

export const ReceiptAwaitingModeration: Story = {
  name: 'Receipt, awaiting moderation',
  play: ({ canvasElement }) =>
    inside(canvasElement, (el) => {
      const contribution = demoContributions()[1];
      if (!contribution) return;
      el.receipt = {
        contribution: { ...contribution, moderation: { state: 'pending' } },
        receiptNumber: 'MA-CTB-2026-000123',
        followUrl: `/v1/contributions/${contribution.id}`,
        awaitingModeration: true,
      };
    }),
};

export const WaitingToSend: Story = {
  name: 'Offline: waiting to send',
  play: ({ canvasElement }) =>
    inside(canvasElement, (el) => {
      el.outbox = [
        {
          key: 'demo-key',
          consultationId: 'cons_demo',
          anonymous: true,
          createdAt: new Date().toISOString(),
          body: { kind: 'comment', body: 'مساهمة كتبت دون اتصال', consent: true },
        },
      ];
    }),
};

/** Contributions written on version 1, read under version 2: "on version 1" and the article's changes since. */
export const OnAnOlderVersion: Story = {
  name: 'Contributions on an older version (word diffs)',
  play: ({ canvasElement }) =>
    inside(canvasElement, async (el) => {
      el.contributions = demoContributionsOnVersionOne();
      await el.openArticle('art-2');
      await el.updateComplete;
      for (const details of el.shadowRoot?.querySelectorAll('details') ?? []) details.open = true;
    }),
};

/** A contribution on an article version 2 removed: still readable, marked as such. */
export const OnARemovedArticle: Story = {
  name: 'Contribution on a removed article',
  play: ({ canvasElement }) =>
    inside(canvasElement, async (el) => {
      el.contributions = demoContributionsOnVersionOne();
      await el.openArticle('art-3');
    }),
};

/** The synthesis with an out-of-scope outcome and the figures frozen at closing. */
export const SynthesisWithFigures: Story = {
  name: 'Synthesis: out of scope, figures at closing',
  args: { phase: 'synthesis_published' },
  play: ({ canvasElement }) =>
    inside(canvasElement, (el) => {
      el.synthesis = demoSynthesisWithFigures;
    }),
};
