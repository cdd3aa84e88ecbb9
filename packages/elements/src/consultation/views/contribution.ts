import {
  type ArticleDiff,
  type Locale,
  type LocalizedText,
  pickText,
  REPORT_DETAIL_MAX,
  regionName,
  wordDiff,
} from '@nassij/contract';
import { html, nothing, type TemplateResult } from 'lit';
import { errorMessage, text } from '../../base/states.js';
import { reportContribution, showMoreReplies, toggleSupport } from '../contribution-actions.js';
import { articlesOf, type Item, POSITION_ICON, REPORT_REASONS } from '../model.js';
import type { NassijConsultation } from '../nassij-consultation.js';
import { diffLocalized, renderDiffLegend, renderWordDiff, scriptLocale } from './word-diff.js';

// One contribution: who, when, what, the official response, the support button, reporting, replies.

/** A contribution with its replies, and a button to read more of them when it has more than it carries. */
export function renderContribution(host: NassijConsultation, c: Item, open: boolean): TemplateResult {
  const replies = 'replies' in c ? (c.replies ?? []) : [];
  // Lists carry the first replies only; the rest come a page at a time (client mode).
  const more =
    'replyCount' in c && c.repliesNextCursor && host.resolvedClient
      ? (c.replyCount ?? 0) - replies.length
      : 0;
  const error = host.actionError?.id === c.id ? host.actionError.code : undefined;
  const response = c.officialResponse;
  const version = versionOf(host, c);
  return html`<li>
    <article part="contribution" class="contribution" data-id=${c.id} aria-label=${c.author.displayName}
      tabindex=${c.parentId ? '-1' : nothing}>
      <p class="meta">
        <strong class="author" dir="auto">${c.author.displayName}</strong>
        <span>${host.t(`cons.ptype.${c.author.participantType}`)}</span>
        ${c.author.region ? html`<span>${regionName(c.author.region, host.locale)}</span>` : nothing}
        <time datetime=${c.createdAt}>${host.fmt.date(c.createdAt)}</time>
        <span class="badge">${host.t(`cons.kind.${c.kind}`)}</span>
        ${version.older ? html`<span class="badge version-mark" data-version=${c.versionId}>${host.t('cons.onVersion', { number: String(version.number) })}</span>` : nothing}
        ${c.position ? html`<span class="position" data-position=${c.position}><span aria-hidden="true">${POSITION_ICON[c.position]} </span>${host.t(`cons.position.${c.position}`)}</span>` : nothing}
      </p>
      <p class="body user-text" dir="auto">${c.body}</p>
      ${c.proposedText ? html`<div class="proposal"><p class="label">${host.t('cons.form.proposed')}</p><ins class="user-text" dir="auto">${c.proposedText}</ins></div>` : nothing}
      ${version.removed ? html`<p class="removed-note" data-removed><span aria-hidden="true">⊖ </span>${host.t('cons.since.removed')}</p>` : nothing}
      ${renderAmendmentDiff(host, c, version)} ${renderSince(host, c, version)}
      ${
        response
          ? html`<section class="response" aria-label=${host.t('cons.response.title')}>
              <p class="label">${host.t('cons.response.title')} — ${text(host, response.by)}, <time datetime=${response.respondedAt}>${host.fmt.date(response.respondedAt)}</time></p>
              <p>${text(host, response.body)}</p>
            </section>`
          : nothing
      }
      <p class="actions">
        ${renderSupport(host, c, open)}
        <button class="nassij-button report" data-variant="secondary" part="button" type="button"
          aria-expanded=${host.reporting === c.id ? 'true' : 'false'}
          @click=${() => {
            host.reporting = host.reporting === c.id ? undefined : c.id;
          }}>${host.t('cons.report.action')}</button>
      </p>
      ${error ? html`<p role="alert" class="error">${errorMessage(host, error)}</p>` : nothing}
      ${host.reporting === c.id ? renderReport(host, c) : nothing}
      ${replies.length ? html`<ul class="replies" aria-label=${host.t('cons.replies')}>${replies.map((r) => renderContribution(host, r, open))}</ul>` : nothing}
      ${
        more > 0 && 'replyCount' in c
          ? html`<button class="nassij-button more-replies" data-variant="secondary" part="button" type="button"
              @click=${() => showMoreReplies(host, c)}>${host.t('cons.replies.more', { count: more })}</button>`
          : nothing
      }
    </article>
  </li>`;
}

/** Where a contribution stands against the current text. */
interface VersionPlace {
  /** Written on a version older than the current one (then `number` is that version's, from 1). */
  older: boolean;
  number: number;
  /** Its article is not in the current version any more. */
  removed: boolean;
  /** What became of its article since its version, once that comparison is known. */
  change: ArticleDiff | undefined;
  /** Whether `change` is known (always for the current version; for an older one once compared). */
  known: boolean;
}

function versionOf(host: NassijConsultation, c: Item): VersionPlace {
  const data = host.data;
  const index = data?.versions.findIndex((v) => v.id === c.versionId) ?? -1;
  const older = Boolean(c.versionId && data && c.versionId !== data.currentVersionId && index >= 0);
  const removed = Boolean(
    c.articleId && data?.text && !articlesOf(data.text).some((a) => a.id === c.articleId),
  );
  const since = older && c.versionId ? host.sinceDiff(c.versionId) : undefined;
  const change = since?.articles.find((a) => a.articleId === c.articleId);
  return { older, number: index + 1, removed, change, known: !older || since !== undefined };
}

/** Under a newer version: what changed in the article since the contribution was written, on demand. */
function renderSince(host: NassijConsultation, c: Item, place: VersionPlace): unknown {
  const change = place.change;
  if (!place.older || change?.change !== 'modified' || !change.before || !change.after) return nothing;
  const { parts, lang } = diffLocalized(host.locale, change.before, change.after);
  return html`<details class="since" data-since=${c.versionId ?? ''}>
    <summary>${host.t('cons.since.summary', { number: String(place.number) })}</summary>
    ${renderDiffLegend(host)} ${renderWordDiff(host, parts, lang)}
  </details>`;
}

/**
 * An amendment's proposed wording against the article it amends, as that article read when the amendment was
 * written (its version), in the language the amendment is written in.
 */
function renderAmendmentDiff(host: NassijConsultation, c: Item, place: VersionPlace): unknown {
  if (!c.proposedText || !c.articleId || !place.known) return nothing;
  const body: LocalizedText | undefined =
    place.change?.before ??
    articlesOf(host.data?.text).find((a) => a.id === c.articleId)?.body ??
    articlesOf(host.versionText).find((a) => a.id === c.articleId)?.body;
  if (!body) return nothing;
  const lang = scriptLocale(c.proposedText, Object.keys(body) as Locale[]) ?? host.locale;
  const article = pickText(body, lang);
  return html`<details class="amendment-diff">
    <summary>${host.t('cons.amendment.compare')}</summary>
    ${renderDiffLegend(host)} ${renderWordDiff(host, wordDiff(article.text, c.proposedText), article.locale)}
  </details>`;
}

/**
 * The support toggle: a fixed label ("Support") and `aria-pressed`, so a screen reader states the state
 * once; pressing it again withdraws the support. The count sits beside it (it describes the button) so
 * that a new count never changes the button's name.
 */
function renderSupport(host: NassijConsultation, c: Item, open: boolean): TemplateResult {
  const count = `supports-${c.id}`;
  return html`<button class="nassij-button support" data-variant="secondary" part="button" type="button"
    ?disabled=${!open} aria-pressed=${c.supportedByMe === true ? 'true' : 'false'} aria-describedby=${count}
    @click=${() => toggleSupport(host, c)}>${host.t('cons.support.action')}</button>
    <span class="supports" id=${count}>${host.t('cons.support.count', { count: c.supports })}</span>`;
}

function renderReport(host: NassijConsultation, c: Item): TemplateResult {
  const id = `report-${c.id}`;
  return html`<form class="report-form" @submit=${(e: SubmitEvent) => reportContribution(host, e, c)}>
    <p>
      <label for=${`${id}-reason`}>${host.t('cons.report.reason')}</label>
      <select id=${`${id}-reason`} name="reason" class="nassij-input">
        ${REPORT_REASONS.map((r) => html`<option value=${r}>${host.t(`cons.reason.${r}`)}</option>`)}
      </select>
    </p>
    <p>
      <label for=${`${id}-detail`}>${host.t('cons.report.detail')}</label>
      <textarea id=${`${id}-detail`} name="detail" class="nassij-input" maxlength=${REPORT_DETAIL_MAX}></textarea>
    </p>
    <button class="nassij-button" part="button" type="submit">${host.t('cons.report.send')}</button>
  </form>`;
}
