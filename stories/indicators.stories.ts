import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../packages/elements/src/indicators/define.js';
import type { NassijIndicators } from '../packages/elements/src/indicators/nassij-indicators.js';
import { DEMO_YEARS, demoIndicators } from '../packages/elements/src/test-support/demo/indicators.js';
import { pendingClient } from './support/clients.js';

interface Args {
  data?: unknown;
  region?: string;
  errorCode?: string;
  chart?: string;
}

const national = demoIndicators(2026);
const history = (region?: string) => DEMO_YEARS.map((year) => demoIndicators(year, region));

const meta: Meta<Args> = {
  title: 'Transparency/nassij-indicators',
  component: 'nassij-indicators',
  render: (args) => html`<nassij-indicators
    .data=${args.data}
    .national=${national}
    .history=${history(args.region)}
    .errorCode=${args.errorCode}
    chart=${args.chart ?? 'associations_supported_share'}
  ></nassij-indicators>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Shows every chart as a table (the accessible alternative). */
const tables: Story['play'] = async ({ canvasElement }) => {
  const el = canvasElement.querySelector('nassij-indicators') as NassijIndicators | null;
  await el?.updateComplete;
  for (const button of el?.shadowRoot?.querySelectorAll<HTMLButtonElement>('button.toggle') ?? [])
    button.click();
};

export const KeyFiguresAndCharts: Story = {
  name: 'Key figures and charts',
  args: { data: national },
  globals: { locale: 'ar' },
};
export const French: Story = { args: { data: national }, globals: { locale: 'fr' } };
export const Tamazight: Story = { args: { data: national }, globals: { locale: 'zgh' } };
export const English: Story = { args: { data: national }, globals: { locale: 'en' } };
export const Dark: Story = { args: { data: national }, globals: { theme: 'dark' } };
export const OneRegion: Story = {
  name: 'One region (Casablanca-Settat)',
  args: { data: demoIndicators(2026, 'MA-06'), region: 'MA-06' },
};
export const AsTables: Story = { name: 'Charts as tables', args: { data: national }, play: tables };
export const AsTablesArabicDark: Story = {
  name: 'Charts as tables (Arabic, dark)',
  args: { data: national },
  globals: { locale: 'ar', theme: 'dark' },
  play: tables,
};
/** A request in flight: the skeleton (shown only while the platform is asked). */
export const Loading: Story = {
  render: () => html`<nassij-indicators .client=${pendingClient()}></nassij-indicators>`,
};
export const Empty: Story = { args: { data: { year: 2026, years: [2026], indicators: [] } } };
export const ErrorState: Story = { name: 'Error', args: { data: undefined, errorCode: 'unavailable' } };
export const Offline: Story = { args: { data: undefined, errorCode: 'offline' } };
