import {
  type Certificate,
  COMPETENCY_NAMES,
  type CompetencyCode,
  type CompetencyRecord,
  issueCertificateRef,
  type LocalizedText,
  listMyRegistrationsRef,
  myCompetenciesRef,
  type Registration,
} from '@nassij/contract';
import { html, nothing, type TemplateResult } from 'lit';
import { ResourceController } from '../base/resource.js';
import { errorMessage, plain, safeHref, text } from '../base/states.js';
import { catalogSettled, loadCatalog, loadedCatalog } from '../i18n/load.js';
import { interpolate, type MessageParams, selectPlural } from '../i18n/messages.js';
import { type MyTrainingKey, myTrainingMessages } from './my-training.messages.js';
import type { NassijTrainingFinder } from './nassij-training-finder.js';

// "My registrations and certificates": the signed-in person's own registrations (whatever association sent
// them), a certificate for each completed one (its PDF in the reader's language, its verification page and
// the signed credential as JSON) and the competencies acquired over time. Imported when its tab opens, with
// its own words (my-training.messages.ts), so the finder's first download carries neither.

/** What the view shows: the person's registrations and competencies. */
export interface MyTrainingData {
  registrations: Registration[];
  competencies: CompetencyRecord[];
}

/** A certificate as the view needs it: its links (the whole certificate when the platform issued it now). */
export type MyCertificate = Pick<Certificate, 'id' | 'registrationId' | 'links'> & Partial<Certificate>;

/**
 * The view's words: its own catalogs, fetched with it (the element re-renders when they arrive), Arabic
 * meanwhile or when they fail.
 */
function say(host: NassijTrainingFinder, key: MyTrainingKey, params: MessageParams = {}): string {
  const locale = host.locale;
  const catalog = loadedCatalog(myTrainingMessages, locale);
  if (!catalog && !catalogSettled(myTrainingMessages, locale))
    host.waitFor(loadCatalog(myTrainingMessages, locale));
  const message = catalog?.[key] ?? myTrainingMessages.ar[key];
  const formatted: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(params))
    formatted[name] = typeof value === 'number' ? host.fmt.number(value) : value;
  return interpolate(selectPlural(message, catalog ? locale : 'ar', undefined), formatted);
}

/**
 * The state of the "my registrations and certificates" view: its data (loaded from the platform, or set by
 * the page in data mode), the certificates asked for, and the one being issued.
 *
 * @example
 * ```ts
 * const mine = new MyTraining(finder);
 * await mine.load();
 * ```
 */
export class MyTraining {
  /** Certificates issued (or fetched again: issuing is idempotent) during this visit, by registration. */
  readonly certificates = new Map<string, MyCertificate>();
  /** The registration whose certificate is being asked for. */
  busy: string | undefined;
  /** Why the last certificate could not be had: its registration and the code. */
  failure: { registrationId: string; code: string } | undefined;
  readonly data: ResourceController<MyTrainingData>;
  readonly #host: NassijTrainingFinder;
  /** Object URLs of the JSON downloads, revoked when a newer one replaces them. */
  readonly #downloads = new Map<string, string>();

  constructor(host: NassijTrainingFinder) {
    this.#host = host;
    this.data = new ResourceController<MyTrainingData>(host, {
      load: async (signal) => {
        const client = host.resolvedClient!;
        const [registrations, competencies] = await Promise.all([
          client.request(listMyRegistrationsRef, { query: { limit: 50 }, signal }),
          client.request(myCompetenciesRef, { signal }),
        ]);
        return { registrations: registrations.items, competencies: competencies.competencies };
      },
    });
  }

  /** Loads the view's data (client mode); in data mode the page's stays. */
  async load(): Promise<void> {
    const given = this.#host.myTraining;
    if (given) this.data.set(given);
    else if (this.#host.resolvedClient) await this.data.run();
  }

  /** Asks the platform for the certificate of a completed registration, then focuses its PDF link. */
  async issue(registration: Registration): Promise<void> {
    const host = this.#host;
    const client = host.resolvedClient;
    if (!client || this.busy) return;
    this.busy = registration.id;
    this.failure = undefined;
    host.requestUpdate();
    try {
      const certificate = await client.request(issueCertificateRef, {
        params: { registrationId: registration.id },
      });
      this.certificates.set(registration.id, certificate);
      host.announcer.announce(say(host, 'tm.pdf'));
    } catch (error) {
      this.failure = { registrationId: registration.id, code: host.reportFailure(error) };
    } finally {
      this.busy = undefined;
      host.requestUpdate();
    }
    await host.updateComplete;
    host.renderRoot
      .querySelector<HTMLElement>(
        `[data-my-registration="${CSS.escape(registration.id)}"] a, [data-my-registration="${CSS.escape(registration.id)}"] button`,
      )
      ?.focus();
  }

  /** An object URL of the certificate as JSON (the credential and its signature), for the download link. */
  download(certificate: MyCertificate): string | undefined {
    if (!certificate.compactJws) return undefined;
    const existing = this.#downloads.get(certificate.id);
    if (existing) return existing;
    const url = URL.createObjectURL(
      new Blob([JSON.stringify(certificate, null, 2)], { type: 'application/json' }),
    );
    this.#downloads.set(certificate.id, url);
    return url;
  }

  /** Forgets everything (sign-out): the next person at this screen sees nothing of it. */
  clear(): void {
    for (const url of this.#downloads.values()) URL.revokeObjectURL(url);
    this.#downloads.clear();
    this.certificates.clear();
    this.failure = undefined;
    this.data.clear();
  }
}

function certificateLinks(host: NassijTrainingFinder, mine: MyTraining, certificate: MyCertificate) {
  // The PDF in the reader's language (the participant's by default).
  const pdf = safeHref(
    `${certificate.links.pdf}${certificate.links.pdf.includes('?') ? '&' : '?'}lang=${host.locale}`,
  );
  const verify = safeHref(certificate.links.verify);
  const json = mine.download(certificate);
  return html`<p class="links">
      ${pdf ? html`<a href=${pdf} target="_blank" rel="noopener" data-link="pdf">${say(host, 'tm.pdf')}</a>` : nothing}
      ${verify ? html`<a href=${verify} target="_blank" rel="noopener" data-link="verify">${say(host, 'tm.verify')}</a>` : nothing}
      ${json ? html`<a href=${mine.download(certificate)} download="certificate-${certificate.id}.json" type="application/json" data-link="json">${say(host, 'tm.json')}</a>` : nothing}
    </p>
    <p class="muted">${say(host, 'tm.certHint')}</p>`;
}

function registrationItem(
  host: NassijTrainingFinder,
  mine: MyTraining,
  r: Registration,
  titles: Map<string, LocalizedText>,
): TemplateResult {
  const title = titles.get(r.courseId);
  const certificate = mine.certificates.get(r.id);
  const failed = mine.failure?.registrationId === r.id ? mine.failure.code : undefined;
  const association = host.associations?.find((a) => a.association.id === r.associationId);
  return html`<li data-my-registration=${r.id}>
    <h4>${title ? text(host, title) : (host.courseTitle(r.courseId) ?? host.t('tf.mine.session', { id: r.sessionId }))}</h4>
    ${association ? html`<p class="muted">${say(host, 'tm.association', { name: plain(host.locale, association.association.name) })}</p>` : nothing}
    <p><span class="badge" part="badge" data-state=${r.status}>${host.t(`tf.status.${r.status}`)}</span>
      ${r.waitlistPosition ? html` ${host.t('tf.mine.position', { position: r.waitlistPosition })}` : nothing}</p>
    ${
      r.status !== 'completed'
        ? nothing
        : certificate
          ? certificateLinks(host, mine, certificate)
          : html`<button class="nassij-button" part="button" type="button" data-certificate=${r.id}
              ?disabled=${mine.busy === r.id} @click=${() => void mine.issue(r)}>${say(host, 'tm.certificate')}</button>`
    }
    ${failed ? html`<p class="alert" role="alert">${errorMessage(host, failed)}</p>` : nothing}
  </li>`;
}

function competencyItem(host: NassijTrainingFinder, record: CompetencyRecord): TemplateResult {
  const names = record.name ?? (COMPETENCY_NAMES[record.code as CompetencyCode] as LocalizedText | undefined);
  return html`<li data-competency=${record.code}>
    <h4>${names ? text(host, names) : record.code}</h4>
    <p>${say(host, 'tm.level', { level: record.highestLevel })}</p>
    <ul>
      ${record.acquisitions.map(
        (a) =>
          html`<li>${say(host, 'tm.acquired', {
            course: plain(host.locale, a.courseTitle),
            date: host.fmt.date(a.completedOn),
            level: a.level,
          })}</li>`,
      )}
    </ul>
  </li>`;
}

/**
 * The view: the person's registrations (with their certificates) and competencies.
 *
 * @example
 * ```ts
 * renderMyTraining(finder, mine);
 * ```
 */
export function renderMyTraining(host: NassijTrainingFinder, mine: MyTraining): unknown {
  return mine.data.render({
    lines: 4,
    ready: (data) => {
      // Course titles known from the competencies (a completed course may no longer be in the search).
      const titles = new Map<string, LocalizedText>();
      for (const record of data.competencies)
        for (const a of record.acquisitions) titles.set(a.courseId, a.courseTitle);
      return html`<section class="my-training" aria-labelledby="my-training-title">
          <h3 id="my-training-title" tabindex="-1">${say(host, 'tm.title')}</h3>
          ${
            data.registrations.length === 0
              ? html`<p class="muted">${say(host, 'tm.empty')}</p>`
              : html`<ul class="mine">${data.registrations.map((r) => registrationItem(host, mine, r, titles))}</ul>`
          }
        </section>
        <section class="my-competencies" aria-labelledby="my-competencies-title">
          <h3 id="my-competencies-title">${say(host, 'tm.competencies')}</h3>
          ${
            data.competencies.length === 0
              ? html`<p class="muted">${say(host, 'tm.noCompetencies')}</p>`
              : html`<ul class="mine">${data.competencies.map((record) => competencyItem(host, record))}</ul>`
          }
        </section>`;
    },
  });
}
