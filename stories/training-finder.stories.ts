import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../packages/elements/src/training-finder/define.js';
import {
  DEMO_MEMBERS,
  DEMO_MY_COMPETENCIES,
  DEMO_MY_REGISTRATIONS,
} from '../packages/elements/src/test-support/demo/training-office.js';
import {
  DEMO_ASSOCIATIONS,
  DEMO_COURSES,
  DEMO_REGISTRATIONS,
} from '../packages/elements/src/test-support/demo/trainings.js';
import type { NassijTrainingFinder } from '../packages/elements/src/training-finder/nassij-training-finder.js';
import { failingClient, pendingClient } from './support/clients.js';

/**
 * Story args: the element's data-mode properties. Language and theme come from the toolbar (the preview puts
 * them on the story's wrapper, and the element follows its ancestors), so no story sets `lang` or `theme`.
 */
interface Args {
  courses: NassijTrainingFinder['courses'];
  signedIn: boolean;
  registrations: NassijTrainingFinder['registrations'];
  /** Client mode with a platform that never answers (`loading`) or fails with this code. */
  errorCode: string | undefined;
  loading?: boolean;
  region: string | undefined;
}

const meta: Meta<Args> = {
  title: 'Trainings/Training finder',
  component: 'nassij-training-finder',
  tags: ['autodocs'],
  args: {
    courses: DEMO_COURSES,
    signedIn: false,
    registrations: undefined,
    errorCode: undefined,
    region: undefined,
  },
  render: (args) => html`<nassij-training-finder
    region=${args.region ?? nothing}
    .courses=${args.courses}
    .signedIn=${args.signedIn}
    .associations=${DEMO_ASSOCIATIONS}
    .members=${DEMO_MEMBERS}
    .myTraining=${{ registrations: DEMO_MY_REGISTRATIONS, competencies: DEMO_MY_COMPETENCIES.competencies }}
    .registrations=${args.registrations}
    .client=${args.errorCode ? failingClient(args.errorCode) : args.loading ? pendingClient() : undefined}
  ></nassij-training-finder>`,
};
export default meta;

type Story = StoryObj<Args>;

const finder = (canvas: HTMLElement) =>
  canvas.querySelector('nassij-training-finder') as NassijTrainingFinder;

/** Results in Arabic, the default language. */
export const ResultsArabic: Story = { globals: { locale: 'ar' } };

/** Results in French. */
export const ResultsFrench: Story = { globals: { locale: 'fr' } };

/** Results in Tamazight (Tifinagh). */
export const ResultsTamazight: Story = { globals: { locale: 'zgh' } };

/** Results in English. */
export const ResultsEnglish: Story = { globals: { locale: 'en' } };

/** Dark theme. */
export const Dark: Story = { globals: { theme: 'dark' } };

/** Loading: no courses yet. */
export const Loading: Story = { args: { courses: undefined, loading: true } };

/** Empty: nothing matches. */
export const Empty: Story = { args: { courses: [] } };

/** Error from the API, translated by its code, with a retry button. */
export const ErrorState: Story = { args: { courses: undefined, errorCode: 'unavailable' } };

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

/** Signed in, on "my registrations and certificates": a completed training, a waiting list, my competencies. */
export const MyRegistrationsAndCertificates: Story = {
  args: { signedIn: true },
  play: async ({ canvasElement }) => {
    const el = finder(canvasElement);
    await el.updateComplete;
    el.tab = 'me';
  },
};

/** The same in dark theme, in French. */
export const MyRegistrationsAndCertificatesDark: Story = {
  args: { signedIn: true },
  globals: { theme: 'dark', locale: 'fr' },
  play: async ({ canvasElement }) => {
    const el = finder(canvasElement);
    await el.updateComplete;
    el.tab = 'me';
  },
};

/** The registration form: the participant is chosen among the association's members. */
export const RegisterAMember: Story = {
  args: { signedIn: true },
  play: async ({ canvasElement }) => {
    const el = finder(canvasElement);
    await el.updateComplete;
    const course = DEMO_COURSES[0];
    const session = course?.nextSessions?.[0];
    if (course && session) await el.openRegistration(course, session);
  },
};

/**
 * Signed in (client mode): "subscribe to my trainings calendar" once its private address was issued, with the
 * copy button, the link to the calendar app and the warning that the address is private.
 */
export const MyTrainingsCalendar: Story = {
  render: () => html`<nassij-training-finder
    .courses=${DEMO_COURSES}
    .associations=${DEMO_ASSOCIATIONS}
    .registrations=${DEMO_REGISTRATIONS}
    .client=${pendingClient({ signedIn: true })}
  ></nassij-training-finder>`,
  play: async ({ canvasElement }) => {
    const el = finder(canvasElement);
    await el.updateComplete;
    el.tab = 'mine';
    await el.updateComplete;
    if (!el.calendar) return;
    const token = 'story-calendar-secret-not-a-real-one';
    el.calendar.token = {
      token,
      url: `https://platform.invalid/api/v1/calendars/me/${token}.ics`,
      issuedAt: '2026-05-01T09:00:00Z',
    };
    el.requestUpdate();
  },
};

/** The confirmation dialog after registering on a full session: waiting list, position 2. */
export const WaitlistConfirmation: Story = {
  args: { signedIn: true },
  globals: { locale: 'fr' },
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
