import * as z from 'zod/mini';
import { Id, RegionCode } from '../shared/ids.js';
import { Instant } from '../shared/instant.js';
import { LocalizedText } from '../shared/localized-text.js';
import { PageQuery } from '../shared/page.js';

/** Longest contribution body, in UTF-16 code units (what `maxlength` on a textarea counts). */
export const CONTRIBUTION_BODY_MAX = 4000;
/** Longest proposed wording of an amendment. */
export const CONTRIBUTION_PROPOSED_TEXT_MAX = 8000;
/** Longest display name of an author. */
export const DISPLAY_NAME_MAX = 80;
/** Longest free-text detail of a report. */
export const REPORT_DETAIL_MAX = 500;
/** Longest reason a moderator gives. */
export const MODERATION_REASON_MAX = 500;
/** Most options a participant may tick on one closed question. */
export const ANSWER_OPTIONS_MAX = 50;

/**
 * Control characters other than line feed and tab (C0, DEL, C1). `\r` is refused too: browsers send
 * textarea values with `\n` only, and one line-break form keeps lengths the same on every side.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: this pattern exists to refuse control characters
const CONTROL_CHARS = /^[^\u0000-\u0008\u000B-\u001F\u007F-\u009F]*$/;

/**
 * Plain text written by a participant, trimmed, between 1 and `max` characters, without control
 * characters other than `\n` and `\t`. It is never HTML: components render it as text.
 *
 * @example
 * ```ts
 * const Body = PlainText(CONTRIBUTION_BODY_MAX);
 * Body.parse('  أقترح تمديد الأجل  '); // 'أقترح تمديد الأجل'
 * ```
 */
export function PlainText(max: number) {
  return z.string().check(
    z.trim(),
    z.minLength(1),
    z.maxLength(max),
    z.regex(CONTROL_CHARS, {
      message: 'Control characters other than line breaks and tabs are not allowed',
    }),
  );
}

/**
 * What a contribution is: a comment, a recommendation, an amendment (with proposed wording) or an
 * answer to one of the consultation's questions.
 *
 * @example
 * ```ts
 * const kind: ContributionKind = 'amendment';
 * ```
 */
export const ContributionKind = /* @__PURE__ */ (() =>
  z.enum(['comment', 'recommendation', 'amendment', 'answer']))();
export type ContributionKind = z.infer<typeof ContributionKind>;

/**
 * The contributor's stance on the article or text.
 *
 * @example
 * ```ts
 * const position: Position = 'for';
 * ```
 */
export const Position = /* @__PURE__ */ (() => z.enum(['for', 'against', 'neutral']))();
export type Position = z.infer<typeof Position>;

/**
 * Where a contribution stands in moderation; only `published` ones are shown to the public.
 *
 * @example
 * ```ts
 * const state: ModerationState = 'pending';
 * ```
 */
export const ModerationState = /* @__PURE__ */ (() => z.enum(['pending', 'published', 'hidden']))();
export type ModerationState = z.infer<typeof ModerationState>;

/**
 * Whether the author speaks as a person or for an association.
 *
 * @example
 * ```ts
 * const type: ParticipantType = 'association';
 * ```
 */
export const ParticipantType = /* @__PURE__ */ (() => z.enum(['citizen', 'association']))();
export type ParticipantType = z.infer<typeof ParticipantType>;

/**
 * The answer to a question: option ids for a closed question, text for an open one.
 *
 * @example
 * ```ts
 * const closed: Answer = ['yes'];
 * const open: Answer = 'ⴰⵎⵙⴰⵙⴰ ⵏ ⵜⵎⵓⵏⴰ';
 * ```
 */
export const Answer = /* @__PURE__ */ (() =>
  z.union([
    z.array(Id).check(z.minLength(1), z.maxLength(ANSWER_OPTIONS_MAX)),
    PlainText(CONTRIBUTION_BODY_MAX),
  ]))();
export type Answer = z.infer<typeof Answer>;

/**
 * The author as the public sees them: a display name, never an e-mail (law 09-08).
 *
 * @example
 * ```ts
 * const a: ContributionAuthor = { displayName: 'جمعية أمل', participantType: 'association',
 *   associationId: 'asso_12', region: 'MA-06' };
 * ```
 */
export const ContributionAuthor = /* @__PURE__ */ (() =>
  z.strictObject({
    displayName: PlainText(DISPLAY_NAME_MAX),
    participantType: ParticipantType,
    associationId: z.optional(Id),
    region: z.optional(RegionCode),
  }))();
export type ContributionAuthor = z.infer<typeof ContributionAuthor>;

/**
 * Where a contribution stands in moderation, with the moderator's reason when hidden.
 *
 * @example
 * ```ts
 * const m: ContributionModeration = { state: 'hidden', reason: 'Personal data', decidedAt: '2026-03-05T10:00:00Z' };
 * ```
 */
export const ContributionModeration = /* @__PURE__ */ (() =>
  z.strictObject({
    state: ModerationState,
    reason: z.optional(z.string().check(z.maxLength(MODERATION_REASON_MAX))),
    decidedAt: z.optional(Instant),
  }))();
export type ContributionModeration = z.infer<typeof ContributionModeration>;

/**
 * The issuing body's official answer to a contribution.
 *
 * @example
 * ```ts
 * const r: OfficialResponse = { body: { fr: 'Proposition retenue' }, respondedAt: '2026-04-10T09:00:00Z',
 *   by: { fr: 'Secrétariat général du gouvernement' } };
 * ```
 */
export const OfficialResponse = /* @__PURE__ */ (() =>
  z.strictObject({
    body: LocalizedText,
    respondedAt: Instant,
    by: LocalizedText,
  }))();
export type OfficialResponse = z.infer<typeof OfficialResponse>;

/**
 * One event in a contribution's life, shown on its follow page.
 *
 * @example
 * ```ts
 * const e: ContributionEvent = { at: '2026-03-02T08:00:00Z', action: 'created' };
 * ```
 */
export const ContributionEvent = /* @__PURE__ */ (() =>
  z.strictObject({
    at: Instant,
    action: z.enum(['created', 'edited', 'published', 'hidden', 'reported', 'responded']),
    reason: z.optional(z.string().check(z.maxLength(MODERATION_REASON_MAX))),
  }))();
export type ContributionEvent = z.infer<typeof ContributionEvent>;

const contributionShape = /* @__PURE__ */ (() => ({
  id: Id,
  consultationId: Id,
  /** The article commented on; `null` when the contribution is on the whole text. */
  articleId: z.nullable(Id),
  /**
   * The version of the text that was current when the contribution was written. Read under a newer
   * version, compare the two with `GET /v1/consultations/{id}/versions/{currentVersionId}/diff?against={versionId}`
   * (the article `changed` or `removed` since), and show an amendment against the article's body in
   * `GET /v1/consultations/{id}/versions/{versionId}`. Every stored contribution has it; it is optional
   * only so that older clients' fixtures stay valid.
   */
  versionId: z.optional(Id),
  /** The contribution this one replies to (replies are one level deep). */
  parentId: z.optional(Id),
  kind: ContributionKind,
  body: PlainText(CONTRIBUTION_BODY_MAX),
  proposedText: z.optional(PlainText(CONTRIBUTION_PROPOSED_TEXT_MAX)),
  questionId: z.optional(Id),
  answer: z.optional(Answer),
  position: z.optional(Position),
  author: ContributionAuthor,
  createdAt: Instant,
  editedAt: z.optional(Instant),
  moderation: ContributionModeration,
  supports: z.number().check(z.int(), z.nonnegative()),
  /** Present when the request is signed in. */
  supportedByMe: z.optional(z.boolean()),
  officialResponse: z.optional(OfficialResponse),
  /** On the follow route (`GET /v1/contributions/{id}`). */
  history: z.optional(z.array(ContributionEvent)),
}))();

/**
 * A reply to a contribution: a contribution without replies of its own (threads are one level deep).
 *
 * @example
 * ```ts
 * const reply: ContributionReply = { id: 'ctb_2', consultationId: 'cons_4', articleId: 'art-3', parentId: 'ctb_1',
 *   kind: 'comment', body: 'متفق', author: { displayName: 'Yassine', participantType: 'citizen' },
 *   createdAt: '2026-03-03T10:00:00Z', moderation: { state: 'published' }, supports: 0 };
 * ```
 */
export const ContributionReply = /* @__PURE__ */ (() => z.strictObject(contributionShape))();
export type ContributionReply = z.infer<typeof ContributionReply>;

/** How many replies a contribution carries in a list or on its follow page; the rest are paged. */
export const EMBEDDED_REPLIES_MAX = 3;

/**
 * A contribution to a consultation, on an article or on the whole text, with its first replies.
 *
 * A top-level contribution carries at most {@link EMBEDDED_REPLIES_MAX} of its published replies, oldest
 * first, and `replyCount`, how many it has: when `replyCount` is larger, the next ones come from
 * `GET /v1/contributions/{contributionId}/replies`, from `repliesNextCursor` (its first page starts with
 * these same replies).
 *
 * @example
 * ```ts
 * const c: Contribution = { id: 'ctb_1', consultationId: 'cons_4', articleId: 'art-3', versionId: 'v1', kind: 'amendment',
 *   body: 'أقترح تمديد الأجل', proposedText: 'يحدد الأجل في ستين يوما', position: 'for',
 *   author: { displayName: 'جمعية أمل', participantType: 'association', associationId: 'asso_12', region: 'MA-06' },
 *   createdAt: '2026-03-02T08:00:00Z', moderation: { state: 'published' }, supports: 14, replies: [], replyCount: 0,
 *   repliesNextCursor: null };
 * ```
 */
export const Contribution = /* @__PURE__ */ (() =>
  z.strictObject({
    ...contributionShape,
    /**
     * The first published replies, oldest first, at most {@link EMBEDDED_REPLIES_MAX} (not enforced by the
     * schema, so that clients keep reading servers that embedded every reply).
     */
    replies: z.optional(z.array(ContributionReply)),
    /** How many published replies there are in all; given with `replies`. */
    replyCount: z.optional(z.number().check(z.int(), z.nonnegative())),
    /**
     * The `cursor` of `GET /v1/contributions/{contributionId}/replies` for the replies after `replies`;
     * `null` when `replies` holds them all. Given with `replies`.
     */
    repliesNextCursor: z.optional(z.nullable(z.string())),
  }))();
export type Contribution = z.infer<typeof Contribution>;

/**
 * The author an anonymous contributor declares. The server requires it in `open` mode when no token is
 * sent and ignores it for signed-in accounts (their name comes from the account).
 *
 * @example
 * ```ts
 * const a: DeclaredAuthor = { displayName: 'ⵎⵓⵃⵎⵎⴷ', participantType: 'citizen', region: 'MA-05' };
 * ```
 */
export const DeclaredAuthor = /* @__PURE__ */ (() =>
  z
    .strictObject({
      displayName: PlainText(DISPLAY_NAME_MAX),
      participantType: ParticipantType,
      region: z.optional(RegionCode),
      associationId: z.optional(Id),
    })
    .check(
      z.refine((a) => !(a.participantType === 'citizen' && a.associationId !== undefined), {
        message: 'A citizen author names no association',
        path: ['associationId'],
        params: { code: 'not_allowed' },
      }),
    ))();
export type DeclaredAuthor = z.infer<typeof DeclaredAuthor>;

function issue(
  ctx: z.core.$RefinementCtx,
  path: string,
  code: 'required' | 'not_allowed',
  message: string,
): void {
  ctx.addIssue({ code: 'custom', message, path: [path], params: { code } });
}

/**
 * Body of `POST /v1/consultations/{consultationId}/contributions`. An amendment carries
 * `proposedText`; an answer carries `questionId` (and `answer`: option ids or text). `consent` records
 * the law 09-08 consent to processing. `honeypot` is a field hidden from people: bots fill it, and the
 * server then answers as if it accepted while storing nothing (see {@link isHoneypotFilled}).
 *
 * @example
 * ```ts
 * const body: CreateContribution = { kind: 'amendment', articleId: 'art-3', body: 'أقترح تمديد الأجل',
 *   proposedText: 'يحدد الأجل في ستين يوما', position: 'for', consent: true,
 *   author: { displayName: 'Amina', participantType: 'citizen', region: 'MA-06' } };
 * ```
 */
export const CreateContribution = /* @__PURE__ */ (() =>
  z
    .strictObject({
      kind: ContributionKind,
      /** Absent or `null`: the contribution is on the whole text. */
      articleId: z.optional(z.nullable(Id)),
      parentId: z.optional(Id),
      body: PlainText(CONTRIBUTION_BODY_MAX),
      proposedText: z.optional(PlainText(CONTRIBUTION_PROPOSED_TEXT_MAX)),
      position: z.optional(Position),
      questionId: z.optional(Id),
      answer: z.optional(Answer),
      author: z.optional(DeclaredAuthor),
      consent: z.literal(true),
      /** Bounded so a bot cannot make the server read a large value; any content is accepted by the schema. */
      honeypot: z.optional(z.string().check(z.maxLength(1000))),
    })
    .check(
      z.superRefine((c, ctx) => {
        if (c.kind === 'amendment' && c.proposedText === undefined) {
          issue(ctx, 'proposedText', 'required', 'An amendment proposes a wording');
        }
        if (c.kind !== 'amendment' && c.proposedText !== undefined) {
          issue(ctx, 'proposedText', 'not_allowed', 'Only an amendment proposes a wording');
        }
        if (c.kind === 'answer' && c.questionId === undefined) {
          issue(ctx, 'questionId', 'required', 'An answer names its question');
        }
        if (c.kind !== 'answer' && c.questionId !== undefined) {
          issue(ctx, 'questionId', 'not_allowed', 'Only an answer names a question');
        }
        if (c.kind !== 'answer' && c.answer !== undefined) {
          issue(ctx, 'answer', 'not_allowed', 'Only an answer carries an answer');
        }
      }),
    ))();
export type CreateContribution = z.infer<typeof CreateContribution>;

/**
 * True when the bot trap of a {@link CreateContribution} was filled: the server then pretends success.
 *
 * @example
 * ```ts
 * isHoneypotFilled({ honeypot: 'http://spam.example' }); // true
 * ```
 */
export function isHoneypotFilled(body: { honeypot?: string | undefined }): boolean {
  return body.honeypot !== undefined && body.honeypot.trim() !== '';
}

/**
 * Body of `POST /v1/contributions/{contributionId}/reports`: why a reader flags a contribution.
 *
 * @example
 * ```ts
 * const r: ReportContribution = { reason: 'personal_data', detail: 'Un numéro de téléphone est publié' };
 * ```
 */
export const ReportContribution = /* @__PURE__ */ (() =>
  z.strictObject({
    reason: z.enum(['spam', 'abuse', 'off_topic', 'personal_data', 'other']),
    detail: z.optional(PlainText(REPORT_DETAIL_MAX)),
  }))();
export type ReportContribution = z.infer<typeof ReportContribution>;

/**
 * Body of `POST /v1/contributions/{contributionId}/moderation`; hiding needs a reason the author will see.
 *
 * @example
 * ```ts
 * const d: ModerateContribution = { decision: 'hide', reason: 'Données personnelles' };
 * ```
 */
export const ModerateContribution = /* @__PURE__ */ (() =>
  z
    .strictObject({
      decision: z.enum(['publish', 'hide']),
      reason: z.optional(PlainText(MODERATION_REASON_MAX)),
    })
    .check(
      z.refine((d) => d.decision !== 'hide' || d.reason !== undefined, {
        message: 'Hiding a contribution needs a reason',
        path: ['reason'],
        params: { code: 'required' },
      }),
    ))();
export type ModerateContribution = z.infer<typeof ModerateContribution>;

/**
 * Body of `POST /v1/contributions/{contributionId}/response`: the official answer, in one or more languages.
 *
 * @example
 * ```ts
 * const r: RespondToContribution = { body: { ar: 'تم أخذ المقترح بعين الاعتبار', fr: 'Proposition retenue' } };
 * ```
 */
export const RespondToContribution = /* @__PURE__ */ (() => z.strictObject({ body: LocalizedText }))();
export type RespondToContribution = z.infer<typeof RespondToContribution>;

/**
 * Query of `GET /v1/consultations/{consultationId}/contributions`. `state` is honoured for moderators only;
 * others always see published contributions.
 *
 * @example
 * ```ts
 * ContributionListQuery.parse({ articleId: 'art-3', kind: ['amendment'] }); // sort 'most_supported', limit 20
 * ```
 */
export const ContributionListQuery = /* @__PURE__ */ (() =>
  z.strictObject({
    articleId: z.optional(Id),
    kind: z.optional(z.array(ContributionKind).check(z.maxLength(4))),
    position: z.optional(z.array(Position).check(z.maxLength(3))),
    sort: z._default(z.enum(['most_supported', 'newest']), 'most_supported'),
    state: z.optional(ModerationState),
    ...PageQuery,
  }))();
export type ContributionListQuery = z.infer<typeof ContributionListQuery>;

/**
 * Query of `GET /v1/contributions/{contributionId}/replies`: a page of published replies, oldest first.
 *
 * @example
 * ```ts
 * ContributionRepliesQuery.parse({ limit: '10' }); // { limit: 10 }
 * ```
 */
export const ContributionRepliesQuery = /* @__PURE__ */ (() => z.strictObject({ ...PageQuery }))();
export type ContributionRepliesQuery = z.infer<typeof ContributionRepliesQuery>;

/**
 * Query of `GET /v1/moderation/contributions`: the moderators' queue, pending first by default.
 *
 * @example
 * ```ts
 * ModerationQueueQuery.parse({}); // { state: 'pending', limit: 20 }
 * ```
 */
export const ModerationQueueQuery = /* @__PURE__ */ (() =>
  z.strictObject({
    state: z._default(ModerationState, 'pending'),
    consultationId: z.optional(Id),
    ...PageQuery,
  }))();
export type ModerationQueueQuery = z.infer<typeof ModerationQueueQuery>;

/**
 * The path where a contributor follows a contribution (moderation, replies, official response).
 *
 * @example
 * ```ts
 * contributionFollowPath('ctb_1'); // '/v1/contributions/ctb_1'
 * ```
 */
export function contributionFollowPath(contributionId: Id): string {
  return `/v1/contributions/${encodeURIComponent(contributionId)}`;
}

/**
 * What `POST …/contributions` answers: the stored contribution, a receipt number to quote, the path to
 * follow it, and whether it waits for moderation before the public sees it.
 *
 * @example
 * ```ts
 * const r: ContributionReceipt = { contribution, receiptNumber: 'MA-CTB-2026-000123',
 *   followUrl: '/v1/contributions/ctb_1', awaitingModeration: true };
 * ```
 */
export const ContributionReceipt = /* @__PURE__ */ (() =>
  z.strictObject({
    contribution: Contribution,
    receiptNumber: z.string().check(z.minLength(1), z.maxLength(64)),
    followUrl: z.string().check(z.regex(/^\/v1\/contributions\/[A-Za-z0-9_-]{1,64}$/)),
    awaitingModeration: z.boolean(),
  }))();
export type ContributionReceipt = z.infer<typeof ContributionReceipt>;

/**
 * What `POST /v1/contributions/{contributionId}/supports` answers.
 *
 * @example
 * ```ts
 * const s: SupportResult = { contributionId: 'ctb_1', supports: 15, supportedByMe: true };
 * ```
 */
export const SupportResult = /* @__PURE__ */ (() =>
  z.strictObject({
    contributionId: Id,
    supports: z.number().check(z.int(), z.nonnegative()),
    supportedByMe: z.literal(true),
  }))();
export type SupportResult = z.infer<typeof SupportResult>;

/**
 * What `DELETE /v1/contributions/{contributionId}/supports` answers: the number of supports once this
 * reader's is withdrawn (also when they had none to withdraw: the request is idempotent).
 *
 * @example
 * ```ts
 * const w: SupportWithdrawal = { contributionId: 'ctb_1', supports: 14, supportedByMe: false };
 * ```
 */
export const SupportWithdrawal = /* @__PURE__ */ (() =>
  z.strictObject({
    contributionId: Id,
    supports: z.number().check(z.int(), z.nonnegative()),
    supportedByMe: z.literal(false),
  }))();
export type SupportWithdrawal = z.infer<typeof SupportWithdrawal>;

/**
 * Path params of a contribution route.
 *
 * @example
 * ```ts
 * ContributionParams.parse({ contributionId: 'ctb_1' });
 * ```
 */
export const ContributionParams = /* @__PURE__ */ (() => z.strictObject({ contributionId: Id }))();
export type ContributionParams = z.infer<typeof ContributionParams>;
