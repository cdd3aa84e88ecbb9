// The Atom 1.0 documents (RFC 4287) of calls, consultations and syntheses: ids are `tag:` URIs (RFC 4151)
// that never change for a resource, `updated` comes from the data (never the clock, so the ETag holds), the
// text is in the reader's language with the contract's fallback, and `xml:lang` says which one each text is in.
import { casablancaWallClock, type Locale, type LocalizedText, pickText } from '@nassij/contract';
import { CALL_STATUS, LABELS, PHASE, PLATFORM_NAME, TITLES } from './messages.js';
import type { FeedCall, FeedConsultation } from './store.js';
import { el, writeXml, type XmlElement } from './xml.js';

/** Where a feed is served and for whom: the server's origin, its host name and the reader's language. */
export interface FeedContext {
  /** The server's public origin, `https://platform.example` (API paths are appended to it). */
  origin: string;
  /** The host name the `tag:` ids are minted under. */
  host: string;
  lang: Locale;
  /** The feed's own address, as requested (`rel="self"`). */
  selfUrl: string;
}

/** The `updated` of a feed without entries: a fixed instant, so that its ETag does not move with the clock. */
const EMPTY_FEED_UPDATED = '2019-01-01T00:00:00Z';

/** The year in the `tag:` ids: when the platform's names were minted; never changes. */
const TAG_YEAR = '2026';

/**
 * A stable `tag:` URI for something of the platform.
 *
 * @example
 * ```ts
 * tagUri('nassij.ma', 'call:call_0001'); // 'tag:nassij.ma,2026:call:call_0001'
 * ```
 */
export function tagUri(host: string, specific: string): string {
  return `tag:${host},${TAG_YEAR}:${specific}`;
}

/**
 * A deadline as Moroccan wall time, `2026-03-31 23:59`, whatever the server's own zone.
 *
 * @example
 * ```ts
 * wallTime('2026-03-31T22:59:00Z'); // '2026-03-31 23:59'
 * ```
 */
export function wallTime(instant: string): string {
  return casablancaWallClock(instant).toISOString().slice(0, 16).replace('T', ' ');
}

/** A text element in the reader's language, marked with the language it is actually in when it fell back. */
function textElement(name: string, text: LocalizedText, lang: Locale, prefix = ''): XmlElement {
  const picked = pickText(text, lang);
  return el(
    name,
    { type: 'text', 'xml:lang': picked.locale === lang ? undefined : picked.locale },
    `${prefix}${picked.text}`,
  );
}

function word(text: LocalizedText, lang: Locale): string {
  return pickText(text, lang).text;
}

function feedDocument(
  ctx: FeedContext,
  id: string,
  title: LocalizedText,
  alternate: string,
  entries: { updated: string; element: XmlElement }[],
): string {
  const updated =
    entries
      .map((entry) => entry.updated)
      .sort()
      .at(-1) ?? EMPTY_FEED_UPDATED;
  const feed = el(
    'feed',
    { xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': ctx.lang },
    el('id', {}, id),
    textElement('title', title, ctx.lang),
    el('updated', {}, updated),
    // One author for the whole feed: entries carry the body that issued them as their own.
    el('author', {}, el('name', {}, word(PLATFORM_NAME, ctx.lang)), el('uri', {}, ctx.origin)),
    el('link', { rel: 'self', type: 'application/atom+xml', href: ctx.selfUrl }),
    el('link', { rel: 'alternate', type: 'application/json', href: alternate }),
    el('generator', { uri: ctx.origin }, word(PLATFORM_NAME, ctx.lang)),
    entries.map((entry) => entry.element),
  );
  return writeXml(feed);
}

/**
 * The Atom feed of calls: one entry per call, newest first as given. A cancelled or early-closed call shows
 * as such in its title; each entry links to the call in the API and to its calendar.
 *
 * @example
 * ```ts
 * const xml = callsAtom(ctx, await feedCalls(db, filters, 'newest', 50, now), 'region=MA-09', listUrl);
 * ```
 */
export function callsAtom(
  ctx: FeedContext,
  calls: readonly FeedCall[],
  filterKey: string,
  listUrl: string,
): string {
  const entries = calls.map(({ call, status, updated }) => {
    const marker =
      status === 'cancelled'
        ? `${word(CALL_STATUS.cancelled, ctx.lang)}: `
        : call.closure?.kind === 'closed_early'
          ? `${word(LABELS.closedEarly, ctx.lang)}: `
          : '';
    const closes = call.dates.closes?.at;
    const summary = pickText(call.summary, ctx.lang);
    const facts = [
      `${word(LABELS.reference, ctx.lang)}: ${call.reference}`,
      `${word(CALL_STATUS[status], ctx.lang)}`,
      ...(closes
        ? [
            `${word(LABELS.deadline, ctx.lang)}: ${wallTime(closes)} (${word(LABELS.casablancaTime, ctx.lang)})`,
          ]
        : []),
    ];
    const element = el(
      'entry',
      {},
      el('id', {}, tagUri(ctx.host, `call:${call.id}`)),
      textElement('title', call.title, ctx.lang, marker),
      el('updated', {}, updated),
      el('published', {}, call.dates.publishedAt),
      el('author', {}, el('name', {}, word(call.funder.name, ctx.lang))),
      el('link', { rel: 'alternate', type: 'application/json', href: `${ctx.origin}/v1/calls/${call.id}` }),
      el('link', {
        rel: 'related',
        type: 'text/calendar',
        href: `${ctx.origin}/v1/calendars/calls/${call.id}.ics?lang=${ctx.lang}`,
      }),
      el('category', { term: status, label: word(CALL_STATUS[status], ctx.lang) }),
      el(
        'summary',
        { type: 'text', 'xml:lang': summary.locale === ctx.lang ? undefined : summary.locale },
        `${summary.text}\n${facts.join(' · ')}`,
      ),
    );
    return { updated, element };
  });
  return feedDocument(
    ctx,
    tagUri(ctx.host, filterKey ? `calls?${filterKey}` : 'calls'),
    TITLES.callsFeed,
    listUrl,
    entries,
  );
}

/**
 * The Atom feed of consultations, newest first as given, each with its current phase.
 *
 * @example
 * ```ts
 * const xml = consultationsAtom(ctx, await feedConsultations(db, 50, now));
 * ```
 */
export function consultationsAtom(ctx: FeedContext, consultations: readonly FeedConsultation[]): string {
  const entries = consultations.map(({ consultation: c, createdAt, updated }) => {
    const summary = pickText(c.summary, ctx.lang);
    const element = el(
      'entry',
      {},
      el('id', {}, tagUri(ctx.host, `consultation:${c.id}`)),
      textElement('title', c.title, ctx.lang),
      el('updated', {}, updated),
      el('published', {}, createdAt),
      el('author', {}, el('name', {}, word(c.issuingBody.name, ctx.lang))),
      el('link', {
        rel: 'alternate',
        type: 'application/json',
        href: `${ctx.origin}/v1/consultations/${c.id}`,
      }),
      el('link', {
        rel: 'related',
        type: 'text/calendar',
        href: `${ctx.origin}/v1/calendars/consultations/${c.id}.ics?lang=${ctx.lang}`,
      }),
      el('category', { term: c.phase, label: word(PHASE[c.phase], ctx.lang) }),
      el(
        'summary',
        { type: 'text', 'xml:lang': summary.locale === ctx.lang ? undefined : summary.locale },
        `${summary.text}\n${c.reference} · ${word(PHASE[c.phase], ctx.lang)}`,
      ),
    );
    return { updated, element };
  });
  return feedDocument(
    ctx,
    tagUri(ctx.host, 'consultations'),
    TITLES.consultationsFeed,
    `${ctx.origin}/v1/consultations`,
    entries,
  );
}

/**
 * The Atom feed of published syntheses, newest first as given; an entry links to the synthesis in the API and,
 * when there is one, to the full report.
 *
 * @example
 * ```ts
 * const xml = synthesesAtom(ctx, await feedSyntheses(db, 50, now));
 * ```
 */
export function synthesesAtom(ctx: FeedContext, syntheses: readonly FeedConsultation[]): string {
  const entries = syntheses.flatMap(({ consultation: c, synthesis }) => {
    if (!synthesis) return [];
    const summary = pickText(synthesis.summary, ctx.lang);
    const element = el(
      'entry',
      {},
      el('id', {}, tagUri(ctx.host, `synthesis:${c.id}`)),
      textElement('title', c.title, ctx.lang, `${word(LABELS.synthesis, ctx.lang)}: `),
      el('updated', {}, synthesis.publishedAt),
      el('published', {}, synthesis.publishedAt),
      el('author', {}, el('name', {}, word(c.issuingBody.name, ctx.lang))),
      el('link', {
        rel: 'alternate',
        type: 'application/json',
        href: `${ctx.origin}/v1/consultations/${c.id}/synthesis`,
      }),
      synthesis.reportUrl !== undefined && el('link', { rel: 'related', href: synthesis.reportUrl }),
      el(
        'summary',
        { type: 'text', 'xml:lang': summary.locale === ctx.lang ? undefined : summary.locale },
        summary.text,
      ),
    );
    return [{ updated: synthesis.publishedAt, element }];
  });
  return feedDocument(
    ctx,
    tagUri(ctx.host, 'syntheses'),
    TITLES.synthesesFeed,
    `${ctx.origin}/v1/consultations?phase=synthesis_published`,
    entries,
  );
}
