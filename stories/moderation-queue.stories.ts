import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../packages/elements/src/moderation-queue/define.js';
import { demoContributions } from '../packages/elements/src/test-support/demo/consultations.js';

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
  errorCode?: string;
}

const meta: Meta<Args> = {
  title: 'Consultations/nassij-moderation-queue',
  component: 'nassij-moderation-queue',
  args: { items: pending },
  render: (args) =>
    html`<nassij-moderation-queue .items=${args.items} .errorCode=${args.errorCode}></nassij-moderation-queue>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Pending: Story = { name: 'Pending with reports (Arabic)', globals: { locale: 'ar' } };
export const French: Story = { globals: { locale: 'fr' } };
export const Tamazight: Story = { globals: { locale: 'zgh' } };
export const English: Story = { globals: { locale: 'en' } };
export const Empty: Story = { args: { items: [] } };
export const Loading: Story = { args: { items: undefined } };
export const ErrorState: Story = {
  name: 'Error (not a moderator)',
  args: { items: undefined, errorCode: 'forbidden' },
};
