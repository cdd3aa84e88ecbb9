import type { FieldError, Locale, SynthesisCandidate } from '@nassij/contract';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { text } from '../../base/states.js';
import { articlesOf } from '../../consultation/model.js';
import { renderSynthesisPage } from '../../consultation/views/synthesis-page.js';
import {
  hasMore,
  isReportUrl,
  LANGUAGES,
  type LoadedCandidateGroup,
  OUTCOMES,
  previewOf,
  type TypedText,
} from '../model.js';
import type { LoadedSynthesis, NassijSynthesisEditor } from '../nassij-synthesis-editor.js';

// The synthesis being written: the overall summary, then per article its summary and its recommendations and
// amendments, each with an outcome and a reason. Each control's id is derived from the path the API names it
// by (`/decisions/ctb_000004/outcome` → `se-ctb_000004-outcome`, see `anchorOf`), so the error summary links
// to it. Also the preview and the published page, drawn with the public widget's synthesis template.

type Problems = readonly FieldError[];
type Group = LoadedCandidateGroup;

/** The name of an article group: "Article 5", a removed article, or the whole text. */
function groupName(
  host: NassijSynthesisEditor,
  group: Pick<Group, 'articleId' | 'number' | 'removed'>,
): string {
  if (!group.articleId) return host.t('se.whole');
  if (group.removed) return host.t('se.article.removed', { number: group.number ?? group.articleId });
  return host.t('se.article', { number: group.number ?? group.articleId });
}

/** "Article 5, amendment (Association Amal)": how a row is named in the error summary and to screen readers. */
function itemName(host: NassijSynthesisEditor, group: Group, candidate: SynthesisCandidate): string {
  return host.t('se.item', {
    article: groupName(host, group),
    kind: host.t(`se.kind.${candidate.kind}`),
    author: candidate.author.displayName,
  });
}

/**
 * What a problem says, in the reader's language: "Article 5, amendment (Amal): no outcome chosen".
 *
 * @example
 * ```ts
 * problemText(editor, loaded, { path: '/summary', code: 'required', message: 'Required' }); // 'Overall summary: required'
 * ```
 */
export function problemText(
  host: NassijSynthesisEditor,
  loaded: LoadedSynthesis,
  problem: FieldError,
): string {
  const [, top, id, field] = problem.path.split('/');
  if (top !== 'decisions' || !id) return host.t('se.problem.summary');
  for (const group of loaded.candidates.groups) {
    const candidate = group.candidates.find((c) => c.contributionId === id);
    if (candidate)
      return host.t(field === 'reason' ? 'se.problem.reason' : 'se.problem.outcome', {
        item: itemName(host, group, candidate),
      });
  }
  // A candidate on a page not loaded yet: named by its id until its row is shown.
  return host.t(field === 'reason' ? 'se.problem.reason' : 'se.problem.outcome', {
    item: host.t('se.problem.unloaded', { id }),
  });
}

/**
 * A text in several languages: Arabic and French, then Tamazight and English behind a disclosure (open when
 * one of them is written). `id` names the controls (`<id>-ar`…).
 */
function localized(
  host: NassijSynthesisEditor,
  options: {
    id: string;
    label: string;
    value: TypedText | undefined;
    onInput: (value: TypedText) => void;
    error?: string | undefined;
    hint?: string | undefined;
  },
): TemplateResult {
  const input = (language: Locale) => {
    const id = `${options.id}-${language}`;
    const error = language === 'ar' && options.error ? `${options.id}-error` : '';
    const hint = options.hint ? `${options.id}-hint` : '';
    const described = [hint, error].filter(Boolean).join(' ');
    return html`<div class="field">
      <label for=${id}>${options.label} — ${host.t(`se.lang.${language}`)}</label>
      <textarea class="nassij-input" id=${id} rows="3" maxlength="20000" lang=${language}
        dir=${language === 'ar' ? 'rtl' : 'ltr'} aria-invalid=${error ? 'true' : nothing}
        aria-describedby=${described || nothing} .value=${live(options.value?.[language] ?? '')}
        @input=${(event: Event) =>
          options.onInput({
            ...options.value,
            [language]: (event.target as HTMLTextAreaElement).value,
          })}></textarea>
    </div>`;
  };
  const more = LANGUAGES.slice(2).some((language) => options.value?.[language]?.trim());
  return html`<div class="localized">
    ${options.hint ? html`<p class="hint" id="${options.id}-hint">${options.hint}</p>` : nothing}
    ${options.error ? html`<p class="field-error" id="${options.id}-error">${options.error}</p>` : nothing}
    ${input('ar')} ${input('fr')}
    <details ?open=${more}>
      <summary>${host.t('se.lang.more', { label: options.label })}</summary>
      ${input('zgh')} ${input('en')}
    </details>
  </div>`;
}

/**
 * The overall summary (required) and the link to the full report (optional, sent once it is a whole
 * address).
 *
 * @example
 * ```ts
 * html`${renderSummaryFields(editor, editor.showErrors ? editor.problems : [])}`;
 * ```
 */
export function renderSummaryFields(host: NassijSynthesisEditor, problems: Problems): TemplateResult {
  const fields = host.fields;
  const missing = problems.some((p) => p.path === '/summary' || p.path.startsWith('/summary/'));
  const url = fields.reportUrl;
  const badUrl = url.trim() !== '' && !isReportUrl(url);
  return html`<fieldset class="group summary">
    <legend>${host.t('se.summary')}</legend>
    ${localized(host, {
      id: 'se-summary',
      label: host.t('se.summary'),
      value: fields.summary,
      hint: host.t('se.summary.hint'),
      error: missing ? host.t('se.problem.summary') : undefined,
      onInput: (summary) => host.edit({ ...host.fields, summary }),
    })}
    <div class="field">
      <label for="se-report">${host.t('se.report')}</label>
      ${badUrl ? html`<p class="field-error" id="se-report-error">${host.t('se.report.invalid')}</p>` : nothing}
      <input class="nassij-input" id="se-report" type="url" dir="ltr" inputmode="url" autocomplete="url"
        aria-invalid=${badUrl ? 'true' : nothing} aria-describedby=${badUrl ? 'se-report-error' : nothing}
        .value=${live(url)} @input=${(event: Event) => host.edit({ ...host.fields, reportUrl: (event.target as HTMLInputElement).value })} />
    </div>
  </fieldset>`;
}

/**
 * Every article with recommendations or amendments: its summary, how many it has, its rows loaded so far
 * (most supported first), and a "Show more" button while some are not loaded.
 *
 * @example
 * ```ts
 * html`${renderGroups(editor, loaded, editor.showErrors ? editor.problems : [])}`;
 * ```
 */
export function renderGroups(
  host: NassijSynthesisEditor,
  loaded: LoadedSynthesis,
  problems: Problems,
): unknown {
  const articles = articlesOf(loaded.consultation.text);
  const missing = new Set(problems.map((p) => p.path));
  return loaded.candidates.groups.map((group, index) => {
    const headingId = `se-g-${index}`;
    const article = group.articleId ? articles.find((a) => a.id === group.articleId) : undefined;
    const name = groupName(host, group);
    return html`<section class="group" aria-labelledby=${headingId} data-article=${group.articleId ?? '-'}>
      <h3 id=${headingId}>${name}${article?.heading ? html` — ${text(host, article.heading)}` : nothing}</h3>
      ${
        article
          ? html`<details class="article-text"><summary>${host.t('se.article.text')}</summary>
              <p class="body">${text(host, article.body)}</p></details>`
          : nothing
      }
      ${
        group.articleId && !group.removed
          ? localized(host, {
              id: `se-a-${group.articleId}`,
              label: host.t('se.article.summary', { article: name }),
              value: host.fields.articles[group.articleId],
              onInput: (summary) =>
                host.edit({
                  ...host.fields,
                  articles: { ...host.fields.articles, [group.articleId as string]: summary },
                }),
            })
          : nothing
      }
      <p class="hint group-count" id="${headingId}-count">${host.t('se.group.count', {
        count: group.count,
        shown: host.fmt.number(group.candidates.length),
      })}</p>
      ${
        group.candidates.length > 0
          ? html`<ol class="candidates">
              ${group.candidates.map((candidate) => renderCandidate(host, loaded, group, candidate, missing))}
            </ol>`
          : nothing
      }
      ${hasMore(group) ? renderMore(host, group, name, headingId) : nothing}
    </section>`;
  });
}

/** The button that loads a group's next page; busy (and disabled) while it loads. */
function renderMore(
  host: NassijSynthesisEditor,
  group: Group,
  name: string,
  headingId: string,
): TemplateResult {
  const loading = host.loadingGroups.has(group.articleId ?? '');
  return html`<p class="more">
    <button class="nassij-button more-candidates" data-variant="secondary" part="button" type="button"
      data-article=${group.articleId ?? '-'} aria-describedby="${headingId}-count" aria-busy=${loading ? 'true' : nothing}
      ?disabled=${loading} @click=${() => host.loadMore(group.articleId)}>
      ${host.t('se.more')}<span class="visually-hidden"> — ${name}</span>
    </button>
  </p>`;
}

function renderCandidate(
  host: NassijSynthesisEditor,
  loaded: LoadedSynthesis,
  group: Group,
  candidate: SynthesisCandidate,
  missing: ReadonlySet<string>,
): TemplateResult {
  const id = candidate.contributionId;
  const decision = host.fields.decisions[id] ?? { reason: {} };
  const name = itemName(host, group, candidate);
  const noOutcome = missing.has(`/decisions/${id}/outcome`);
  const noReason = missing.has(`/decisions/${id}/reason`);
  const versions = loaded.consultation.versions;
  const index = versions.findIndex((v) => v.id === candidate.versionId);
  const older = index >= 0 && candidate.versionId !== loaded.consultation.currentVersionId;
  const set = (next: Partial<typeof decision>) =>
    host.edit({
      ...host.fields,
      decisions: {
        ...host.fields.decisions,
        [id]: { ...(host.fields.decisions[id] ?? { reason: {} }), ...next },
      },
    });
  return html`<li class="candidate" id="se-${id}" data-contribution=${id} data-missing=${noOutcome || noReason ? 'true' : nothing}>
    <p class="meta">
      <span class="badge">${host.t(`se.kind.${candidate.kind}`)}</span>
      <strong dir="auto">${candidate.author.displayName}</strong>
      <span class="supports">${host.t('se.supports', { count: candidate.supports })}</span>
      ${older ? html`<span class="badge version-mark">${host.t('se.onVersion', { number: String(index + 1) })}</span>` : nothing}
    </p>
    <p class="body user-text" dir="auto">${candidate.body}</p>
    ${
      candidate.proposedText
        ? html`<div class="proposal"><p class="label">${host.t('se.proposed')}</p>
            <ins class="user-text" dir="auto">${candidate.proposedText}</ins></div>`
        : nothing
    }
    <fieldset class="outcomes" aria-describedby=${noOutcome ? `se-${id}-outcome-error` : nothing}
      aria-invalid=${noOutcome ? 'true' : nothing}>
      <legend>${host.t('se.outcome')}<span class="visually-hidden"> — ${name}</span></legend>
      ${noOutcome ? html`<p class="field-error" id="se-${id}-outcome-error">${host.t('se.problem.outcome', { item: name })}</p>` : nothing}
      <div class="choice-list">
        ${OUTCOMES.map(
          (outcome, i) => html`<label class="choice">
            <input type="radio" name="se-${id}-outcome" value=${outcome} id=${i === 0 ? `se-${id}-outcome` : `se-${id}-outcome-${outcome}`}
              .checked=${live(decision.outcome === outcome)} @change=${() => set({ outcome })} />
            <span>${host.t(`cons.outcome.${outcome}`)}</span>
          </label>`,
        )}
      </div>
    </fieldset>
    ${localized(host, {
      id: `se-${id}-reason`,
      label: host.t('se.reason'),
      value: decision.reason,
      error: noReason ? host.t('se.problem.reason', { item: name }) : undefined,
      onInput: (reason) => set({ reason }),
    })}
  </li>`;
}

/**
 * The preview of the public page: the synthesis as `<nassij-consultation>` would show it once published.
 *
 * @example
 * ```ts
 * html`${editor.previewOpen ? renderPreview(editor, loaded) : nothing}`;
 * ```
 */
export function renderPreview(host: NassijSynthesisEditor, loaded: LoadedSynthesis): TemplateResult {
  const partial = loaded.candidates.groups.some(hasMore);
  return html`${partial ? html`<p class="hint preview-partial">${host.t('se.preview.partial')}</p>` : nothing}
    ${renderSynthesisPage(host, previewOf(host.fields, loaded.candidates, loaded.consultation), {
      articles: articlesOf(loaded.consultation.text),
      idPrefix: 'pv-',
    })}`;
}

/**
 * A published synthesis, read only: as the consultation's public page shows it, with its open data.
 *
 * @example
 * ```ts
 * html`${editor.published ? renderPublished(editor, loaded) : nothing}`;
 * ```
 */
export function renderPublished(host: NassijSynthesisEditor, { consultation }: LoadedSynthesis): unknown {
  const synthesis = consultation.synthesis;
  if (!synthesis) return nothing;
  const base = host.resolvedClient?.transport.config.baseUrl;
  return html`<p>${host.t('se.publishedOn', { date: host.fmt.date(synthesis.publishedAt) })}</p>
    <div class="preview" part="preview">${renderSynthesisPage(host, synthesis, {
      articles: articlesOf(consultation.text),
      openData: base ? { base, consultationId: consultation.id } : undefined,
    })}</div>`;
}
