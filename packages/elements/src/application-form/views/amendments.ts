import type { Application } from '@nassij/contract';
import { html, nothing, type TemplateResult } from 'lit';
import { text } from '../../base/states.js';
import type { NassijApplicationForm } from '../nassij-application-form.js';

// The notice at the top of a draft whose call was amended after the applicant started: each change with
// its date and the staff's summary, so that nobody sends an application against rules that moved. It can be
// hidden for the browser session; a newer amendment brings it back.

const SEEN_PREFIX = 'nassij:application-amendments-seen:';

/** The tab's sessionStorage, or `undefined` where reading it throws (storage disabled, sandboxed frame). */
function sessionStore(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}

/** The latest amendment's version: what "seen" refers to, so that a later amendment shows again. */
function latestVersion(amendments: NonNullable<Application['callAmendments']>): number {
  return Math.max(...amendments.map((amendment) => amendment.version));
}

/**
 * Whether the reader hid the notice of `application` in this browser session (for its latest amendment).
 *
 * @example
 * ```ts
 * if (!amendmentsHidden(application)) showNotice();
 * ```
 */
export function amendmentsHidden(application: Application): boolean {
  const amendments = application.callAmendments ?? [];
  if (amendments.length === 0) return true;
  try {
    return sessionStore()?.getItem(SEEN_PREFIX + application.id) === String(latestVersion(amendments));
  } catch {
    return false;
  }
}

/**
 * Whether a draft shows the amendment notice: its call was amended since it was started, and the reader
 * has not hidden the notice.
 *
 * @example
 * ```ts
 * const selector = showsAmendments(host) ? '#af-amendments' : undefined;
 * ```
 */
export function showsAmendments(host: NassijApplicationForm): boolean {
  const application = host.application;
  return application?.status === 'draft' && !host.amendmentsDismissed && !amendmentsHidden(application);
}

/** Hides the notice for the session, and moves focus to the step (the button the reader used is gone). */
function dismiss(host: NassijApplicationForm, application: Application): void {
  try {
    sessionStore()?.setItem(
      SEEN_PREFIX + application.id,
      String(latestVersion(application.callAmendments ?? [])),
    );
  } catch {
    // Storage refused: hidden until the element is reloaded, which is all a reader can expect then.
  }
  host.amendmentsDismissed = true;
  void host.focusNext();
}

/**
 * The notice of the call's amendments, oldest first, at the top of a draft: a heading and a list, with a
 * button to hide it. Nothing when the call was not amended since the draft was started, or it was hidden.
 *
 * @example
 * ```ts
 * html`${renderAmendments(host)}${renderStep(host)}`;
 * ```
 */
export function renderAmendments(host: NassijApplicationForm): TemplateResult | typeof nothing {
  const application = host.application;
  if (!application || !showsAmendments(host)) return nothing;
  const amendments = [...(application.callAmendments ?? [])].sort((a, b) => a.version - b.version);
  return html`<section class="amendments" aria-labelledby="af-amendments">
    <h3 id="af-amendments" tabindex="-1">${host.t('af.amendments.title')}</h3>
    <p>${host.t('af.amendments.intro')}</p>
    <ul>
      ${amendments.map(
        (amendment) => html`<li data-version=${amendment.version}>
          ${host.t('af.amendments.item', { date: host.fmt.date(amendment.at) })}
          ${text(host, amendment.summary)}
        </li>`,
      )}
    </ul>
    <button class="nassij-button subtle no-print dismiss" part="button" type="button"
      @click=${() => dismiss(host, application)}>${host.t('af.amendments.dismiss')}</button>
  </section>`;
}
