import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../packages/elements/src/call-list/define.js';
import { demoCallDetail, demoCalls } from '../packages/elements/src/test-support/demo/calls.js';
import { pendingClient } from './support/clients.js';

const calls = demoCalls(8);
const detail = demoCallDetail();
const facets = {
  status: [
    { value: 'open', count: 8 },
    { value: 'forecast', count: 3 },
    { value: 'closed', count: 5 },
  ],
  region: [
    { value: 'MA-01', count: 2 },
    { value: 'MA-06', count: 2 },
    { value: 'MA-09', count: 2 },
  ],
  domain: [
    { value: 'youth', count: 2 },
    { value: 'environment', count: 2 },
    { value: 'womens-rights', count: 2 },
    { value: 'education', count: 2 },
  ],
  funderLevel: [
    { value: 'national', count: 4 },
    { value: 'regional', count: 2 },
    { value: 'public_establishment', count: 2 },
  ],
  awardRange: [
    { value: 'lt-50k', count: 2 },
    { value: '50k-200k', count: 2 },
    { value: 'gte-1m', count: 2 },
  ],
  closing: [
    { value: 'within-7-days', count: 1 },
    { value: 'within-30-days', count: 4 },
    { value: 'later', count: 1 },
    { value: 'no-deadline', count: 2 },
  ],
};

interface Args {
  calls?: unknown;
  total?: number;
  errorCode?: string;
  applyHref?: string;
}

const meta: Meta<Args> = {
  title: 'Calls/nassij-call-list',
  component: 'nassij-call-list',
  args: { applyHref: '/apply.html?call={id}' },
  render: (args) => html`<nassij-call-list
    .calls=${args.calls}
    .facets=${facets}
    .total=${args.total}
    .details=${{ [detail.id]: detail }}
    .errorCode=${args.errorCode}
    apply-href=${args.applyHref ?? ''}
  ></nassij-call-list>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Results: Story = { args: { calls, total: 16 }, globals: { locale: 'ar' } };
export const French: Story = { args: { calls, total: 16 }, globals: { locale: 'fr' } };
export const Tamazight: Story = { args: { calls, total: 16 }, globals: { locale: 'zgh' } };
export const English: Story = { args: { calls, total: 16 }, globals: { locale: 'en' } };
export const Dark: Story = { args: { calls, total: 16 }, globals: { theme: 'dark' } };
/** A request in flight: the skeleton (shown only while the platform is asked). */
export const Loading: Story = {
  render: () => html`<nassij-call-list .client=${pendingClient()}></nassij-call-list>`,
};
export const Empty: Story = { args: { calls: [], total: 0 } };
export const ErrorState: Story = { name: 'Error', args: { calls: undefined, errorCode: 'unavailable' } };
export const Offline: Story = { args: { calls, errorCode: 'offline' } };

export const DetailView: Story = {
  name: 'Detail view',
  args: { calls },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('nassij-call-list');
    await el?.updateComplete;
    await el?.openCall(detail.id);
  },
};

export const ManyResults: Story = {
  name: 'Many results (virtualised)',
  args: { calls: demoCalls(500), total: 500 },
};

export const Narrow: Story = {
  args: { calls, total: 16 },
  parameters: { viewport: { defaultViewport: 'mobile1' } },
  decorators: [(story) => html`<div class="narrow-frame" style="max-inline-size: 320px">${story()}</div>`],
};
/**
 * With a platform client: "subscribe to these calls" (Atom) and "add these deadlines to my calendar" (iCalendar)
 * for the filters shown; they follow the filters and the language. Open a call for its own calendar link.
 */
export const FeedLinks: Story = {
  render: () => html`<nassij-call-list
    .calls=${calls}
    .facets=${facets}
    .total=${16}
    .details=${{ [detail.id]: detail }}
    .client=${pendingClient()}
    status="open"
  ></nassij-call-list>`,
};
