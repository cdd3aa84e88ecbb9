import {
  type CallSummary,
  type Course,
  type Locale,
  type LocalizedText,
  pickText,
  type SessionSummary,
} from '@nassij/contract';
import type { ReactiveControllerHost } from 'lit';

// Search engines read schema.org JSON-LD from the page's own document, not from shadow roots, so the block
// goes into the host document's <head>. It is data (`application/ld+json` is never executed), which is why a
// strict CSP without 'unsafe-inline' still allows it; we build it with `textContent` and never parse HTML.

/** A JSON-LD document: plain JSON values only. */
export type JsonLd = { readonly [key: string]: JsonLdValue };
type JsonLdValue = string | number | boolean | null | JsonLd | readonly JsonLdValue[];

/**
 * JSON for a `<script type="application/ld+json">`: `<`, `>` and `&` are escaped as `\u003c`… so that no
 * text (a call titled `</script><script>…`) can close the element, and U+2028/U+2029 so old parsers cope.
 * The result parses back with `JSON.parse` to the same value.
 *
 * @example
 * ```ts
 * serializeJsonLd({ name: '</script>' }); // '{"name":"\\u003c/script\\u003e"}'
 * ```
 */
export function serializeJsonLd(data: JsonLd): string {
  return JSON.stringify(data).replace(
    /[<>&\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

interface Slot {
  script: HTMLScriptElement;
  connected: boolean;
}
const slots = new WeakMap<ReactiveControllerHost & Element, Slot>();

/**
 * Puts (or replaces) the JSON-LD block of one element in the host document's `<head>`:
 * `<script type="application/ld+json" data-nassij="{kind}">`, one per element, rewritten only when the data
 * changed, removed when `data` is `undefined` and while the element is disconnected. Call it from `updated()`.
 *
 * @example
 * ```ts
 * protected override updated(changed: PropertyValues): void {
 *   super.updated(changed);
 *   renderJsonLd(this, 'call-list', callsJsonLd(this.results ?? [], this.locale));
 * }
 * ```
 */
export function renderJsonLd(
  host: ReactiveControllerHost & Element,
  kind: string,
  data: JsonLd | undefined,
): void {
  if (typeof document === 'undefined') return;
  let slot = slots.get(host);
  if (!slot) {
    const script = document.createElement('script');
    script.type = 'application/ld+json';
    script.dataset.nassij = kind;
    const created: Slot = { script, connected: true };
    slot = created;
    slots.set(host, created);
    host.addController({
      hostConnected() {
        created.connected = true;
        if (created.script.textContent) (document.head ?? document.documentElement).append(created.script);
      },
      hostDisconnected() {
        created.connected = false;
        created.script.remove();
      },
    });
  }
  const text = data ? serializeJsonLd(data) : '';
  if (slot.script.textContent !== text) slot.script.textContent = text;
  if (!text || !slot.connected) slot.script.remove();
  else if (!slot.script.isConnected) (document.head ?? document.documentElement).append(slot.script);
}

function text(value: LocalizedText | undefined, locale: Locale): string | undefined {
  return value ? pickText(value, locale).text : undefined;
}

function compact(entries: Record<string, JsonLdValue | undefined>): JsonLd {
  const out: Record<string, JsonLdValue> = {};
  for (const [key, value] of Object.entries(entries)) if (value !== undefined) out[key] = value;
  return out;
}

/**
 * schema.org JSON-LD for a page of calls: each call is a `GovernmentService` and a `MonetaryGrant` (a
 * `Grant` with an amount), with its `funder`, its `amount` as a `MonetaryAmount` in MAD (min/max award,
 * `validThrough` the closing deadline) and the regions it serves. `undefined` for an empty page.
 *
 * @example
 * ```ts
 * renderJsonLd(this, 'call-list', callsJsonLd(page.items, 'ar'));
 * ```
 */
export function callsJsonLd(calls: readonly CallSummary[], locale: Locale): JsonLd | undefined {
  if (calls.length === 0) return undefined;
  return {
    '@context': 'https://schema.org',
    '@graph': calls.map((call) => {
      const funder = compact({
        '@type': 'GovernmentOrganization',
        name: text(call.funder.name, locale),
        identifier: call.funder.sectorCode,
      });
      return compact({
        '@type': ['GovernmentService', 'MonetaryGrant'],
        identifier: call.reference,
        name: text(call.title, locale),
        description: text(call.summary, locale),
        inLanguage: locale,
        serviceType: 'public-support-call',
        provider: funder,
        funder,
        areaServed:
          call.coverage === 'national'
            ? { '@type': 'Country', name: 'MA' }
            : call.eligibleRegions.map((code) => ({ '@type': 'AdministrativeArea', identifier: code })),
        amount: compact({
          '@type': 'MonetaryAmount',
          currency: 'MAD',
          minValue: call.budget.minAward?.amount,
          maxValue: call.budget.maxAward?.amount ?? call.budget.total.amount,
          validFrom: call.dates.opensAt,
          validThrough: call.dates.closes?.at,
        }),
        validThrough: call.dates.closes?.at,
      });
    }),
  };
}

const COURSE_MODE: Record<string, string> = { on_site: 'onsite', online: 'online', blended: 'blended' };

function courseInstance(session: SessionSummary, locale: Locale, modality: string): JsonLd {
  const where = session.location;
  return compact({
    '@type': 'CourseInstance',
    identifier: session.id,
    startDate: session.period.start,
    endDate: session.period.end,
    inLanguage: session.language,
    courseMode: COURSE_MODE[where.kind === 'online' ? 'online' : modality] ?? 'onsite',
    location:
      where.kind === 'online'
        ? compact({ '@type': 'VirtualLocation', name: where.platform })
        : compact({
            '@type': 'Place',
            name: text(where.city, locale),
            address: compact({
              '@type': 'PostalAddress',
              addressLocality: text(where.city, locale),
              streetAddress: text(where.address, locale),
              addressRegion: where.region,
              addressCountry: 'MA',
            }),
          }),
  });
}

/**
 * schema.org JSON-LD for a page of courses: each a `Course` with its provider and its next sessions as
 * `hasCourseInstance` (`CourseInstance` with `startDate`, `location`, `courseMode`). `undefined` when empty.
 *
 * @example
 * ```ts
 * renderJsonLd(this, 'training-finder', coursesJsonLd(this.visibleCourses ?? [], 'fr'));
 * ```
 */
export function coursesJsonLd(courses: readonly Course[], locale: Locale): JsonLd | undefined {
  if (courses.length === 0) return undefined;
  return {
    '@context': 'https://schema.org',
    '@graph': courses.map((course) =>
      compact({
        '@type': 'Course',
        courseCode: course.reference,
        name: text(course.title, locale),
        description: text(course.description, locale),
        inLanguage: course.languages,
        timeRequired: `PT${course.durationHours}H`,
        isAccessibleForFree: course.cost.free,
        provider: compact({ '@type': 'GovernmentOrganization', name: text(course.provider.name, locale) }),
        hasCourseInstance: (course.nextSessions ?? []).map((session) =>
          courseInstance(session, locale, course.modality),
        ),
      }),
    ),
  };
}
