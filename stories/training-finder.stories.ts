import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../packages/elements/src/training-finder/define.js';
import {
  DEMO_ASSOCIATIONS,
  DEMO_COURSES,
  DEMO_REGISTRATIONS,
} from '../packages/elements/src/test-support/demo/trainings.js';
import type { NassijTrainingFinder } from '../packages/elements/src/training-finder/nassij-training-finder.js';

/** Story args: the element's data-mode properties plus the reader's language and theme. */
interface Args {
  lang: 'ar' | 'fr' | 'zgh' | 'en';
  theme: 'light' | 'dark' | undefined;
  courses: NassijTrainingFinder['courses'];
  signedIn: boolean;
  registrations: NassijTrainingFinder['registrations'];
  errorCode: string | undefined;
  region: string | undefined;
}

const meta: Meta<Args> = {
  title: 'Trainings/Training finder',
  component: 'nassij-training-finder',
  tags: ['autodocs'],
  args: {
    lang: 'ar',
    theme: undefined,
    courses: DEMO_COURSES,
    signedIn: false,
    registrations: undefined,
    errorCode: undefined,
    region: undefined,
  },
  argTypes: {
    lang: { control: 'inline-radio', options: ['ar', 'fr', 'zgh', 'en'] },
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
  },
  render: (args) => html`<nassij-training-finder
    lang=${args.lang}
    theme=${args.theme ?? nothing}
    region=${args.region ?? nothing}
    .courses=${args.courses}
    .signedIn=${args.signedIn}
    .associations=${DEMO_ASSOCIATIONS}
    .registrations=${args.registrations}
    .errorCode=${args.errorCode}
  ></nassij-training-finder>`,
};
export default meta;

type Story = StoryObj<Args>;

const finder = (canvas: HTMLElement) =>
  canvas.querySelector('nassij-training-finder') as NassijTrainingFinder;

/** Results in Arabic, the default language. */
export const ResultsArabic: Story = {};

/** Results in French. */
export const ResultsFrench: Story = { args: { lang: 'fr' } };

/** Results in Tamazight (Tifinagh). */
export const ResultsTamazight: Story = { args: { lang: 'zgh' } };

/** Results in English. */
export const ResultsEnglish: Story = { args: { lang: 'en' } };

/** Dark theme. */
export const Dark: Story = {
  args: { theme: 'dark' },
  parameters: { backgrounds: { default: 'dark' } },
};

/** Loading: no courses yet. */
export const Loading: Story = { args: { courses: undefined } };

/** Empty: nothing matches. */
export const Empty: Story = { args: { courses: [] } };

/** Error from the API, translated by its code, with a retry button. */
export const ErrorState: Story = { args: { errorCode: 'unavailable' } };

/** Offline notice above the last results. */
export const Offline: Story = {
  play: async ({ canvasElement }) => {
    const el = finder(canvasElement);
    await el.updateComplete;
    el.online.online = false;
    el.requestUpdate();
  },
};

/** Signed in, on the "my registrations" tab: confirmed, waitlisted and cancelled. */
export const SignedInMyRegistrations: Story = {
  args: { signedIn: true, registrations: DEMO_REGISTRATIONS },
  play: async ({ canvasElement }) => {
    const el = finder(canvasElement);
    await el.updateComplete;
    el.tab = 'mine';
  },
};

/** The confirmation dialog after registering on a full session: waiting list, position 2. */
export const WaitlistConfirmation: Story = {
  args: { signedIn: true, lang: 'fr' },
  play: async ({ canvasElement }) => {
    const el = finder(canvasElement);
    await el.updateComplete;
    const registration = DEMO_REGISTRATIONS[1];
    if (registration) el.dialog = { kind: 'result', registration };
  },
};

/** A phone-sized viewport: the facets stack above the results. */
export const NarrowViewport: Story = {
  args: { region: 'MA-09' },
  parameters: { viewport: { defaultViewport: 'mobile1' } },
  decorators: [(story) => html`<div style="max-inline-size: 360px">${story()}</div>`],
};
