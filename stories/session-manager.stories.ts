import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../packages/elements/src/session-manager/define.js';
import type { NassijSessionManager } from '../packages/elements/src/session-manager/nassij-session-manager.js';
import { DEMO_COURSE_ROWS, DEMO_DESK } from '../packages/elements/src/test-support/demo/training-office.js';
import { failingClient, pendingClient } from './support/clients.js';

/**
 * Story args: the element's data-mode properties. Language and theme come from the toolbar (the preview puts
 * them on the story's wrapper, and the element follows its ancestors), so no story sets `lang` or `theme`.
 */
interface Args {
  desk: boolean;
  empty: boolean;
  loading: boolean;
  forbidden: boolean;
}

const meta: Meta<Args> = {
  title: 'Trainings/Session manager',
  component: 'nassij-session-manager',
  tags: ['autodocs'],
  args: { desk: false, empty: false, loading: false, forbidden: false },
  render: (args) => html`<nassij-session-manager
    .client=${
      args.loading
        ? pendingClient({ signedIn: true })
        : args.forbidden
          ? failingClient('forbidden', { signedIn: true })
          : undefined
    }
    .courses=${args.loading || args.forbidden ? undefined : args.empty ? [] : DEMO_COURSE_ROWS}
    .desk=${args.desk ? DEMO_DESK : undefined}
  ></nassij-session-manager>`,
};
export default meta;

type Story = StoryObj<Args>;

/** The organisation's courses: a published one with an ended and an upcoming session, a draft. */
export const Courses: Story = {};
/** Loading. */
export const Loading: Story = { args: { loading: true } };
/** An organisation without courses. */
export const Empty: Story = { args: { empty: true } };
/** Staff of another organisation: the workspace says it is not theirs. */
export const NotAllowed: Story = { args: { forbidden: true } };
/** An ended session's desk: the attendance sheet (ticks saved by the page in data mode), evaluations, certificates. */
export const AttendanceSheet: Story = { args: { desk: true } };
/** The desk in French. */
export const AttendanceFrench: Story = { args: { desk: true }, globals: { locale: 'fr' } };
/** The desk in Tamazight. */
export const AttendanceTamazight: Story = { args: { desk: true }, globals: { locale: 'zgh' } };
/** The desk in English. */
export const AttendanceEnglish: Story = { args: { desk: true }, globals: { locale: 'en' } };
/** The desk in dark theme. */
export const AttendanceDark: Story = { args: { desk: true }, globals: { theme: 'dark' } };
/** The course form (a new course). */
export const NewCourse: Story = {
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('nassij-session-manager') as NassijSessionManager;
    await el.show({ kind: 'course' });
  },
};
/** The session form of the published course. */
export const NewSession: Story = {
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('nassij-session-manager') as NassijSessionManager;
    await el.show({ kind: 'session', courseId: DEMO_COURSE_ROWS[0]!.managed.course.id });
  },
};
