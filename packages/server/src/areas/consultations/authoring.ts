// How an organisation's staff prepare, publish and run a consultation: drafts and their text (pasted and
// read into articles, or written), publication as version 1, new versions of the text with stable article
// ids, and an early close. A draft lives in `consultation_drafts` only; publishing writes the consultation
// to `consultations` (what every public route reads) with its first version and its articles in the same
// transaction, so a consultation is public whole or not at all.
// Who may act is `runsConsultationsOf` (the organisations area): staff of the consultation's organisation
// (the one of its issuing body's sector), or a platform admin.

import { randomUUID } from 'node:crypto';
import {
  type Account,
  type Article,
  type ArticleImport,
  type ArticleImportPreview,
  type AuditAction,
  articleNumberKey,
  type ConsultationDraft,
  type ConsultationDraftFields,
  type ConsultationPhaseDates,
  type CreateConsultationDraft,
  closeConsultation,
  consultationPublicationProblems,
  createConsultationDraft,
  DISPLAY_TIME_ZONE,
  type DocumentSection,
  type DocumentVersion,
  type DraftArticle,
  type DraftSection,
  type DraftText,
  getConsultationDraft,
  importArticles,
  importConsultationText,
  type Locale,
  type LocalizedText,
  listManagedConsultations,
  type ManagedConsultation,
  type Organisation,
  publishConsultationDraft,
  publishConsultationVersion,
  textPublicationProblems,
  type UpdateConsultationDraft,
  updateConsultationDraft,
} from '@nassij/contract';
import { audit, auditReason } from '../../db/audit.js';
import type { Db } from '../../db/db.js';
import {
  checkDraftIfMatch,
  type DraftRow,
  draftAnswer,
  draftOfRow,
  insertDraft,
  markDraftPublished,
  mergeDraftFields,
  newDraftId,
  nextPublishedReference,
  readSavedDraftRow,
  readStaffDraft,
  requirePublishable,
  writeDraftFields,
} from '../../db/drafts.js';
import { recordEvent } from '../../events/log.js';
import type { ApiApp, HandlerInput } from '../../http/app.js';
import { problem } from '../../http/problem.js';
import { indexForSearch } from '../../search/search.js';
import type { Area } from '../area.js';
import { organisationIdOf, runsConsultationsOf } from '../organisations/organisation.js';
import { readOrganisation } from '../organisations/store.js';
import {
  contributionsByState,
  contributionsOnArticles,
  countConsultationVersions,
  managedConsultationPage,
  versionCounts,
  writeConsultationClosure,
  writeConsultationVersion,
} from './authoring-store.js';
import {
  consultationPhaseAt,
  findConsultation,
  insertConsultation,
  readConsultation,
  readVersion,
  type StoredConsultation,
} from './store.js';

function forbidden(): never {
  throw problem('forbidden', 'Only the staff of the organisation that holds this consultation may do this');
}

function draftOf(row: DraftRow, now: Date): ConsultationDraft {
  return draftOfRow(row, JSON.parse(row.fields) as ConsultationDraftFields, (fields) =>
    consultationPublicationProblems(fields, now.toISOString()),
  );
}

/** The draft of `id` for the staff who run its organisation's consultations: `404` unknown, `403` others. */
async function staffDraft(db: Db, auth: Account | null, id: string): Promise<DraftRow> {
  return await readStaffDraft(db, 'consultation_drafts', id, {
    notFound: `No draft consultation ${id}`,
    allowed: (organisationId) => runsConsultationsOf(auth, organisationId),
    forbidden,
  });
}

/** A published consultation for the staff who run it (by id or reference): `404` unknown, `403` others. */
async function staffConsultation(
  db: Db,
  auth: Account | null,
  idOrReference: string,
  now: Date,
): Promise<StoredConsultation> {
  const consultation = await findConsultation(db, idOrReference, now);
  if (!consultation) throw problem('not_found', `No published consultation ${idOrReference}`);
  if (!runsConsultationsOf(auth, organisationIdOf(consultation.issuingBody.sectorCode))) forbidden();
  return consultation;
}

/** A new id for an article or a section: unique in practice, and never one an earlier version used. */
function newId(prefix: 'art' | 'sec'): string {
  return `${prefix}_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
}

/** The text with an id on every section and article (new ones get one; given ones are kept). */
function withIds(text: DraftText): DraftText {
  return {
    ...text,
    sections: text.sections.map((section) => ({
      ...section,
      id: section.id ?? newId('sec'),
      articles: section.articles.map((article) => ({ ...article, id: article.id ?? newId('art') })),
    })),
  };
}

/** Who acted, when, and in which request: what every audit line of a staff action carries. */
interface Actor {
  auth: Account | null;
  now: Date;
  requestId: string;
}

/** Appends the audit line of a staff action on a consultation (in the transaction of the change). */
async function auditConsultation(
  db: Db,
  actor: Actor,
  action: AuditAction,
  consultationId: string,
  details: Record<string, unknown> & { organisationId: string },
  reason?: string,
): Promise<void> {
  await audit(db, {
    at: actor.now,
    accountId: actor.auth?.id ?? null,
    action,
    targetType: 'consultation',
    targetId: consultationId,
    requestId: actor.requestId,
    ...(reason ? { reason } : {}),
    details,
  });
}

/** The draft a handler has just written, as the API shows it. */
async function reloadDraft(db: Db, id: string, now: Date): Promise<ConsultationDraft> {
  return draftOf(await readSavedDraftRow(db, 'consultation_drafts', id), now);
}

/**
 * `consultations.create`: a new draft for the caller's organisation (a platform admin names one). The draft
 * is never public; its `problems` say what publishing would refuse.
 *
 * @example
 * ```ts
 * app.bind(createConsultationDraft, createConsultationDraftHandler);
 * ```
 */
export async function createConsultationDraftHandler({
  body,
  auth,
  db,
  now,
  requestId,
}: HandlerInput<typeof createConsultationDraft>) {
  const { organisationId: named, ...fields } = body as CreateConsultationDraft;
  const organisationId = named ?? auth?.organisationId;
  if (!organisationId)
    throw problem('validation_failed', 'Name the organisation the consultation belongs to', {
      errors: [
        { path: '/organisationId', in: 'body', code: 'required', message: 'The organisation is required' },
      ],
    });
  if (!runsConsultationsOf(auth, organisationId)) forbidden();
  if (!(await readOrganisation(db, organisationId)))
    throw problem('not_found', `No organisation ${organisationId}`);
  const id = newDraftId('consultation_drafts');
  const at = now.toISOString();
  const stored: ConsultationDraftFields = fields.text ? { ...fields, text: withIds(fields.text) } : fields;
  await insertDraft(db, 'consultation_drafts', {
    id,
    organisationId,
    at,
    createdBy: auth?.id ?? null,
    fields: stored,
  });
  await auditConsultation(db, { auth, now, requestId }, 'consultation.create', id, { organisationId });
  return draftAnswer(await reloadDraft(db, id, now), `/v1/consultations/drafts/${id}`);
}

/**
 * `consultations.getDraft`: the draft (or, once published, the fields it was published with) for its staff.
 *
 * @example
 * ```ts
 * app.bind(getConsultationDraft, getConsultationDraftHandler);
 * ```
 */
export async function getConsultationDraftHandler({
  params,
  auth,
  db,
  now,
}: HandlerInput<typeof getConsultationDraft>) {
  return draftAnswer(draftOf(await staffDraft(db, auth, params.consultationId), now));
}

/**
 * `consultations.update`: replaces the fields given (a `null` clears one) of a draft whose ETag `If-Match`
 * names; articles and sections without an id get one; `409 invalid_state` once published.
 *
 * @example
 * ```ts
 * app.bind(updateConsultationDraft, updateConsultationDraftHandler);
 * ```
 */
export async function updateConsultationDraftHandler({
  params,
  body,
  auth,
  db,
  now,
  requestId,
  c,
}: HandlerInput<typeof updateConsultationDraft>) {
  const row = await staffDraft(db, auth, params.consultationId);
  const current = draftOf(row, now);
  checkDraftIfMatch(c, current, 'required');
  if (row.state !== 'draft')
    throw problem(
      'invalid_state',
      'The consultation is published: publish a new version of its text instead',
    );
  const fields = mergeDraftFields(current.fields, body as UpdateConsultationDraft, (name, value) =>
    name === 'text' ? withIds(value as DraftText) : value,
  );
  await writeDraftFields(db, 'consultation_drafts', row.id, fields, now.toISOString());
  await auditConsultation(db, { auth, now, requestId }, 'consultation.update', row.id, {
    organisationId: row.organisation_id,
    fields: Object.keys(body as object),
  });
  return draftAnswer(await reloadDraft(db, row.id, now));
}

function withText(text: LocalizedText | undefined, locale: Locale, value: string | undefined) {
  const trimmed = value?.trim();
  return trimmed ? { ...(text ?? {}), [locale]: trimmed } : text;
}

function importedArticle(
  imported: ArticleImport['articles'][number],
  locale: Locale,
  into?: DraftArticle,
): DraftArticle {
  const heading = withText(into?.heading, locale, imported.heading);
  // Every imported article has a body: the handler refuses a text with an empty one first.
  const body = withText(into?.body, locale, imported.body) as LocalizedText;
  return {
    ...(into?.id ? { id: into.id } : {}),
    number: into?.number ?? imported.number,
    ...(heading ? { heading } : {}),
    body,
  };
}

/**
 * The draft's text after an import in `locale`: the imported text when `replace` (or when the draft has
 * none); otherwise each imported article fills the article whose number has the same key (`12 bis` is
 * `12 مكرر`), sections by position, new articles are added to their section, and nothing is removed.
 */
function mergeImport(
  existing: DraftText | undefined,
  imported: ArticleImport,
  locale: Locale,
  replace: boolean,
): DraftText {
  const preamble = withText(replace ? undefined : existing?.preamble, locale, imported.preamble);
  const fresh = (section: ArticleImport['sections'][number]): DraftSection => {
    const heading = withText(undefined, locale, section.heading);
    return {
      ...(heading ? { heading } : {}),
      articles: section.articles.map((article) => importedArticle(article, locale)),
    };
  };
  const hasArticles = existing?.sections.some((section) => section.articles.length > 0) ?? false;
  if (replace || !existing || !hasArticles)
    return withIds({ ...(preamble ? { preamble } : {}), sections: imported.sections.map(fresh) });
  const sections: DraftSection[] = existing.sections.map((section) => ({
    ...section,
    articles: [...section.articles],
  }));
  const byKey = new Map<string, { section: number; article: number }>();
  sections.forEach((section, s) => {
    section.articles.forEach((article, a) => {
      byKey.set(articleNumberKey(article.number), { section: s, article: a });
    });
  });
  imported.sections.forEach((importedSection, index) => {
    let target = sections[index];
    if (target) {
      const heading = withText(target.heading, locale, importedSection.heading);
      if (heading) target.heading = heading;
    }
    for (const article of importedSection.articles) {
      const found = byKey.get(article.key);
      const foundSection = found ? sections[found.section] : undefined;
      if (found && foundSection) {
        foundSection.articles[found.article] = importedArticle(
          article,
          locale,
          foundSection.articles[found.article],
        );
        continue;
      }
      if (!target) {
        target = { ...fresh({ ...importedSection, articles: [] }), articles: [] };
        sections.push(target);
      }
      target.articles.push(importedArticle(article, locale));
      byKey.set(article.key, { section: sections.indexOf(target), article: target.articles.length - 1 });
    }
  });
  return withIds({ ...(preamble ? { preamble } : {}), sections });
}

/** What the author sees when no article was found. */
function previewOf(imported: ArticleImport): ArticleImportPreview {
  return {
    articles: imported.articles.length,
    lineCount: imported.unmatched.lineCount,
    headings: imported.unmatched.headings.slice(0, 50),
    preamble: imported.preamble.slice(0, 2000),
  };
}

/** The longest text of one article in one language the contract accepts. */
const ARTICLE_TEXT_MAX = 20_000;

/**
 * `consultations.importText`: reads pasted text into the draft's articles (`shared/article-import.ts`, the
 * function the editor previews with); `422 no_articles_detected` with what was found when no article
 * heading is recognised, and the draft unchanged.
 *
 * @example
 * ```ts
 * app.bind(importConsultationText, importConsultationTextHandler);
 * ```
 */
export async function importConsultationTextHandler({
  params,
  body,
  auth,
  db,
  now,
  requestId,
  c,
}: HandlerInput<typeof importConsultationText>) {
  const row = await staffDraft(db, auth, params.consultationId);
  const current = draftOf(row, now);
  checkDraftIfMatch(c, current, 'when-sent');
  if (row.state !== 'draft')
    throw problem(
      'invalid_state',
      'The consultation is published: publish a new version of its text instead',
    );
  const imported = importArticles(body.text, { format: body.format });
  if (imported.articles.length === 0)
    throw problem(
      'no_articles_detected',
      'No article heading ("Article 1", "المادة 1", "ⴰⵎⴰⴳⵔⴰⴷ 1"…) was found in the text',
      { current: previewOf(imported) },
    );
  const empty = imported.articles.filter((article) => !article.body.trim());
  if (empty.length > 0)
    throw problem('validation_failed', 'Some articles have no text', {
      errors: empty.map((article) => ({
        path: '/text',
        in: 'body' as const,
        code: 'required' as const,
        message: `Article ${article.number} (line ${article.line}) has no text`,
        params: { number: article.number, line: article.line },
      })),
    });
  const tooLong = imported.articles.find(
    (article) => article.body.length > ARTICLE_TEXT_MAX || (article.heading?.length ?? 0) > ARTICLE_TEXT_MAX,
  );
  if (tooLong)
    throw problem('validation_failed', `Article ${tooLong.number} is too long`, {
      errors: [
        {
          path: '/text',
          in: 'body',
          code: 'too_long',
          message: `Article ${tooLong.number} (line ${tooLong.line}) is longer than ${ARTICLE_TEXT_MAX} characters`,
          params: { maximum: ARTICLE_TEXT_MAX, line: tooLong.line },
        },
      ],
    });
  const text = mergeImport(current.fields.text, imported, body.locale, body.replace ?? false);
  await writeDraftFields(db, 'consultation_drafts', row.id, { ...current.fields, text }, now.toISOString());
  await auditConsultation(db, { auth, now, requestId }, 'consultation.importText', row.id, {
    organisationId: row.organisation_id,
    locale: body.locale,
    articles: imported.articles.length,
    replace: body.replace ?? false,
  });
  return draftAnswer(await reloadDraft(db, row.id, now));
}

/** The public label of version `n` of a text. */
function versionLabel(n: number): LocalizedText {
  return { ar: `الصيغة ${n}`, fr: `Version ${n}`, en: `Version ${n}`, zgh: `ⵜⴰⵏⵖⵍⴰ ${n}` };
}

/** The sections of a checked text as published (a section without heading takes the consultation's title). */
function publishedSections(text: DraftText, title: LocalizedText): DocumentSection[] {
  return withIds(text).sections.map((section) => ({
    id: section.id as string,
    heading: section.heading ?? title,
    articles: section.articles.map((article) => ({
      id: article.id as string,
      number: article.number,
      ...(article.heading ? { heading: article.heading } : {}),
      body: article.body,
    })),
  }));
}

/** The phase dates of a consultation from the starts its staff set. */
function phaseDates(phases: NonNullable<ConsultationDraftFields['phases']>): ConsultationPhaseDates[] {
  const period = (start: string, end?: string) => ({ start, ...(end ? { end } : {}) });
  const out: ConsultationPhaseDates[] = [];
  if (phases.information)
    out.push({
      phase: 'information',
      period: period(phases.information, phases.contributions_open),
      timeZone: DISPLAY_TIME_ZONE,
    });
  if (phases.contributions_open)
    out.push({
      phase: 'contributions_open',
      period: period(phases.contributions_open, phases.closed),
      timeZone: DISPLAY_TIME_ZONE,
    });
  if (phases.closed)
    out.push({ phase: 'closed', period: period(phases.closed), timeZone: DISPLAY_TIME_ZONE });
  return out;
}

/** The consultation that publishing `fields` makes (every field checked by the publication check first). */
function consultationFromFields(
  fields: ConsultationDraftFields,
  base: { id: string; reference: string; organisation: Organisation; publishedAt: string; now: Date },
): { consultation: StoredConsultation; version: DocumentVersion } {
  const required = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`A checked draft lacks ${name}`);
    return value;
  };
  const title = required(fields.title, 'title');
  const phases = phaseDates(required(fields.phases, 'phases'));
  const label = versionLabel(1);
  const version: DocumentVersion = {
    id: 'v1',
    consultationId: base.id,
    label,
    publishedAt: base.publishedAt,
    sections: publishedSections(required(fields.text, 'text'), title),
  };
  const scope = required(fields.scope, 'scope');
  return {
    version,
    consultation: {
      id: base.id,
      reference: base.reference,
      title,
      summary: required(fields.summary, 'summary'),
      issuingBody: { sectorCode: base.organisation.sectorCode, name: base.organisation.name },
      scope,
      ...(scope !== 'national' && fields.region ? { region: fields.region } : {}),
      subjectType: required(fields.subjectType, 'subjectType'),
      participationMode: required(fields.participationMode, 'participationMode'),
      phase: consultationPhaseAt(phases, false, base.now),
      phases,
      currentVersionId: version.id,
      versions: [{ id: version.id, label, publishedAt: base.publishedAt }],
      questions: fields.questions ?? [],
      documents: fields.documents ?? [],
      domains: required(fields.domains, 'domains'),
    },
  };
}

async function publicConsultation(db: Db, id: string, now: Date) {
  const consultation = await readConsultation(db, id, now);
  if (!consultation) throw new Error(`The consultation ${id} just written is missing`);
  return consultation;
}

/**
 * `consultations.publish`: publishes a complete draft: the consultation, its text as version 1 and its
 * articles, in one transaction, then `consultation.version_published`; `422` names every missing or wrong
 * field and publishes nothing.
 *
 * @example
 * ```ts
 * app.bind(publishConsultationDraft, publishConsultationDraftHandler);
 * ```
 */
export async function publishConsultationDraftHandler({
  params,
  auth,
  db,
  now,
  requestId,
  c,
}: HandlerInput<typeof publishConsultationDraft>) {
  const row = await staffDraft(db, auth, params.consultationId);
  const draft = draftOf(row, now);
  checkDraftIfMatch(c, draft, 'when-sent');
  if (row.state !== 'draft') throw problem('invalid_state', 'The consultation is already published');
  requirePublishable(draft, 'The consultation is not complete enough to publish');
  const organisation = await readOrganisation(db, row.organisation_id);
  if (!organisation) throw problem('not_found', `No organisation ${row.organisation_id}`);
  const at = now.toISOString();
  await db.atomic(async () => {
    const { consultation, version } = consultationFromFields(draft.fields, {
      id: row.id,
      // `MA-CONS-2027-0008`: the year's next number, as the seed numbers them.
      reference: await nextPublishedReference(db, 'consultation_drafts', `MA-CONS-${at.slice(0, 4)}-`),
      organisation,
      publishedAt: at,
      now,
    });
    await insertConsultation(db, { consultation, createdAt: at, versions: [version] });
    await markDraftPublished(db, 'consultation_drafts', row.id, at);
    await auditConsultation(db, { auth, now, requestId }, 'consultation.publish', row.id, {
      organisationId: organisation.id,
      reference: consultation.reference,
      versionId: version.id,
    });
    await recordEvent(db, 'consultation.version_published', {
      consultationId: consultation.id,
      reference: consultation.reference,
      versionId: version.id,
      organisationId: organisation.id,
      publishedAt: at,
    });
  });
  return { body: await publicConsultation(db, row.id, now) };
}

function sameText(a: Pick<Article, 'heading' | 'body'>, b: Pick<Article, 'heading' | 'body'>): boolean {
  return JSON.stringify([a.heading, a.body]) === JSON.stringify([b.heading, b.body]);
}

/**
 * `consultations.publishVersion`: a new version of the text. Articles that keep their id stay the same
 * articles (their contributions and counts follow them, `consultation_articles.last_version_id` records
 * the latest version holding each); articles without an id are new. Removing an article with contributions
 * needs `removedArticles[id] = 'keep_contributions'` (`409 removed_article_has_contributions` otherwise,
 * naming each). Refused once the synthesis is published.
 *
 * @example
 * ```ts
 * app.bind(publishConsultationVersion, publishConsultationVersionHandler);
 * ```
 */
export async function publishConsultationVersionHandler({
  params,
  body,
  auth,
  db,
  now,
  requestId,
}: HandlerInput<typeof publishConsultationVersion>) {
  const consultation = await staffConsultation(db, auth, params.consultationId, now);
  if (consultation.phase === 'synthesis_published')
    throw problem('invalid_state', 'The synthesis is published: the text no longer changes');
  const problems = textPublicationProblems(body.text, '/text');
  if (problems.length > 0)
    throw problem('validation_failed', 'The new text is not complete enough to publish', {
      errors: problems.map((error) => ({ ...error, in: 'body' as const })),
    });
  const current = await readVersion(db, consultation.id, consultation.currentVersionId);
  if (!current) throw new Error(`The current version of ${consultation.id} is missing`);
  const sections = publishedSections(body.text, consultation.title);
  const kept = new Set(sections.flatMap((section) => section.articles.map((article) => article.id)));
  const before = new Map(
    current.sections.flatMap((section) => section.articles).map((article) => [article.id, article]),
  );
  const removed = [...before.keys()].filter((id) => !kept.has(id));
  const held = await contributionsOnArticles(db, consultation.id, removed);
  const refused = [...held].filter(([id]) => body.removedArticles?.[id] !== 'keep_contributions');
  if (refused.length > 0)
    throw problem(
      'removed_article_has_contributions',
      `Removed articles have contributions: ${refused.map(([id]) => id).join(', ')}. Keep them, or say keep_contributions for each.`,
      {
        errors: refused.map(([id, n]) => ({
          path: `/removedArticles/${id}`,
          in: 'body' as const,
          code: 'required' as const,
          message: `Article ${before.get(id)?.number ?? id} has ${n} contributions`,
          params: { articleId: id, number: before.get(id)?.number ?? id, contributions: n },
        })),
      },
    );
  const at = now.toISOString();
  const position = await countConsultationVersions(db, consultation.id);
  let n = position + 1;
  const taken = new Set(consultation.versions.map((version) => version.id));
  while (taken.has(`v${n}`)) n++;
  const versionId = `v${n}`;
  const label = body.label ?? versionLabel(n);
  const version: DocumentVersion = {
    id: versionId,
    consultationId: consultation.id,
    label,
    publishedAt: at,
    sections: sections.map((section) => ({
      ...section,
      articles: section.articles.map((article) => {
        const old = before.get(article.id);
        return { ...article, changed: !old ? 'added' : sameText(old, article) ? 'unchanged' : 'modified' };
      }),
    })),
  };
  const stored: StoredConsultation = {
    ...consultation,
    currentVersionId: versionId,
    versions: [
      ...consultation.versions,
      { id: versionId, label, publishedAt: at, changeSummary: body.changeSummary },
    ],
  };
  const organisationId = organisationIdOf(consultation.issuingBody.sectorCode);
  await db.atomic(async () => {
    await writeConsultationVersion(db, {
      consultationId: consultation.id,
      versionId,
      position,
      at,
      version: JSON.stringify(version),
      articleIds: kept,
      consultation: JSON.stringify(stored),
    });
    await indexForSearch(db, 'consultation', consultation.id, [
      stored.reference,
      stored.title,
      stored.summary,
      stored.issuingBody.name,
      ...sections.map((section) => section.heading),
    ]);
    await auditConsultation(
      db,
      { auth, now, requestId },
      'consultation.publishVersion',
      consultation.id,
      {
        organisationId,
        versionId,
        added: version.sections
          .flatMap((s) => s.articles)
          .filter((a) => a.changed === 'added')
          .map((a) => a.id),
        modified: version.sections
          .flatMap((s) => s.articles)
          .filter((a) => a.changed === 'modified')
          .map((a) => a.id),
        removed,
        removedWithContributions: [...held.keys()],
      },
      auditReason(body.changeSummary),
    );
    await recordEvent(db, 'consultation.version_published', {
      consultationId: consultation.id,
      reference: consultation.reference,
      versionId,
      organisationId,
      publishedAt: at,
    });
  });
  return { status: 201, body: await publicConsultation(db, consultation.id, now) };
}

/**
 * `consultations.close`: closes contributions now, before their planned end, with the public reason (kept
 * in `consultations.closure` and the audit log). A phase that had not started yet is dropped.
 *
 * @example
 * ```ts
 * app.bind(closeConsultation, closeConsultationHandler);
 * ```
 */
export async function closeConsultationHandler({
  params,
  body,
  auth,
  db,
  now,
  requestId,
}: HandlerInput<typeof closeConsultation>) {
  const consultation = await staffConsultation(db, auth, params.consultationId, now);
  if (!['upcoming', 'information', 'contributions_open'].includes(consultation.phase))
    throw problem('invalid_state', `Contributions are already closed (${consultation.phase})`);
  const at = now.toISOString();
  const phases: ConsultationPhaseDates[] = [];
  for (const phase of consultation.phases) {
    if (phase.phase === 'closed' || phase.phase === 'synthesis_published') continue;
    if (phase.period.start > at) continue; // never started: it no longer happens
    const end = phase.period.end !== undefined && phase.period.end < at ? phase.period.end : at;
    phases.push({ ...phase, period: { start: phase.period.start, end } });
  }
  phases.push({ phase: 'closed', period: { start: at }, timeZone: DISPLAY_TIME_ZONE });
  const stored: StoredConsultation = { ...consultation, phase: 'closed', phases };
  const open = phases.find((phase) => phase.phase === 'contributions_open');
  const information = phases.find((phase) => phase.phase === 'information');
  const organisationId = organisationIdOf(consultation.issuingBody.sectorCode);
  await writeConsultationClosure(db, consultation.id, {
    openAt: open?.period.start ?? null,
    closedAt: at,
    informationAt: information?.period.start ?? null,
    closure: JSON.stringify({ at, reason: body.reason }),
    data: JSON.stringify(stored),
  });
  await auditConsultation(
    db,
    { auth, now, requestId },
    'consultation.close',
    consultation.id,
    { organisationId, phaseBefore: consultation.phase },
    auditReason(body.reason),
  );
  return { body: await publicConsultation(db, consultation.id, now) };
}

/**
 * `consultations.managed`: an organisation's consultations, drafts included, most recently changed first,
 * each with its phase at the request's clock and its contributions by moderation state, for its staff.
 * Consultations published outside the staff's routes (the demo seed) are listed by their issuing body.
 *
 * @example
 * ```ts
 * app.bind(listManagedConsultations, listManagedConsultationsHandler);
 * ```
 */
export async function listManagedConsultationsHandler({
  params,
  query,
  auth,
  db,
  now,
}: HandlerInput<typeof listManagedConsultations>) {
  const organisation = await readOrganisation(db, params.organisationId);
  if (!organisation) throw problem('not_found', `No organisation ${params.organisationId}`);
  if (!runsConsultationsOf(auth, params.organisationId)) forbidden();
  const page = await managedConsultationPage(db, {
    organisationId: params.organisationId,
    sectorCode: organisation.sectorCode,
    state: query.state,
    cursor: query.cursor,
    limit: query.limit,
  });
  const ids = page.items.map((row) => row.id);
  const [counts, versions] = await Promise.all([contributionsByState(db, ids), versionCounts(db, ids)]);
  const items: ManagedConsultation[] = page.items.map((row) => {
    const published = row.data ? (JSON.parse(row.data) as StoredConsultation) : undefined;
    const fields = published ? undefined : (JSON.parse(row.fields ?? '{}') as ConsultationDraftFields);
    const title = published?.title ?? fields?.title;
    const closeAt = published
      ? (published.phases.find((p) => p.phase === 'contributions_open')?.period.end ??
        published.phases.find((p) => p.phase === 'closed')?.period.start)
      : fields?.phases?.closed;
    return {
      id: row.id,
      organisationId: params.organisationId,
      state: published ? 'published' : 'draft',
      ...(published
        ? {
            phase: consultationPhaseAt(published.phases, row.synthesis !== null, now),
            reference: published.reference,
          }
        : {}),
      ...(title ? { title } : {}),
      ...(closeAt ? { contributionsCloseAt: closeAt } : {}),
      versions: versions.get(row.id) ?? 0,
      updatedAt: row.updated_at,
      problemCount: fields ? consultationPublicationProblems(fields, now.toISOString()).length : 0,
      contributions: counts.get(row.id) ?? { pending: 0, published: 0, hidden: 0 },
    };
  });
  return { body: { items, nextCursor: page.nextCursor } };
}

/**
 * Binds the routes of the staff who run consultations.
 *
 * @example
 * ```ts
 * registerConsultationAuthoringRoutes(app);
 * ```
 */
export function registerConsultationAuthoringRoutes(app: ApiApp): void {
  app.bind(createConsultationDraft, createConsultationDraftHandler);
  app.bind(getConsultationDraft, getConsultationDraftHandler);
  app.bind(updateConsultationDraft, updateConsultationDraftHandler);
  app.bind(importConsultationText, importConsultationTextHandler);
  app.bind(publishConsultationDraft, publishConsultationDraftHandler);
  app.bind(publishConsultationVersion, publishConsultationVersionHandler);
  app.bind(closeConsultation, closeConsultationHandler);
  app.bind(listManagedConsultations, listManagedConsultationsHandler);
}

/**
 * The consultation authoring routes, as an area of their own (their table comes with the consultations
 * area's migration `044_consultation_authoring`).
 *
 * @example
 * ```ts
 * const AREAS: Area[] = [consultationsArea, consultationAuthoringArea];
 * ```
 */
export const consultationAuthoringArea: Area = {
  name: 'consultation-authoring',
  migrations: [],
  register: registerConsultationAuthoringRoutes,
};
