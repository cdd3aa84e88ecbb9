import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../packages/elements/src/moderation-queue/define.js';
import { demoContributions } from '../packages/elements/src/test-support/demo/consultations.js';
import { failingClient, pendingClient } from './support/clients.js';

const pending = demoContributions().map((c, i) => ({
  ...c,
  moderation: { state: 'pending' as const },
  history: [
    { at: c.createdAt, action: 'created' as const },
    ...(i === 2 ? [{ at: c.createdAt, action: 'reported' as const, reason: 'personal_data' }] : []),
  ],
}));

interface Args {
  items?: unknown;
  /** Client mode with a signed-in moderator: the platform never answers (`loading`) or fails with this code. */
  errorCode?: string;
  loading?: boolean;
  consultation?: string;
}

const meta: Meta<Args> = {
  title: 'Consultations/nassij-moderation-queue',
  component: 'nassij-moderation-queue',
  args: { items: pending },
  render: (args) =>
    html`<nassij-moderation-queue consultation=${args.consultation ?? 'demo'} .items=${args.items}
      .client=${args.errorCode ? failingClient(args.errorCode, { signedIn: true }) : args.loading ? pendingClient({ signedIn: true }) : undefined}
    ></nassij-moderation-queue>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Pending: Story = { name: 'Pending with reports (Arabic)', globals: { locale: 'ar' } };
export const French: Story = { globals: { locale: 'fr' } };
export const Tamazight: Story = { globals: { locale: 'zgh' } };
export const English: Story = { globals: { locale: 'en' } };
export const Dark: Story = { globals: { theme: 'dark' } };
export const Empty: Story = { args: { items: [] } };
export const Loading: Story = { args: { items: undefined, loading: true } };
/** Signed out: the queue says why and offers the popup sign-in. */
export const SignedOut: Story = {
  args: { items: undefined, loading: true },
  render: () =>
    html`<nassij-moderation-queue consultation="demo" .client=${failingClient('unauthenticated')}></nassij-moderation-queue>`,
};
export const ErrorState: Story = {
  name: 'Error (not a moderator)',
  args: { items: undefined, errorCode: 'forbidden' },
};
