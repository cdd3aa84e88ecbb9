import { type CallSummary, DOMAINS, type LocalizedText, REGIONS, SECTORS } from '@nassij/contract';
import { html, type TemplateResult } from 'lit';
import type { NassijElement } from '../../base/nassij-element.js';
import { plain, text } from '../../base/states.js';
import type { CallFacet } from '../filters.js';

// The facts a card and the details both show (award, regions, deadline), and the names of facet values.

const names = (list: readonly { code: string; name: LocalizedText }[]) =>
  new Map(list.map((entry) => [entry.code, entry.name]));
const REFERENCE_NAMES: Partial<Record<CallFacet, Map<string, LocalizedText>>> = {
  region: names(REGIONS),
  domain: names(DOMAINS),
  sector: names(SECTORS),
};

/** Bounds of the award ranges (MAD), formatted by Intl in the labels rather than written in the catalogues. */
const AWARD_BOUNDS: Record<string, { amount?: number; min?: number; max?: number }> = {
  'lt-50k': { amount: 50_000 },
  '50k-200k': { min: 50_000, max: 200_000 },
  '200k-1m': { min: 200_000, max: 1_000_000 },
  'gte-1m': { amount: 1_000_000 },
};

/** The name of a facet value: reference data in the reader's language, else a catalogue message. */
export function facetLabel(host: NassijElement, facet: CallFacet, value: string): unknown {
  const reference = REFERENCE_NAMES[facet]?.get(value);
  if (reference) return text(host, reference);
  if (facet === 'status') return host.t(`status.${value}`);
  const params: Record<string, string> = {};
  for (const [name, amount] of Object.entries(AWARD_BOUNDS[value] ?? {}))
    params[name] = host.fmt.money({ amount: String(amount), currency: 'MAD' });
  return host.t(`callList.${facet}.${value}`, params);
}

/** The award range of a call (or its total budget). */
export function award(host: NassijElement, call: CallSummary): string {
  const { minAward, maxAward, total } = call.budget;
  const money = host.fmt.money;
  if (minAward && maxAward)
    return host.t('callList.awardBetween', { min: money(minAward), max: money(maxAward) });
  if (maxAward) return host.t('callList.awardUpTo', { max: money(maxAward) });
  if (minAward) return host.t('callList.awardFrom', { min: money(minAward) });
  return host.t('callList.budgetTotal', { total: money(total) });
}

/** The eligible regions as a list in the reader's language (or "national"). */
export function regions(host: NassijElement, call: CallSummary): string {
  if (call.coverage === 'national') return host.t('callList.national');
  const region = REFERENCE_NAMES.region;
  return host.fmt.list(
    call.eligibleRegions.map((code) => {
      const name = region?.get(code);
      return name ? plain(host.locale, name) : code;
    }),
  );
}

/** The closing date and a badge with the days left. */
export function deadline(host: NassijElement, call: CallSummary): TemplateResult {
  const closes = call.dates.closes;
  if (!closes) return html`<span class="deadline-at">${host.t('callList.rolling')}</span>`;
  const days = host.fmt.daysUntil(closes.at);
  const left =
    days < 0
      ? host.t('deadline.closed')
      : days === 0
        ? host.t('deadline.closesToday')
        : host.t('count.daysLeft', { count: days });
  return html`<time class="deadline-at" datetime=${closes.at}>${host.fmt.dateTime(closes.at)}</time>
    <span class="badge days ${days >= 0 && days <= 7 ? 'soon' : ''}">${left}</span>`;
}
