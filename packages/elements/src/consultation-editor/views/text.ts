import {
  type ArticleImport,
  type ArticleImportFormat,
  type FieldError,
  importArticles,
  type LocalizedText,
} from '@nassij/contract';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import {
  type EditedArticle,
  type EditedSection,
  mergeImport,
  moveArticle,
  TEXT_LANGUAGES,
  type TextLanguage,
  toEditedSections,
} from '../model.js';
import type { NassijConsultationEditor } from '../nassij-consultation-editor.js';
import { fieldId, problemLabel, problemsAt } from '../paths.js';
import { localizedControl, smallButton, textControl } from './controls.js';

type Host = NassijConsultationEditor;
type Problems = readonly FieldError[];

/** The last text read, so that a render without a keystroke does not read a long text again. */
let lastRead: { text: string; format: ArticleImportFormat; result: ArticleImport } | undefined;

/**
 * What the contract's `importArticles` detects in `text`: the same function the server runs on import,
 * so the preview is what will be imported.
 *
 * @example
 * ```ts
 * detect('المادة 1\nيهدف هذا القانون…', 'plain').articles.length; // 1
 * ```
 */
export function detect(text: string, format: ArticleImportFormat): ArticleImport {
  if (lastRead?.text !== text || lastRead.format !== format)
    lastRead = { text, format, result: importArticles(text, { format }) };
  return lastRead.result;
}

const focusLater = (host: Host, selector: string, fallback?: string) =>
  void host.updateComplete.then(() => {
    const root = host.renderRoot;
    const target = root.querySelector<HTMLButtonElement>(selector);
    const usable =
      target && !target.disabled ? target : fallback ? root.querySelector<HTMLElement>(fallback) : null;
    usable?.focus();
  });

/**
 * Imports the pasted text into the draft (or the next version): in place of the articles when asked or
 * when there are none yet, else over the articles of the same numbers in the chosen language. Text
 * without any article is not imported: the box says why and keeps the focus.
 *
 * @example
 * ```ts
 * importPasted(editor);
 * ```
 */
export function importPasted(host: Host): void {
  const paste = host.paste;
  const result = detect(paste.text, paste.format);
  if (!paste.text.trim() || result.articles.length === 0) {
    host.importError = paste.text.trim() ? 'none' : 'empty';
    focusLater(host, `#${fieldId('/text/sections')}`);
    return;
  }
  host.importError = undefined;
  const language = paste.language;
  const current = host.sections;
  const replace = paste.replace || current.every((section) => section.articles.length === 0);
  const sections = replace
    ? toEditedSections(result.sections, language)
    : mergeImport(current, result.sections, language);
  const text = host.fields.text;
  const preamble: Record<string, string> = { ...(replace ? {} : (text?.preamble ?? {})) };
  if (result.preamble) preamble[language] = result.preamble;
  host.edit('text', {
    ...(Object.keys(preamble).length ? { preamble: preamble as LocalizedText } : {}),
    sections,
  });
  host.setPaste({ text: '' });
  host.announcer.announce(host.t('co.import.done', { count: result.articles.length }));
  focusLater(host, `#${fieldId('/text/sections/0/articles/0/number')}`);
}

/**
 * The consulted text: the import box with its live preview, then every section and article, editable.
 *
 * @example
 * ```ts
 * html`<form>${renderText(editor, editor.showErrors ? editor.problems : [])}</form>`;
 * ```
 */
export function renderText(host: Host, problems: Problems): TemplateResult {
  const sections = host.sections;
  return html`<section class="part" aria-labelledby="s-text">
    <h3 id="s-text">${host.t('co.s.text')}</h3>
    ${renderImport(host, problems)}
    ${
      sections.length === 0
        ? html`<p class="muted">${host.t('co.text.empty')}</p>`
        : html`<ol class="items text-sections">${sections.map((section, s) => renderSection(host, section, s, problems))}</ol>`
    }
    <p class="row-actions">
      ${smallButton('add-section', host.t('co.section.add'), () => addSection(host), { id: 'co-add-section' })}
    </p>
  </section>`;
}

function renderImport(host: Host, problems: Problems): TemplateResult {
  const paste = host.paste;
  const path = '/text/sections';
  const id = fieldId(path);
  const result = paste.text.trim() ? detect(paste.text, paste.format) : undefined;
  const own = problemsAt(problems, path);
  const error = host.importError;
  const described = ['co-import-hint', own.length ? `${id}-error` : '', error ? 'co-import-error' : '']
    .filter(Boolean)
    .join(' ');
  const hasArticles = host.sections.some((section) => section.articles.length > 0);
  return html`<fieldset class="group import">
    <legend>${host.t('co.import.title')}</legend>
    <p class="hint" id="co-import-hint">${host.t('co.import.hint')}</p>
    ${own.length ? html`<p class="field-error" id="${id}-error">${own.map((p) => html`<span>${problemLabel(host, p, host.fields)}</span> `)}</p>` : nothing}
    <div class="field">
      <label for=${id}>${host.t('co.import.text')}</label>
      <textarea class="nassij-input paste" id=${id} data-path=${path} rows="8" dir="auto"
        lang=${paste.language} aria-describedby=${described} aria-invalid=${own.length || error ? 'true' : nothing}
        .value=${live(paste.text)}
        @input=${(event: Event) => host.setPaste({ text: (event.target as HTMLTextAreaElement).value })}></textarea>
    </div>
    <div class="import-options">
      <fieldset class="field choices">
        <legend>${host.t('co.import.format')}</legend>
        <div class="choice-list">
          ${(['plain', 'markdown'] as const).map(
            (format) => html`<label class="choice">
              <input type="radio" name="co-import-format" value=${format} .checked=${live(paste.format === format)}
                @change=${() => host.setPaste({ format })} />
              <span>${host.t(`co.import.${format}`)}</span>
            </label>`,
          )}
        </div>
      </fieldset>
      <div class="field">
        <label for="co-import-language">${host.t('co.import.language')}</label>
        <select class="nassij-input" id="co-import-language"
          @change=${(event: Event) => host.setPaste({ language: (event.target as HTMLSelectElement).value as TextLanguage })}>
          ${TEXT_LANGUAGES.map((language) => html`<option value=${language} ?selected=${paste.language === language}>${host.t(`co.lang.${language}`)}</option>`)}
        </select>
      </div>
      ${
        hasArticles
          ? html`<label class="choice">
            <input type="checkbox" id="co-import-replace" .checked=${live(paste.replace)}
              @change=${(event: Event) => host.setPaste({ replace: (event.target as HTMLInputElement).checked })} />
            <span>${host.t('co.import.replace')}</span>
          </label>`
          : nothing
      }
    </div>
    ${result ? renderPreview(host, result) : nothing}
    ${
      error
        ? html`<p class="field-error" id="co-import-error" role="alert">${host.t(error === 'empty' ? 'co.import.empty' : 'co.import.none')}</p>`
        : nothing
    }
    <p class="row-actions">
      <button class="nassij-button import-send" part="button" type="button" @click=${() => importPasted(host)}>
        ${host.t('co.import.send')}</button>
    </p>
  </fieldset>`;
}

/** What the import would bring: sections and articles found, or why none was (what was found instead). */
function renderPreview(host: Host, result: ArticleImport): TemplateResult {
  const lang = host.paste.language;
  const dir = lang === 'ar' ? 'rtl' : 'ltr';
  if (result.articles.length === 0) {
    const { lineCount, headings, lines } = result.unmatched;
    return html`<section class="preview" data-found="0" aria-labelledby="co-preview-h">
      <h4 id="co-preview-h">${host.t('co.import.preview')}</h4>
      <p class="field-error">${host.t('co.import.none')}</p>
      <p>${host.t('co.import.noneWhy', { lines: lineCount, headings: headings.length })}</p>
      ${
        headings.length || lines.length || result.preamble
          ? html`<ul class="found" lang=${lang} dir=${dir}>
            ${headings.map((heading) => html`<li><strong>${heading}</strong></li>`)}
            ${(result.preamble ? result.preamble.split('\n').filter(Boolean) : lines).slice(0, 5).map((line) => html`<li>${line.slice(0, 140)}</li>`)}
          </ul>`
          : nothing
      }
    </section>`;
  }
  return html`<section class="preview" data-found=${result.articles.length} aria-labelledby="co-preview-h">
    <h4 id="co-preview-h">${host.t('co.import.preview')}</h4>
    <p>${host.t('co.import.found', { articles: result.articles.length, sections: result.sections.length })}</p>
    ${
      result.preamble
        ? html`<p class="muted">${host.t('co.import.unmatched')}: <span lang=${lang} dir=${dir}>${result.preamble.slice(0, 140)}</span></p>`
        : nothing
    }
    <ol class="preview-sections" lang=${lang} dir=${dir}>
      ${result.sections.map(
        (section) => html`<li>
          ${section.heading ? html`<strong>${section.heading}</strong>` : nothing}
          <ol class="preview-articles">
            ${section.articles.map(
              (article) => html`<li data-number=${article.number}>
                <span class="article-number">${host.t('co.article', { number: article.number })}</span>
                ${article.heading ? html` — <span>${article.heading}</span>` : nothing}
                <span class="muted excerpt">${article.body.slice(0, 100)}${article.body.length > 100 ? '…' : ''}</span>
              </li>`,
            )}
          </ol>
        </li>`,
      )}
    </ol>
  </section>`;
}

function addSection(host: Host): void {
  const sections = [
    ...host.sections,
    {
      heading: {} as LocalizedText,
      articles: [{ number: nextNumber(host.sections), body: {} as LocalizedText }],
    },
  ];
  host.setSections(sections);
  focusLater(host, `#${fieldId(`/text/sections/${sections.length - 1}/heading/ar`)}`);
}

/** The number a new article gets: one more than the largest plain number of the text. */
function nextNumber(sections: readonly EditedSection[]): string {
  let max = 0;
  for (const section of sections)
    for (const article of section.articles) {
      const n = Number.parseInt(article.number, 10);
      if (Number.isFinite(n) && n > max) max = n;
    }
  return String(max + 1);
}

function renderSection(host: Host, section: EditedSection, s: number, problems: Problems): TemplateResult {
  const path = `/text/sections/${s}`;
  const current = () => host.sections;
  const replaceSection = (next: EditedSection | undefined) => {
    const sections = [...current()];
    if (next) sections[s] = next;
    else sections.splice(s, 1);
    host.setSections(sections);
  };
  const named = section.heading !== undefined || current().length > 1;
  return html`<li class="text-section" data-section=${s}>
    <fieldset class="group">
      <legend>${host.t('co.section', { n: String(s + 1) })}</legend>
      ${
        named
          ? localizedControl(host, {
              path: `${path}/heading`,
              label: host.t('co.section.heading'),
              problems,
              value: section.heading,
              onInput: (heading) =>
                replaceSection({ ...current()[s]!, heading: heading ?? ({} as LocalizedText) }),
            })
          : nothing
      }
      <ol class="items articles">
        ${section.articles.map((article, a) => renderArticle(host, article, s, a, problems))}
      </ol>
      <p class="row-actions">
        ${smallButton(
          'add-article',
          host.t('co.article.add'),
          () => {
            const next = current()[s]!;
            replaceSection({
              ...next,
              articles: [...next.articles, { number: nextNumber(current()), body: {} as LocalizedText }],
            });
            focusLater(host, `#${fieldId(`${path}/articles/${next.articles.length}/number`)}`);
          },
          { id: `${fieldId(path)}-add` },
        )}
        ${
          current().length > 1
            ? smallButton('remove-section', host.t('co.section.remove', { n: String(s + 1) }), () => {
                replaceSection(undefined);
                focusLater(host, '#co-add-section');
              })
            : nothing
        }
      </p>
    </fieldset>
  </li>`;
}

function renderArticle(
  host: Host,
  article: EditedArticle,
  s: number,
  a: number,
  problems: Problems,
): TemplateResult {
  const path = `/text/sections/${s}/articles/${a}`;
  const id = fieldId(path);
  const number = article.number.trim() || String(a + 1);
  const sections = host.sections;
  const first = s === 0 && a === 0;
  const last = s === sections.length - 1 && a === (sections[s]?.articles.length ?? 0) - 1;
  // Read at the event, not at the render: two quick presses act on the text as it is then.
  const set = (next: EditedArticle) => {
    const current = host.sections.map((section) => ({ ...section, articles: [...section.articles] }));
    const own = current[s];
    if (!own) return;
    own.articles[a] = next;
    host.setSections(current);
  };
  const move = (by: -1 | 1) => {
    const moved = moveArticle(host.sections, s, a, by);
    if (!moved) return;
    host.setSections(moved.sections);
    const at = fieldId(`/text/sections/${moved.at.section}/articles/${moved.at.index}`);
    host.announcer.announce(
      host.t('co.moved', { number, position: String(positionOf(moved.sections, moved.at) + 1) }),
    );
    const button = by === -1 ? 'up' : 'down';
    focusLater(host, `#${at}-${button}`, `#${at}-${button === 'up' ? 'down' : 'up'}`);
  };
  const remove = () => {
    const current = host.sections.map((section) => ({ ...section, articles: [...section.articles] }));
    current[s]?.articles.splice(a, 1);
    host.setSections(current);
    host.announcer.announce(host.t('co.removed', { number }));
    const remaining = current[s]?.articles.length ?? 0;
    const next = remaining > a ? a : remaining - 1;
    focusLater(
      host,
      next >= 0
        ? `#${fieldId(`/text/sections/${s}/articles/${next}`)}-remove`
        : `#${fieldId(`/text/sections/${s}`)}-add`,
    );
  };
  const contributions = article.id ? host.contributionsOn(article.id) : 0;
  return html`<li class="article" data-article=${article.id ?? nothing} data-number=${article.number}>
    <fieldset class="group">
      <legend>${host.t('co.article', { number })}</legend>
      ${host.published ? html`<p class="hint contributions">${host.t('co.article.contributions', { count: contributions })}</p>` : nothing}
      ${textControl(host, {
        path: `${path}/number`,
        label: host.t('co.article.number'),
        problems,
        value: article.number,
        onInput: (value) => set({ ...article, number: value }),
      })}
      ${localizedControl(host, {
        path: `${path}/heading`,
        label: host.t('co.article.heading'),
        problems,
        value: article.heading,
        onInput: (heading) => {
          const { heading: _old, ...rest } = article;
          set(heading ? { ...rest, heading } : rest);
        },
      })}
      ${localizedControl(host, {
        path: `${path}/body`,
        label: host.t('co.article.body'),
        problems,
        value: article.body,
        multiline: true,
        onInput: (body) => set({ ...article, body: body ?? ({} as LocalizedText) }),
      })}
      <p class="row-actions">
        ${smallButton('move-up', host.t('co.article.up', { number }), () => move(-1), { id: `${id}-up`, disabled: first })}
        ${smallButton('move-down', host.t('co.article.down', { number }), () => move(1), { id: `${id}-down`, disabled: last })}
        ${smallButton('remove-article', host.t('co.article.remove', { number }), remove, { id: `${id}-remove` })}
      </p>
    </fieldset>
  </li>`;
}

/** The reading position (0-based) of the article at `at`. */
function positionOf(sections: readonly EditedSection[], at: { section: number; index: number }): number {
  let position = at.index;
  for (let s = 0; s < at.section; s++) position += sections[s]?.articles.length ?? 0;
  return position;
}
