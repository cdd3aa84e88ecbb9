import type { Locale } from '@nassij/contract';
import { type FeedsArea, feedsArea } from '@nassij/sdk';
import type { BaseClient } from '../base/client.js';
import { type CallFilters, toSearchQuery } from './filters.js';

// The platform's Atom feed and iCalendar files for the calls a reader is looking at. They are plain links
// (a feed reader or a calendar app fetches them, not this page), built by the SDK from the client's base URL.

/** The Atom feed and the calendar of the calls matching some filters. */
export interface CallFeedLinks {
  /** Atom feed of the matching calls, in the reader's language. */
  feed: string;
  /** iCalendar file of the matching calls' openings and deadlines, in the reader's language. */
  calendar: string;
}

/**
 * The SDK's feed addresses for a client, or `undefined` when it has no transport (a host's stand-in client
 * in data mode): then there is nothing to link to.
 */
function feedsOf(client: BaseClient | undefined): FeedsArea | undefined {
  const transport = client?.transport;
  return transport ? feedsArea(transport) : undefined;
}

/**
 * The feed and the calendar of the calls matching `filters` (the sort does not matter to them), in
 * `locale`, on the client's platform; `undefined` without a platform to link to.
 *
 * @example
 * ```ts
 * callFeedLinks(client, { ...emptyFilters(), values: { ...emptyFilters().values, region: ['MA-09'] } }, 'fr');
 * // { feed: 'https://platform.example/api/v1/feeds/calls.atom?region=MA-09&lang=fr',
 * //   calendar: 'https://platform.example/api/v1/calendars/calls.ics?region=MA-09&lang=fr' }
 * ```
 */
export function callFeedLinks(
  client: BaseClient | undefined,
  filters: CallFilters,
  locale: Locale,
): CallFeedLinks | undefined {
  const feeds = feedsOf(client);
  if (!feeds) return undefined;
  const query = toSearchQuery(filters);
  return { feed: feeds.callsFeedUrl(query, locale), calendar: feeds.callsCalendarUrl(query, locale) };
}

/**
 * The iCalendar file of one call's opening and deadline, in `locale`; `undefined` without a platform.
 *
 * @example
 * ```ts
 * callCalendarLink(client, call.id, 'ar'); // 'https://platform.example/api/v1/calendars/calls/….ics?lang=ar'
 * ```
 */
export function callCalendarLink(
  client: BaseClient | undefined,
  callId: string,
  locale: Locale,
): string | undefined {
  return feedsOf(client)?.callCalendarUrl(callId, locale);
}

/**
 * Keeps one `<link rel="alternate" type="application/atom+xml">` in the document's head for a list, so that
 * browsers and feed readers find the feed of what the page shows: `update` adds it or moves its `href`,
 * `remove` takes it out (the list left the page, or the host turned `feed-link` off).
 */
export class HeadFeedLink {
  #link: HTMLLinkElement | undefined;

  /**
   * Adds the link (once) or updates it.
   *
   * @example
   * ```ts
   * headLink.update('https://platform.example/api/v1/feeds/calls.atom?lang=ar', 'طلبات الدعم العمومي', 'ar');
   * ```
   */
  update(href: string, title: string, lang: string): void {
    if (!this.#link) {
      this.#link = document.createElement('link');
      this.#link.rel = 'alternate';
      this.#link.type = 'application/atom+xml';
    }
    const link = this.#link;
    if (link.href !== href) link.href = href;
    link.title = title;
    link.hreflang = lang;
    if (!link.isConnected) document.head.append(link);
  }

  /**
   * Removes the link from the head, if it is there.
   *
   * @example
   * ```ts
   * headLink.remove();
   * ```
   */
  remove(): void {
    this.#link?.remove();
  }
}
