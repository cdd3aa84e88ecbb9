import type { FieldError } from '@nassij/contract';
import type { NassijElement } from '../base/nassij-element.js';

// Problems name fields by JSON Pointer into the draft's fields (`/budget/minAward`, `/title/fr`); the ids and
// anchors derived from them are the staff editors' (`../staff/field-paths.ts`).
export { anchorId, fieldId, problemsAt } from '../staff/field-paths.js';

/** Codes and pointers whose words say more than the shared `field.*` message. */
function problemMessage(host: NassijElement, problem: FieldError): string {
  const { path, code } = problem;
  // An end or a date left empty (`''` while typed) is missing, whatever the schema calls it.
  if (code === 'required' || (code === 'invalid_format' && /^\/(dates|deadlineModel)\//.test(path)))
    return host.t('ce.p.required');
  if (path.endsWith('/enquiryPeriod/end') && code === 'invalid') return host.t('ce.p.periodEnd');
  if (code === 'not_allowed') return host.t('ce.p.duplicate');
  if (code === 'too_short' && path.endsWith('/anchors')) return host.t('ce.p.anchors');
  if (code === 'invalid_value') {
    if (path === '/criteria') return host.t('ce.p.weights', { sum: String(problem.params?.sum ?? '') });
    if (path === '/budget/total') return host.t('ce.p.positive');
    if (path === '/budget/minAward') return host.t('ce.p.minAward');
    if (path === '/budget/maxAward') return host.t('ce.p.maxAward');
    if (path.startsWith('/dates/') || path.startsWith('/deadlineModel/')) return host.t('ce.p.date');
    if (path.endsWith('/score')) return host.t('ce.p.anchorMax');
    if (path.endsWith('/dueOn')) return host.t('ce.p.reportDue');
    if (path.endsWith('/documentId')) return host.t('ce.p.document');
  }
  return host.t(
    `field.${code}`,
    Object.fromEntries(Object.entries(problem.params ?? {}).map(([k, v]) => [k, String(v)])),
  );
}

const LANGUAGES = new Set(['ar', 'fr', 'zgh', 'en']);
/** Lists inside a form whose items are named, not only numbered: "Application form, field 3, option 1". */
const NAMED_ITEMS: Record<string, string> = {
  fields: 'ce.path.field',
  options: 'ce.path.option',
  categories: 'ce.path.category',
};

/**
 * The field a problem is about, in the reader's language, then what is wrong with it: "Title (French):
 * required". Items of lists are numbered from 1; a form's fields and their options are named.
 *
 * @example
 * ```ts
 * problemLabel(editor, { path: '/criteria/1/anchors', code: 'too_short', message: '…' }); // 'Criteria 2: …'
 * ```
 */
export function problemLabel(host: NassijElement, problem: FieldError): string {
  const [top = '', ...rest] = problem.path.split('/').slice(1);
  let label = top === 'dates' && rest[0] ? host.t(`ce.dates.${rest[0]}`) : host.t(`ce.f.${top}`);
  const named = rest.flatMap((part, i) => {
    const key = NAMED_ITEMS[rest[i - 1] ?? ''];
    return key && /^\d+$/.test(part) ? [host.t(key, { n: String(Number(part) + 1) })] : [];
  });
  const index = rest.find((part) => /^\d+$/.test(part));
  if (named.length) label = [label, ...named].join(host.t('ce.path.separator'));
  else if (index !== undefined) label += ` ${Number(index) + 1}`;
  const last = rest.at(-1);
  if (last && LANGUAGES.has(last)) label += ` (${host.t(`ce.lang.${last}`)})`;
  else if (top === 'budget' && last) label += ` (${host.t(`ce.budget.${last}`)})`;
  else if (rest[0] === 'enquiryPeriod' && (last === 'start' || last === 'end'))
    label += ` (${host.t(`ce.enquiry.${last}`)})`;
  return `${label}: ${problemMessage(host, problem)}`;
}
