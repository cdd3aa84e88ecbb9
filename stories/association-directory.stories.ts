import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../packages/elements/src/association-directory/define.js';
import type { NassijAssociationDirectory } from '../packages/elements/src/association-directory/nassij-association-directory.js';
import {
  DEMO_ASSOCIATION_SUMMARIES,
  DEMO_ASSOCIATIONS,
} from '../packages/elements/src/test-support/demo/associations.js';

interface Args {
  associations?: unknown;
  errorCode?: string;
}

const profiles = Object.fromEntries(DEMO_ASSOCIATIONS.map((a) => [a.id, a]));

const meta: Meta<Args> = {
  title: 'Transparency/nassij-association-directory',
  component: 'nassij-association-directory',
  args: { associations: [...DEMO_ASSOCIATION_SUMMARIES] },
  render: (args) => html`<nassij-association-directory
    .associations=${args.associations}
    .profiles=${profiles}
    .errorCode=${args.errorCode}
  ></nassij-association-directory>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Results: Story = { globals: { locale: 'ar' } };
export const French: Story = { globals: { locale: 'fr' } };
export const Tamazight: Story = { globals: { locale: 'zgh' } };
export const English: Story = { globals: { locale: 'en' } };
export const Dark: Story = { globals: { theme: 'dark' } };
export const Profile: Story = {
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector(
      'nassij-association-directory',
    ) as NassijAssociationDirectory | null;
    await el?.updateComplete;
    // Al Amal, the public-utility association, with an acronym and a website.
    const profile = DEMO_ASSOCIATIONS.find((a) => a.publicUtility) ?? DEMO_ASSOCIATIONS[0];
    if (profile) await el?.open(profile.id);
  },
};
export const Empty: Story = { args: { associations: [] } };
export const ErrorState: Story = { name: 'Error', args: { errorCode: 'unavailable' } };
