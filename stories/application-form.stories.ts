import type { Application, VaultDocument } from '@nassij/contract';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../packages/elements/src/application-form/define.js';
import type {
  ApplicationPhase,
  NassijApplicationForm,
} from '../packages/elements/src/application-form/nassij-application-form.js';
import {
  DEMO_CALL,
  DEMO_DRAFT,
  DEMO_INELIGIBLE,
  DEMO_MEMBERSHIPS,
  DEMO_SUBMITTED,
  demoDecided,
} from '../packages/elements/src/test-support/demo/application.js';
import { failingClient, pendingClient } from './support/clients.js';

/**
 * Story args: the element's data-mode properties. Language and theme come from the toolbar (the preview puts
 * them on the story's wrapper, and the element follows its ancestors), so no story sets `lang` or `theme`.
 */
interface Args {
  phase: ApplicationPhase;
  step: number;
  eligible: boolean;
  submitted: boolean;
  submitError: string | undefined;
  loading: boolean;
  errorCode: string | undefined;
  /** An application to show instead of the demo draft or submitted one (amended call, decision). */
  application: Application | undefined;
}

const DAY = 86_400_000;

/** The demo draft, started before the call was amended twice. */
const AMENDED_DRAFT: Application = {
  ...DEMO_DRAFT,
  callAmendments: [
    {
      version: 2,
      at: '2026-03-10T09:00:00Z',
      summary: {
        ar: 'تمديد أجل إيداع الطلبات بأسبوعين',
        fr: 'Report de deux semaines de la date limite de dépôt',
        en: 'Deadline moved two weeks later',
      },
      fields: ['dates'],
    },
    {
      version: 3,
      at: '2026-03-18T14:30:00Z',
      summary: {
        ar: 'إضافة نموذج الميزانية إلى الوثائق المطلوبة',
        fr: 'Ajout du modèle de budget aux pièces demandées',
      },
      fields: ['requiredDocuments'],
    },
  ],
};

/** The demo application once checked and decided, with the appeal window still open for three weeks. */
const AWARDED: Application = demoDecided(new Date(Date.now() + 21 * DAY).toISOString());

/** The demo application found not admissible at the eligibility check: rejected without review. */
const NOT_ADMISSIBLE: Application = {
  ...DEMO_SUBMITTED,
  status: 'rejected',
  history: [
    ...DEMO_SUBMITTED.history,
    { status: 'eligibility_check', at: '2026-04-01T09:00:00Z' },
    { status: 'rejected', at: '2026-04-02T09:00:00Z', reason: 'النظام الأساسي المرفق غير موقّع.' },
  ],
  eligibilityCheck: {
    admissible: false,
    reason: 'النظام الأساسي المرفق غير موقّع.',
    checkedAt: '2026-04-02T09:00:00Z',
  },
};

/** A day `days` from today, as a calendar date. */
const dayFromNow = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

/** A vault document of the demo association (a PDF scanned clean). */
const vaultDoc = (id: string, fields: Partial<VaultDocument>): VaultDocument => ({
  id,
  associationId: DEMO_DRAFT.associationId,
  kind: 'statutes',
  fileName: 'statuts.pdf',
  size: 48_213,
  mediaType: 'application/pdf',
  sha256: `sha256:${'b'.repeat(64)}`,
  scanState: 'clean',
  uploadedAt: '2026-02-01T09:00:00Z',
  expired: false,
  ...fields,
});

/** The demo association's vault: statutes, a report, a valid and an expired bank certificate. */
const DEMO_VAULT: VaultDocument[] = [
  vaultDoc('vdoc_000012', { kind: 'activity_report', year: 2025, fileName: 'rapport-activite-2025.pdf' }),
  vaultDoc('vdoc_000015', {
    kind: 'bank_certificate',
    validUntil: dayFromNow(180),
    fileName: 'attestation-rib.pdf',
  }),
  vaultDoc('vdoc_000016', {
    kind: 'bank_certificate',
    validUntil: dayFromNow(-40),
    expired: true,
    fileName: 'attestation-rib-ancienne.pdf',
  }),
  vaultDoc('vdoc_000001', {}),
];

/** The demo draft whose statutes were taken from the vault, a document that has expired since. */
const EXPIRED_FROM_VAULT: Application = {
  ...DEMO_DRAFT,
  attachments: [
    {
      ...DEMO_DRAFT.attachments[0]!,
      fileName: 'attestation-rib-ancienne.pdf',
      scanState: 'clean',
      vaultDocumentId: 'vdoc_000016',
      validUntil: dayFromNow(-40),
    },
  ],
};

const meta: Meta<Args> = {
  title: 'Calls/Application form',
  component: 'nassij-application-form',
  tags: ['autodocs'],
  args: {
    phase: 'form',
    step: 0,
    eligible: true,
    submitted: false,
    submitError: undefined,
    loading: false,
    errorCode: undefined,
    application: undefined,
  },
  argTypes: {
    phase: { control: 'select', options: ['signin', 'choose', 'eligibility', 'form', 'review', 'done'] },
    step: { control: { type: 'number', min: 0, max: 3 } },
  },
  render: (args) => html`<nassij-application-form
    call=${DEMO_CALL.id}
    .callData=${args.loading || args.errorCode ? undefined : DEMO_CALL}
    .client=${args.errorCode ? failingClient(args.errorCode) : args.loading ? pendingClient() : undefined}
    .associations=${DEMO_MEMBERSHIPS}
    .eligibility=${args.eligible ? { eligible: true, reasons: [] } : DEMO_INELIGIBLE}
    .application=${args.application ?? (args.submitted ? DEMO_SUBMITTED : DEMO_DRAFT)}
    .answers=${DEMO_DRAFT.answers}
    .phase=${args.phase}
    .step=${args.step}
    .savedAt=${DEMO_DRAFT.autosavedAt}
    .submitError=${args.submitError}
  ></nassij-application-form>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Loading the call. */
export const Loading: Story = { args: { loading: true } };
/** The call could not be loaded. */
export const LoadError: Story = { args: { errorCode: 'network_error' } };
/** No call chosen: the form says how to pick one. */
export const NoCall: Story = {
  render: () => html`<nassij-application-form calls-href="#calls"></nassij-application-form>`,
};
/** Not signed in: the popup sign-in button. */
export const SignIn: Story = { args: { phase: 'signin' } };
/** A member of two associations chooses one. */
export const ChooseAssociation: Story = { args: { phase: 'choose' } };
/** Eligible: the form can start. */
export const Eligible: Story = { args: { phase: 'eligibility' } };
/** Not eligible: every unmet rule in words, no form. */
export const NotEligible: Story = { args: { phase: 'eligibility', eligible: false } };
/** Step 1: the project (text, long text, date, number, region, choice, multiple choice). */
export const StepProject: Story = { args: { step: 0 } };
/** Step 2: the budget table with totals and co-financing, and the requested amount. */
export const StepBudget: Story = { args: { step: 1 } };
/** Step 3: beneficiaries. */
export const StepBeneficiaries: Story = { args: { step: 2 } };
/** Step 4: the documents checklist, one slot per document, a scan pending. */
export const StepDocuments: Story = { args: { step: 3 } };
/** Step 1 after "Next" with errors: the summary links to each field. */
export const StepWithErrors: Story = {
  args: { step: 0 },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('nassij-application-form') as NassijApplicationForm;
    el.answers = {};
    await el.updateComplete;
    await el.next();
  },
};
/** The review page before sending. */
export const Review: Story = { args: { phase: 'review' } };
/** The server refused a late submission; the draft is kept. */
export const LateSubmission: Story = { args: { phase: 'review', submitError: 'deadline_passed' } };
/** After submission: the receipt and the status timeline, with withdrawal. */
export const Submitted: Story = { args: { phase: 'done', submitted: true } };
/** The same in French. */
export const SubmittedFrench: Story = { args: { phase: 'done', submitted: true }, globals: { locale: 'fr' } };
/** A draft whose call was amended since it was started: what changed, above the first step. */
export const AmendedCall: Story = { args: { step: 0, application: AMENDED_DRAFT } };
/** Awarded: the decision's amount, conditions and reason, and until when to appeal (Morocco time). */
export const Awarded: Story = { args: { phase: 'done', application: AWARDED } };
/** The same in dark theme. */
export const AwardedDark: Story = {
  args: { phase: 'done', application: AWARDED },
  globals: { theme: 'dark' },
};
/** Found not admissible at the eligibility check, with the reason; no review. */
export const NotAdmissible: Story = { args: { phase: 'done', application: NOT_ADMISSIBLE } };
/** The form in dark theme (the budget step: table, totals, inputs). */
export const Dark: Story = { args: { step: 1 }, globals: { theme: 'dark' } };

/** The documents step with the vault picker of the statutes open: fitting kinds first, the expired one refused. */
export const DocumentsFromVault: Story = {
  args: { step: 3 },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector<NassijApplicationForm>('nassij-application-form');
    if (!el) return;
    await el.updateComplete;
    el.vault.items = DEMO_VAULT;
    el.vault.itemsOf = DEMO_DRAFT.associationId;
    await el.vault.toggle('statutes');
  },
};

/** The review page flags a document taken from the vault that has expired, with a link to its field. */
export const ExpiredVaultDocument: Story = { args: { phase: 'review', application: EXPIRED_FROM_VAULT } };
