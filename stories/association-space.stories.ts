import type { Association, MyAssociation } from '@nassij/contract';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../packages/elements/src/association-space/define.js';
import type {
  SpaceData,
  SpaceHome,
  SpaceSection,
} from '../packages/elements/src/association-space/nassij-association-space.js';
import { DEMO_SUBMITTED } from '../packages/elements/src/test-support/demo/application.js';
import { DEMO_ASSOCIATIONS } from '../packages/elements/src/test-support/demo/associations.js';
import { DEMO_MY_COMPETENCIES } from '../packages/elements/src/test-support/demo/training-office.js';
import { DEMO_COURSES, DEMO_REGISTRATIONS } from '../packages/elements/src/test-support/demo/trainings.js';
import { failingClient, pendingClient } from './support/clients.js';

/**
 * Story args: the element's data-mode properties. Language and theme come from the toolbar (the preview puts
 * them on the story's wrapper, and the element follows its ancestors), so no story sets `lang` or `theme`.
 */
interface Args {
  state: 'loading' | 'error' | 'member' | 'representative' | 'pending' | 'none';
  section: SpaceSection;
}

const ASSOCIATION = DEMO_ASSOCIATIONS[0] as Association;
const ACCOUNT = 'acc_story_self';

const membership = (role: MyAssociation['role']): MyAssociation => ({
  association: {
    id: ASSOCIATION.id,
    name: ASSOCIATION.name,
    legalForm: ASSOCIATION.legalForm,
    region: ASSOCIATION.region,
    domains: ASSOCIATION.domains,
    sizeBand: ASSOCIATION.sizeBand,
    publicUtility: ASSOCIATION.publicUtility,
  },
  role,
});

const space = (role: SpaceData['role']): SpaceData => ({
  association: ASSOCIATION,
  profile: {
    value: {
      associationId: ASSOCIATION.id,
      descriptions: {
        ar: 'جمعية تعمل على تنمية الدواوير: الماء الصالح للشرب، ودعم تمدرس الفتيات.',
        fr: 'Association qui œuvre au développement des douars : eau potable et scolarisation des filles.',
      },
      website: 'https://tifawin.example.ma',
      contacts: {
        email: { value: 'contact@asso0001.ma', shown: true },
        phone: { value: '+212528000000', shown: false },
      },
    },
  },
  role,
  members: {
    value: {
      items: [
        {
          accountId: role === 'representative' ? ACCOUNT : 'acc_story_rep',
          displayName: 'سلمى أيت علي',
          role: 'representative',
        },
        { accountId: 'acc_story_treasurer', displayName: 'Amina El Alaoui', role: 'treasurer' },
        {
          accountId: role === 'member' ? ACCOUNT : 'acc_story_member',
          displayName: 'يوسف بن علي',
          role: 'member',
        },
      ],
    },
  },
  documents: {
    value: [
      {
        id: 'doc_story_1',
        associationId: ASSOCIATION.id,
        kind: 'statutes',
        fileName: 'statuts-tifawin.pdf',
        size: 182_000,
        mediaType: 'application/pdf',
        sha256: 'a'.repeat(64),
        scanState: 'clean',
        uploadedAt: '2025-02-01T10:00:00Z',
        expired: false,
      },
      {
        id: 'doc_story_2',
        associationId: ASSOCIATION.id,
        kind: 'bank_certificate',
        fileName: 'attestation-bancaire.pdf',
        validUntil: '2025-12-31',
        size: 64_000,
        mediaType: 'application/pdf',
        sha256: 'b'.repeat(64),
        scanState: 'clean',
        uploadedAt: '2025-01-15T10:00:00Z',
        expired: true,
      },
      {
        id: 'doc_story_3',
        associationId: ASSOCIATION.id,
        kind: 'activity_report',
        year: 2025,
        fileName: 'rapport-moral-2025.pdf',
        size: 420_000,
        mediaType: 'application/pdf',
        sha256: 'c'.repeat(64),
        scanState: 'clean',
        uploadedAt: '2026-03-01T10:00:00Z',
        expired: false,
      },
    ],
  },
  applications: {
    value: [
      {
        id: DEMO_SUBMITTED.id,
        callId: DEMO_SUBMITTED.callId,
        callReference: DEMO_SUBMITTED.callReference,
        callTitle: DEMO_SUBMITTED.callTitle,
        associationId: ASSOCIATION.id,
        associationName: ASSOCIATION.name,
        region: ASSOCIATION.region,
        status: 'under_review',
        requestedAmount: { amount: '60000.00', currency: 'MAD' },
        submittedAt: '2026-03-10T10:00:00Z',
      },
    ],
  },
  reports: { value: [] },
  registrations: {
    value: DEMO_REGISTRATIONS.map((r, i) =>
      i === 0 ? { ...r, status: 'completed', credentialIssuedOn: '2026-05-20T10:00:00Z' } : r,
    ),
  },
  courses: Object.fromEntries(DEMO_COURSES.map((c) => [c.id, c])),
  // An association's record names no certificate: the person's own record does.
  competencies: {
    value: DEMO_MY_COMPETENCIES.competencies.map((record) => ({
      ...record,
      acquisitions: record.acquisitions.map(({ certificateId: _, ...acquisition }) => acquisition),
    })),
  },
});

const home = (state: Args['state']): SpaceHome => {
  if (state === 'member') return { accountId: ACCOUNT, memberships: [membership('member')], claims: [] };
  if (state === 'representative')
    return { accountId: ACCOUNT, memberships: [membership('representative')], claims: [] };
  if (state === 'pending')
    return {
      accountId: ACCOUNT,
      memberships: [],
      claims: [
        {
          id: 'clm_story',
          accountId: ACCOUNT,
          claimantName: 'سلمى أيت علي',
          kind: 'claim',
          associationId: ASSOCIATION.id,
          associationName: ASSOCIATION.name,
          region: ASSOCIATION.region,
          receiptNumber: ASSOCIATION.registrationNumber,
          receiptDate: '2008-04-12',
          receipt: { fileName: 'recepisse.pdf', size: 120_000, mediaType: 'application/pdf' },
          mandate: { fileName: 'mandat.pdf', size: 80_000, mediaType: 'application/pdf' },
          state: 'pending',
          createdAt: '2026-06-01T10:00:00Z',
        },
      ],
    };
  return { accountId: ACCOUNT, memberships: [], claims: [] };
};

const meta: Meta<Args> = {
  title: 'Associations/Association space',
  component: 'nassij-association-space',
  tags: ['autodocs'],
  args: { state: 'representative', section: 'profile' },
  argTypes: {
    state: {
      control: 'select',
      options: ['loading', 'error', 'member', 'representative', 'pending', 'none'],
    },
    section: {
      control: 'select',
      options: ['profile', 'documents', 'members', 'applications', 'reports', 'trainings'],
    },
  },
  render: ({ state, section }) => html`<nassij-association-space
    section=${section}
    .client=${
      state === 'loading'
        ? pendingClient({ signedIn: true })
        : state === 'error'
          ? failingClient('unavailable', { signedIn: true })
          : undefined
    }
    .home=${state === 'loading' || state === 'error' ? undefined : home(state)}
    .space=${state === 'member' || state === 'representative' ? space(state) : undefined}
  ></nassij-association-space>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Loading the account's associations. */
export const Loading: Story = { args: { state: 'loading' } };
/** The platform could not be reached: the error in the reader's language, with retry. */
export const Failed: Story = { args: { state: 'error' } };
/** A member: reads the profile, downloads documents, may leave; no invitation, no editing. */
export const Member: Story = { args: { state: 'member', section: 'members' } };
/** The representative: edits the profile, keeps the vault, invites, removes, hands over. */
export const Representative: Story = { args: { state: 'representative' } };
/** The vault, an expired bank certificate flagged, in French. */
export const DocumentsFrench: Story = {
  args: { state: 'representative', section: 'documents' },
  globals: { locale: 'fr' },
};
/** Trainings: registrations, a certificate, the competencies the platform records (highest level, courses completed). */
export const Trainings: Story = { args: { state: 'member', section: 'trainings' } };
/** A claim waiting for verification: nothing can be done in the association's name yet. */
export const PendingClaim: Story = { args: { state: 'pending' } };
/** A signed-in account with no association: the claim form, in Arabic. */
export const NoAssociation: Story = { args: { state: 'none' }, globals: { locale: 'ar' } };
/** The claim form in French. */
export const NoAssociationFrench: Story = { args: { state: 'none' }, globals: { locale: 'fr' } };
/** The representative's space in the dark theme. */
export const Dark: Story = { args: { state: 'representative' }, globals: { theme: 'dark' } };
