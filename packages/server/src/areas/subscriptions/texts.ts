// What a subscription follows, in words of the subscriber's language: the names of the region, sector,
// domain and funding organisation (from the reference data and the organisations table), or the
// consultation's reference.
import {
  DOMAINS,
  type Locale,
  type LocalizedText,
  pickText,
  REGIONS,
  SECTORS,
  type SubscriptionFilter,
} from '@nassij/contract';
import type { Db } from '../../db/db.js';
import { SUBSCRIPTION_TEXTS } from './messages.js';

function nameOf(
  items: readonly { code: string; name: LocalizedText }[],
  code: string,
  locale: Locale,
): string {
  const item = items.find((candidate) => candidate.code === code);
  return item ? pickText(item.name, locale).text : code;
}

/**
 * A subscription's filter in a few words of `locale`, for its confirmation message and digests.
 *
 * @example
 * ```ts
 * await describeFilter(db, { kind: 'calls', region: 'MA-09' }, 'fr'); // 'les appels à projets (région Souss-Massa)'
 * ```
 */
export async function describeFilter(db: Db, filter: SubscriptionFilter, locale: Locale): Promise<string> {
  const t = SUBSCRIPTION_TEXTS[locale];
  if (filter.kind === 'consultation') {
    const row = await db.one<{ reference: string }>('SELECT reference FROM consultations WHERE id = ?', [
      filter.consultationId,
    ]);
    return t.consultation(row?.reference ?? filter.consultationId);
  }
  const parts: string[] = [];
  if (filter.region) parts.push(t.region(nameOf(REGIONS, filter.region, locale)));
  if (filter.sector) parts.push(t.sector(nameOf(SECTORS, filter.sector, locale)));
  if (filter.domain) parts.push(t.domain(nameOf(DOMAINS, filter.domain, locale)));
  if (filter.funder) {
    const row = await db.one<{ data: string }>('SELECT data FROM organisations WHERE id = ?', [
      filter.funder,
    ]);
    const name = row ? (JSON.parse(row.data) as { name?: LocalizedText }).name : undefined;
    parts.push(t.funder(name ? pickText(name, locale).text : filter.funder));
  }
  return parts.length > 0 ? t.callsWhere(parts) : t.allCalls;
}
