import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../packages/elements/src/consultation-list/define.js';
import { demoSummaries } from '../packages/elements/src/test-support/demo/consultations.js';
import { failingClient, pendingClient } from './support/clients.js';

interface Args {
  consultations?: unknown;
  /** Client mode with a platform that never answers (`loading`) or fails with `errorCode`. */
  errorCode?: string;
  loading?: boolean;
  region?: string;
}

const meta: Meta<Args> = {
  title: 'Consultations/nassij-consultation-list',
  component: 'nassij-consultation-list',
  args: { consultations: demoSummaries() },
  render: (args) => html`<nassij-consultation-list
    .consultations=${args.consultations}
    .client=${args.errorCode ? failingClient(args.errorCode) : args.loading ? pendingClient() : undefined}
    region=${args.region ?? ''}
  ></nassij-consultation-list>`,
};
export default meta;

type Story = StoryObj<Args>;

export const AllPhases: Story = { name: 'All phases (Arabic)', globals: { locale: 'ar' } };
export const French: Story = { globals: { locale: 'fr' } };
export const Tamazight: Story = { globals: { locale: 'zgh' } };
export const English: Story = { globals: { locale: 'en' } };
export const Dark: Story = { globals: { theme: 'dark' } };
export const SoussMassa: Story = { name: 'Filtered on Souss-Massa', args: { region: 'MA-09' } };
export const Loading: Story = { args: { consultations: undefined, loading: true } };
export const Empty: Story = { args: { consultations: [] } };
export const ErrorState: Story = {
  name: 'Error',
  args: { consultations: undefined, errorCode: 'network_error' },
};
