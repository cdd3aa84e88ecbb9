import type { FieldError } from '@nassij/contract';
import type { NassijElement } from '../base/nassij-element.js';

// Problems name fields by JSON Pointer into the draft's fields (`/summary/fr`, `/phases/1/period/end`,
// `/sections/0/articles/2/body/ar`). Each control carries the pointer it edits in `data-path` and an id
// derived from it (`fieldId`, shared by the staff editors), so that the error summary links to the control
// and a field's own message sits beside it.
export { anchorId, fieldId, problemsAt } from '../staff/field-paths.js';

const LANGUAGES = new Set(['ar', 'fr', 'zgh', 'en']);

/** What a label needs to know of the draft: the number of each article. */
export interface LabelContext {
  text?: { sections: readonly { articles: readonly { number: string }[] }[] } | undefined;
}

/** Codes and pointers whose words say more than the shared `field.*` message. */
function problemMessage(host: NassijElement, problem: FieldError): string {
  const { path, code } = problem;
  if (code === 'required') return host.t(path === '/text/sections' ? 'co.p.noArticles' : 'co.p.required');
  if (path.startsWith('/phases/')) {
    if (code === 'invalid_format') return host.t('co.p.required');
    // The check says which: a date already past, or one before the phase it follows.
    if (code === 'invalid_value')
      return host.t(/order/i.test(problem.message) ? 'co.p.order' : 'co.p.future');
  }
  if (code === 'not_allowed' && path === '/region') return host.t('co.p.noRegion');
  if (code === 'not_allowed') return host.t('co.p.duplicate');
  return host.t(
    `field.${code}`,
    Object.fromEntries(Object.entries(problem.params ?? {}).map(([k, v]) => [k, String(v)])),
  );
}

/**
 * The field a problem is about, in the reader's language, then what is wrong with it: "Summary (French):
 * required", "Article 3 bis, text (Arabic): required", "Contributions close: must be in the future".
 *
 * @example
 * ```ts
 * problemLabel(editor, { path: '/summary/fr', code: 'required', message: '…' }, editor.fields);
 * ```
 */
export function problemLabel(host: NassijElement, problem: FieldError, context: LabelContext = {}): string {
  const parts = problem.path.split('/').slice(1);
  const [top = ''] = parts;
  let label: string;
  if (top === 'phases' && parts[1]) label = host.t(`co.dates.${parts[1]}`);
  else if (top === 'text' && parts[1] === 'sections' && /^\d+$/.test(parts[2] ?? '')) {
    const s = Number(parts[2]);
    label = host.t('co.path.section', { n: String(s + 1) });
    if (parts[3] === 'articles' && /^\d+$/.test(parts[4] ?? '')) {
      const number = context.text?.sections[s]?.articles[Number(parts[4])]?.number;
      label = host.t('co.path.article', { n: number || String(Number(parts[4]) + 1) });
      const what = parts[5];
      if (what === 'number' || what === 'heading' || what === 'body')
        label += host.t('co.path.separator') + host.t(`co.article.${what}`);
    } else if (parts[3] === 'heading') label += host.t('co.path.separator') + host.t('co.section.heading');
  } else label = host.t(`co.f.${top}`);
  const last = parts.at(-1);
  if (last && LANGUAGES.has(last)) label += ` (${host.t(`co.lang.${last}`)})`;
  return `${label}: ${problemMessage(host, problem)}`;
}
