// The event catalogue: what the platform tells other systems by webhook, one schema per event type. A payload
// carries ids, public references, instants and public fields only: a receiver reads anything more through
// the API with its own rights. Every event is wrapped in the same envelope `{ id, type, occurredAt, data }`;
// `id` is stable across retries and replays, so a receiver de-duplicates on it (delivery is at least once).
import * as z from 'zod/mini';
import { CallStatus } from '../resources/call.js';
import { Id, PublicReference } from '../shared/ids.js';
import { Instant } from '../shared/instant.js';
import { LocalizedText } from '../shared/localized-text.js';

/** Every event type, in the order the documentation lists them. */
export const EVENT_TYPES = [
  'call.published',
  'call.amended',
  'call.closed',
  'call.cancelled',
  'application.submitted',
  'decision.made',
  'consultation.version_published',
  'synthesis.published',
  'registration.confirmed',
] as const;
/** One event type of the catalogue, such as `call.published`. */
export const EventType = /* @__PURE__ */ (() => z.enum(EVENT_TYPES))();
export type EventType = z.infer<typeof EventType>;

/** An event id: `evt_` and 26 characters, the same on every delivery and replay of the event. */
export const EventId = /* @__PURE__ */ (() => z.string().check(z.regex(/^evt_[0-9a-v]{26}$/)))();

/** What every call event says about the call: all of it public once the call is published. */
const callFacts = {
  callId: Id,
  reference: PublicReference,
  /** The organisation that runs the call (its endpoints receive the event). */
  organisationId: Id,
  title: LocalizedText,
  /** The public version this event made. */
  version: z.number().check(z.int(), z.positive()),
};

/**
 * `call.published` data: a call became public (version 1, `forecast` until it opens). Public fields only.
 *
 * @example
 * ```ts
 * const data: CallPublishedData = { callId: 'call_0042', reference: 'MA-MRP-2026-0042', organisationId: 'org_relations-parliament',
 *   title: { ar: '…', fr: 'Appel…' }, version: 1, status: 'forecast', opensAt: '2027-01-10T00:00:00Z' };
 * ```
 */
export const CallPublishedData = /* @__PURE__ */ (() =>
  z.strictObject({
    ...callFacts,
    /** `forecast` until it opens (the usual case), `open` when published on or after its opening. */
    status: CallStatus,
    opensAt: Instant,
    /** The closing instant, absent for a call that takes applications until its budget runs out. */
    closesAt: z.optional(Instant),
  }))();
export type CallPublishedData = z.infer<typeof CallPublishedData>;

/**
 * `call.amended` data: a new public version with its summary and the fields it changed. Public fields only.
 *
 * @example
 * ```ts
 * const data: CallAmendedData = { …callFacts, version: 2, summary: { fr: 'Date de clôture repoussée' }, fields: ['dates'] };
 * ```
 */
export const CallAmendedData = /* @__PURE__ */ (() =>
  z.strictObject({
    ...callFacts,
    summary: LocalizedText,
    /** The top-level fields of the call that changed (`dates`, `documents`…). */
    fields: z.array(z.string()),
  }))();
export type CallAmendedData = z.infer<typeof CallAmendedData>;

/**
 * `call.closed` and `call.cancelled` data: the call ended before its time, with the public reason.
 *
 * @example
 * ```ts
 * const data: CallEndedData = { …callFacts, version: 3, reason: { fr: 'Budget épuisé' }, at: '2027-02-01T09:00:00Z' };
 * ```
 */
export const CallEndedData = /* @__PURE__ */ (() =>
  z.strictObject({ ...callFacts, reason: LocalizedText, at: Instant }))();
export type CallEndedData = z.infer<typeof CallEndedData>;

/**
 * `application.submitted` data: an association submitted an application to a call. The organisation that
 * runs the call sees submitted applications anyway; no person (who signed) is named, only the association.
 *
 * @example
 * ```ts
 * const data: ApplicationSubmittedData = { applicationId: 'app_0007', callId: 'call_0042', callReference: 'MA-MRP-2026-0042',
 *   organisationId: 'org_relations-parliament', associationId: 'asso_0001', receiptNumber: 'R-2027-000012', submittedAt: '…' };
 * ```
 */
export const ApplicationSubmittedData = /* @__PURE__ */ (() =>
  z.strictObject({
    applicationId: Id,
    callId: Id,
    callReference: PublicReference,
    organisationId: Id,
    associationId: Id,
    receiptNumber: z.string(),
    submittedAt: Instant,
  }))();
export type ApplicationSubmittedData = z.infer<typeof ApplicationSubmittedData>;

/**
 * `decision.made` data: the organisation decided on an application. Only the outcome: the reason and the
 * amount stay behind the API (the award becomes public when the call's results are published).
 *
 * @example
 * ```ts
 * const data: DecisionMadeData = { applicationId: 'app_0007', callId: 'call_0042', organisationId: 'org_relations-parliament',
 *   associationId: 'asso_0001', outcome: 'awarded', decidedAt: '…' };
 * ```
 */
export const DecisionMadeData = /* @__PURE__ */ (() =>
  z.strictObject({
    applicationId: Id,
    callId: Id,
    organisationId: Id,
    associationId: Id,
    outcome: z.enum(['awarded', 'rejected']),
    decidedAt: Instant,
  }))();
export type DecisionMadeData = z.infer<typeof DecisionMadeData>;

/**
 * `consultation.version_published` data: a new version of a consultation's text is public. Public fields.
 *
 * @example
 * ```ts
 * const data: ConsultationVersionPublishedData = { consultationId: 'cons_0003', reference: 'MA-CNS-2026-0003',
 *   versionId: 'ver_0002', publishedAt: '…' };
 * ```
 */
export const ConsultationVersionPublishedData = /* @__PURE__ */ (() =>
  z.strictObject({
    consultationId: Id,
    reference: PublicReference,
    versionId: Id,
    /** The organisation that holds the consultation, when it is one of the platform's. */
    organisationId: z.optional(Id),
    publishedAt: Instant,
  }))();
export type ConsultationVersionPublishedData = z.infer<typeof ConsultationVersionPublishedData>;

/**
 * `synthesis.published` data: a consultation's synthesis is public. Public fields; never a contributor.
 *
 * @example
 * ```ts
 * const data: SynthesisPublishedData = { consultationId: 'cons_0003', reference: 'MA-CNS-2026-0003', publishedAt: '…' };
 * ```
 */
export const SynthesisPublishedData = /* @__PURE__ */ (() =>
  z.strictObject({
    consultationId: Id,
    reference: PublicReference,
    organisationId: z.optional(Id),
    publishedAt: Instant,
  }))();
export type SynthesisPublishedData = z.infer<typeof SynthesisPublishedData>;

/**
 * `registration.confirmed` data: a seat of a training session went to an association's registration (at
 * once, or promoted from the waitlist). The participant is never named: the association and the
 * registration id only.
 *
 * @example
 * ```ts
 * const data: RegistrationConfirmedData = { registrationId: 'reg_…', sessionId: 'ses_0002', courseId: 'crs_0001',
 *   associationId: 'asso_0001', promoted: false, confirmedAt: '…' };
 * ```
 */
export const RegistrationConfirmedData = /* @__PURE__ */ (() =>
  z.strictObject({
    registrationId: Id,
    sessionId: Id,
    courseId: Id,
    associationId: Id,
    /** The organisation that runs the course, when it is one of the platform's. */
    organisationId: z.optional(Id),
    /** Whether the seat came from the waitlist (someone else cancelled). */
    promoted: z.boolean(),
    confirmedAt: Instant,
  }))();
export type RegistrationConfirmedData = z.infer<typeof RegistrationConfirmedData>;

/** The data schema of each event type. */
export const EVENT_DATA = {
  'call.published': CallPublishedData,
  'call.amended': CallAmendedData,
  'call.closed': CallEndedData,
  'call.cancelled': CallEndedData,
  'application.submitted': ApplicationSubmittedData,
  'decision.made': DecisionMadeData,
  'consultation.version_published': ConsultationVersionPublishedData,
  'synthesis.published': SynthesisPublishedData,
  'registration.confirmed': RegistrationConfirmedData,
} as const satisfies Record<EventType, z.core.$ZodType>;

/** The data of an event of type `T`. */
export type EventData<T extends EventType = EventType> = Extract<WebhookEvent, { type: T }>['data'];

/**
 * When each event is sent and what its receivers may learn from it: the documentation and the OpenAPI
 * `webhooks` section are written from it.
 */
export const EVENT_DESCRIPTIONS: Readonly<Record<EventType, string>> = {
  'call.published':
    'A call was published (version 1). Sent to the endpoints of the organisation that runs it and to platform-wide ones. Public fields only.',
  'call.amended':
    'A published call was amended: a new public version with its summary and the fields it changed. Public fields only.',
  'call.closed': 'An open call was closed before its deadline, with the public reason. Public fields only.',
  'call.cancelled': 'A call was cancelled before any decision, with the public reason. Public fields only.',
  'application.submitted':
    'An association submitted an application to a call of the organisation. Ids, the receipt number and the instant; no person is named.',
  'decision.made':
    'The organisation decided on an application: the outcome only (the reason and amount stay behind the API).',
  'consultation.version_published': 'A new version of a consultation text was published. Public fields only.',
  'synthesis.published':
    'The synthesis of a consultation was published. Public fields only; no contributor is named.',
  'registration.confirmed':
    'A registration to a training session was confirmed (at once or from the waitlist). Ids only; the participant is never named.',
};

/** The envelope of one event type: `{ id, type, occurredAt, data }`. */
function envelope<const T extends EventType>(type: T) {
  return z.strictObject({
    id: EventId,
    type: z.literal(type),
    occurredAt: Instant,
    data: EVENT_DATA[type],
  });
}

/** The `call.published` event as a delivery posts it. */
export const CallPublishedEvent = /* @__PURE__ */ (() => envelope('call.published'))();
/** The `call.amended` event as a delivery posts it. */
export const CallAmendedEvent = /* @__PURE__ */ (() => envelope('call.amended'))();
/** The `call.closed` event as a delivery posts it. */
export const CallClosedEvent = /* @__PURE__ */ (() => envelope('call.closed'))();
/** The `call.cancelled` event as a delivery posts it. */
export const CallCancelledEvent = /* @__PURE__ */ (() => envelope('call.cancelled'))();
/** The `application.submitted` event as a delivery posts it. */
export const ApplicationSubmittedEvent = /* @__PURE__ */ (() => envelope('application.submitted'))();
/** The `decision.made` event as a delivery posts it. */
export const DecisionMadeEvent = /* @__PURE__ */ (() => envelope('decision.made'))();
/** The `consultation.version_published` event as a delivery posts it. */
export const ConsultationVersionPublishedEvent = /* @__PURE__ */ (() =>
  envelope('consultation.version_published'))();
/** The `synthesis.published` event as a delivery posts it. */
export const SynthesisPublishedEvent = /* @__PURE__ */ (() => envelope('synthesis.published'))();
/** The `registration.confirmed` event as a delivery posts it. */
export const RegistrationConfirmedEvent = /* @__PURE__ */ (() => envelope('registration.confirmed'))();

/** The envelope schema of each event type (the body a webhook delivery posts). */
export const EVENT_SCHEMAS = {
  'call.published': CallPublishedEvent,
  'call.amended': CallAmendedEvent,
  'call.closed': CallClosedEvent,
  'call.cancelled': CallCancelledEvent,
  'application.submitted': ApplicationSubmittedEvent,
  'decision.made': DecisionMadeEvent,
  'consultation.version_published': ConsultationVersionPublishedEvent,
  'synthesis.published': SynthesisPublishedEvent,
  'registration.confirmed': RegistrationConfirmedEvent,
} as const;

/**
 * Any event, as a webhook delivery posts it: `{ id, type, occurredAt, data }`, `data` typed by `type`.
 *
 * @example
 * ```ts
 * const event = WebhookEvent.parse(JSON.parse(body));
 * if (event.type === 'call.published') console.log(event.data.reference);
 * ```
 */
export const WebhookEvent = /* @__PURE__ */ (() =>
  z.discriminatedUnion('type', [
    CallPublishedEvent,
    CallAmendedEvent,
    CallClosedEvent,
    CallCancelledEvent,
    ApplicationSubmittedEvent,
    DecisionMadeEvent,
    ConsultationVersionPublishedEvent,
    SynthesisPublishedEvent,
    RegistrationConfirmedEvent,
  ]))();
export type WebhookEvent = z.infer<typeof WebhookEvent>;
