import { type Association, regionName } from '@nassij/contract';
import { css, html, nothing, type TemplateResult } from 'lit';
import { safeHref, text } from '../../base/states.js';
import { styleAdopter } from '../../base/style-adopter.js';
import type { NassijAssociationDirectory } from '../nassij-association-directory.js';
import { domainNames } from './results.js';

const adopt = styleAdopter(css`
  .profile {
    border: 1px solid var(--_n-border);
    border-radius: var(--_n-radius);
    padding: var(--_n-space-4);
    background: var(--_n-surface-alt);
  }
  .profile h3:focus-visible {
    outline: 3px solid var(--_n-focus);
    outline-offset: 2px;
  }
  .kicker,
  dt {
    color: var(--_n-muted);
    font-size: var(--_n-font-size-s);
  }
  dl {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(14rem, 100%), 1fr));
    gap: var(--_n-space-2) var(--_n-space-4);
    margin: 0 0 var(--_n-space-3);
  }
  dd {
    margin: 0;
    font-weight: 600;
  }
  a {
    color: var(--_n-primary);
  }
`);

/**
 * The profile card of one association: registration number, region, fields, status, founding date and
 * website, then what it did on the platform. Loaded when a profile is first opened.
 */
export function renderProfile(host: NassijAssociationDirectory, a: Association): TemplateResult {
  adopt(host);
  const stats = a.stats;
  return html`<article class="profile" part="profile" aria-labelledby="dir-profile-name">
      <p class="kicker">${host.t('dir.profile')}</p>
      <h3 id="dir-profile-name" tabindex="-1">${text(host, a.name)}</h3>
      <dl>
        <div><dt>${host.t('dir.registration')}</dt><dd class="registration">${a.registrationNumber}</dd></div>
        <div><dt>${host.t('dir.region')}</dt><dd class="region">${regionName(a.region, host.locale)}</dd></div>
        <div><dt>${host.t('dir.domains')}</dt><dd class="domains">${domainNames(host, a.domains)}</dd></div>
        <div><dt>${host.t('dir.status')}</dt><dd class="status">${host.t(a.publicUtility ? 'dir.status.yes' : 'dir.status.no')}</dd></div>
        <div><dt>${host.t('dir.founded')}</dt><dd>${host.fmt.date(`${a.foundedOn}T12:00:00Z`)}</dd></div>
        <div><dt>${host.t('dir.annualReports')}</dt><dd class="annual-reports">${annualReports(host, a.compliance.annualReportsFiled)}</dd></div>
        ${a.website ? html`<div><dt>${host.t('dir.website')}</dt><dd class="website" dir="ltr">${website(a.website)}</dd></div>` : nothing}
      </dl>
      ${
        stats
          ? html`<h4>${host.t('dir.stats')}</h4>
              <dl class="stats">
                <div><dt>${host.t('dir.callsAppliedTo')}</dt><dd data-stat="callsAppliedTo">${host.fmt.number(stats.callsAppliedTo)}</dd></div>
                <div><dt>${host.t('dir.awardsReceived')}</dt><dd data-stat="awardsReceived">${host.fmt.number(stats.awardsReceived)}</dd></div>
                <div><dt>${host.t('dir.amountReceived')}</dt><dd data-stat="amountReceived">${host.fmt.money(stats.amountReceived)}</dd></div>
                <div><dt>${host.t('dir.trainingsAttended')}</dt><dd data-stat="trainingsAttended">${host.fmt.number(stats.trainingsAttended)}</dd></div>
              </dl>`
          : nothing
      }
      <button class="nassij-button close" part="button" type="button" @click=${() => close(host, a.id)}>${host.t('dir.close')}</button>
    </article>`;
}

/**
 * The years of the annual reports filed, oldest first, joined as the reader's language joins a list
 * (`Intl.ListFormat`: "2023, 2024 et 2025" in French, never the Arabic comma outside Arabic).
 */
function annualReports(host: NassijAssociationDirectory, years: readonly number[]): string {
  if (years.length === 0) return host.t('dir.annualReportsNone');
  // Years are written without grouping (2025, not 2 025).
  return host.fmt.list([...years].sort((x, y) => x - y).map(String));
}

/** Closes the profile card and puts focus back on its result. */
function close(host: NassijAssociationDirectory, id: string): void {
  host.card.set(undefined);
  void host.updateComplete.then(() =>
    host.renderRoot.querySelector<HTMLElement>(`button[data-id="${CSS.escape(id)}"]`)?.focus(),
  );
}

/** The website as a link when it is an http(s) address, else as plain text. */
function website(address: string): TemplateResult {
  const href = safeHref(address);
  return href
    ? html`<a href=${href} rel="noopener noreferrer" target="_blank">${address}</a>`
    : html`${address}`;
}
