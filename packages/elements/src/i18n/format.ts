import {
  casablancaDaysUntil,
  casablancaOffsetMinutes,
  casablancaWallClock,
  type Instant,
  type Locale,
  type Money,
  TAMAZIGHT_MONTHS,
  tamazightList,
} from '@nassij/contract';

/** Formatting functions for one locale; get them with {@link formatters} (cached per locale). */
export interface Formatters {
  /** The Nassij locale these formatters serve. */
  readonly locale: Locale;
  /** The BCP 47 tag given to `Intl` (`ar-MA-u-nu-latn`; `fr-MA-u-nu-latn` for `zgh` where Intl lacks it). */
  readonly tag: string;
  /** A count or amount, grouped, Latin digits. Decimal strings are formatted exactly, never via a float. */
  number(value: number | bigint | `${number}`): string;
  /** A ratio (0.425) as a percentage ("42.5%"), at most `fractionDigits` decimals. */
  percent(ratio: number, fractionDigits?: number): string;
  /** An amount of {@link Money} in MAD, exactly as its decimal string says. */
  money(money: Money): string;
  /** Date and time in Africa/Casablanca, followed by the zone ("heure du Maroc, UTC+1"). */
  dateTime(instant: Instant | Date): string;
  /** The time alone in Africa/Casablanca, 24-hour ("23:59"), for "saved at 10:42". */
  time(instant: Instant | Date): string;
  /** The date alone in Africa/Casablanca ("31 mars 2026"). */
  date(instant: Instant | Date): string;
  /** Words joined as a list in the reader's language ("a, b et c", "a وb وc", "ⴰ, ⴱ ⴷ ⵛ"). */
  list(items: readonly string[], type?: 'conjunction' | 'disjunction'): string;
  /** Calendar days from `now` to `instant`, counted in Africa/Casablanca (0 = today, negative = past). */
  daysUntil(instant: Instant | Date, now?: Date): number;
}

/**
 * How the zone is named after a time. ICU has no Tamazight zone names, and "GMT+1" alone reads poorly, so
 * the zone is said in words plus the UTC offset, which changes during Ramadan (UTC+0). The offset is
 * wrapped in a left-to-right isolate so that "UTC+1" keeps its order inside Arabic text.
 */
const ZONE_PATTERN: Record<Locale, string> = {
  ar: '{dateTime} (توقيت المغرب، {offset})',
  fr: '{dateTime} (heure du Maroc, {offset})',
  zgh: '{dateTime} (ⴰⴽⵓⴷ ⵏ ⵍⵎⵖⵔⵉⴱ, {offset})',
  en: '{dateTime} (Morocco time, {offset})',
};

/** Regional tags, all with Latin digits on purpose: that is what Moroccan administrations and press print. */
const NUMBER_TAGS: Record<Locale, string> = {
  ar: 'ar-MA-u-nu-latn',
  fr: 'fr-MA-u-nu-latn',
  zgh: 'zgh-u-nu-latn',
  en: 'en-GB-u-nu-latn',
};

function supported(tag: string): boolean {
  return Intl.DateTimeFormat.supportedLocalesOf([tag]).length > 0;
}

/** `zgh` data exists in full ICU (Node) but not in every browser build; French data is the fallback. */
function tagFor(locale: Locale): string {
  const tag = NUMBER_TAGS[locale];
  return locale === 'zgh' && !supported('zgh') ? NUMBER_TAGS.fr : tag;
}

function toDate(instant: Instant | Date): Date {
  return instant instanceof Date ? instant : new Date(instant);
}

/** "UTC+1", "UTC+0": Morocco's offset at that instant, from the contract's table (not the browser's tz data). */
function casablancaOffset(date: Date): string {
  const minutes = casablancaOffsetMinutes(date);
  const hours = Math.trunc(minutes / 60);
  const rest = Math.abs(minutes % 60);
  return `UTC${minutes < 0 ? '-' : '+'}${Math.abs(hours)}${rest === 0 ? '' : `:${String(rest).padStart(2, '0')}`}`;
}

/**
 * Formats with `format` and, when Tamazight is shown through the French fallback (browsers without `zgh`
 * data), puts the Tifinagh month name in place of the French one.
 */
function withMonths(locale: Locale, tag: string, format: Intl.DateTimeFormat): (date: Date) => string {
  if (locale !== 'zgh' || tag.startsWith('zgh')) return (date) => format.format(date);
  return (date) =>
    format
      .formatToParts(date)
      .map((part) => (part.type === 'month' ? TAMAZIGHT_MONTHS[date.getUTCMonth()] : part.value))
      .join('');
}

const cache = new Map<Locale, Formatters>();

/**
 * The formatters for `locale`: Latin digits everywhere, dates and times in Africa/Casablanca with the zone
 * shown, money exact from its decimal string.
 *
 * @example
 * ```ts
 * const fmt = formatters('ar');
 * fmt.money({ amount: '250000.00', currency: 'MAD' }); // '250.000,00 د.م.' (with bidi marks)
 * fmt.dateTime('2026-03-31T22:59:00Z'); // '31 مارس 2026 في 23:59 (توقيت المغرب، UTC+1)'
 * ```
 */
export function formatters(locale: Locale): Formatters {
  const cached = cache.get(locale);
  if (cached) return cached;
  const tag = tagFor(locale);
  const numberFormat = new Intl.NumberFormat(tag);
  const moneyFormat = new Intl.NumberFormat(tag, { style: 'currency', currency: 'MAD' });
  const percentFormats = new Map<number, Intl.NumberFormat>();
  // Moroccan wall-clock time is computed by the contract and shown through a UTC formatter, so a browser
  // with old tz data cannot shift a deadline by an hour.
  const dateTimeFormat = new Intl.DateTimeFormat(tag, {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const timeFormat = new Intl.DateTimeFormat(tag, {
    timeZone: 'UTC',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const dateFormat = new Intl.DateTimeFormat(tag, {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  });
  const formatDateTime = withMonths(locale, tag, dateTimeFormat);
  const formatDate = withMonths(locale, tag, dateFormat);
  const listFormats = new Map<string, Intl.ListFormat>();
  const fmt: Formatters = {
    locale,
    tag,
    number: (value) => numberFormat.format(value),
    percent: (ratio, fractionDigits = 1) => {
      // Building a NumberFormat is the slow part, and charts format a percent per bar and per table cell.
      let format = percentFormats.get(fractionDigits);
      if (!format) {
        format = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: fractionDigits });
        percentFormats.set(fractionDigits, format);
      }
      return format.format(ratio);
    },
    // Intl.NumberFormat formats a decimal string exactly (ECMA-402 "Intl.NumberFormat v3"): no float.
    money: (money) => moneyFormat.format(money.amount as `${number}`),
    dateTime: (instant) => {
      const date = toDate(instant);
      return ZONE_PATTERN[locale]
        .replace('{dateTime}', formatDateTime(casablancaWallClock(date)))
        .replace('{offset}', `\u2066${casablancaOffset(date)}\u2069`);
    },
    time: (instant) => timeFormat.format(casablancaWallClock(toDate(instant))),
    date: (instant) => formatDate(casablancaWallClock(toDate(instant))),
    list: (items, type = 'conjunction') => {
      // CLDR has no Tamazight list patterns: Intl would answer in English.
      if (locale === 'zgh') return tamazightList(items, type);
      let format = listFormats.get(type);
      if (!format) {
        format = new Intl.ListFormat(tag, { type });
        listFormats.set(type, format);
      }
      return format.format(items);
    },
    daysUntil: (instant, now = new Date()) => casablancaDaysUntil(toDate(instant), now),
  };
  cache.set(locale, fmt);
  return fmt;
}
