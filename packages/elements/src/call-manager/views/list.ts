import type { ManagedCall } from '@nassij/contract';
import { html, nothing, type TemplateResult } from 'lit';
import { errorMessage, renderEmpty, text } from '../../base/states.js';
import type { ManagedCallState, NassijCallManager } from '../nassij-call-manager.js';

/** The "Show" filter's choices: every call (`''`), then each state. */
const STATES = ['', 'draft', 'published'] as const;

/** The call's title, or "untitled" for a draft that has none yet. */
function title(host: NassijCallManager, call: ManagedCall): unknown {
  return call.title ? text(host, call.title) : host.t('cm.untitled');
}

/** Where a call stands: draft (and what publishing still needs), else its public status and deadline. */
function standing(host: NassijCallManager, call: ManagedCall): TemplateResult {
  if (call.state === 'draft')
    return html`<span class="status" data-status="draft">${host.t('status.draft')}</span>
      <span>${host.t('cm.problems', { count: call.problemCount })}</span>`;
  return html`<span class="status" data-status=${call.status ?? 'published'}>${host.t(`status.${call.status ?? 'published'}`)}</span>
    ${call.reference ? html`<span dir="ltr">${call.reference}</span>` : nothing}
    ${call.closesAt ? html`<span>${host.t('cm.closes', { date: host.fmt.date(call.closesAt) })}</span>` : nothing}`;
}

/**
 * The organisation's calls, most recently changed first: title, standing, applications by stage and
 * reviewers; "Manage" opens a published call's desk, "Edit" asks the page to open its editor. Each
 * button's name carries the call's title (hidden), so a list of "Manage" buttons is still told apart.
 * Titles take the focus (not by Tab) when "Load more" adds their row.
 *
 * @example
 * ```ts
 * renderCalls(host, calls, { manage: (id) => host.open(id), edit: (id) => host.edit(id), filtered: false });
 * ```
 */
export function renderCalls(
  host: NassijCallManager,
  calls: readonly ManagedCall[],
  on: { manage(id: string): void; edit(id: string): void; filtered: boolean },
): TemplateResult {
  if (calls.length === 0)
    return renderEmpty(host, { message: host.t(on.filtered ? 'cm.noneMatching' : 'cm.none') });
  return html`<ul class="calls">
    ${calls.map(
      (call) => html`<li data-call=${call.id} data-state=${call.state}>
        <h3 tabindex="-1">${title(host, call)}</h3>
        <p class="meta">${standing(host, call)}</p>
        ${
          call.state === 'published'
            ? html`<ul class="stages">
              <li>${host.t('cm.stage.awaitingCheck', { count: call.applications.awaitingCheck })}</li>
              <li>${host.t('cm.stage.underReview', { count: call.applications.underReview })}</li>
              <li>${host.t('cm.stage.decided', { count: call.applications.decided })}</li>
              <li>${host.t('cm.reviewerCount', { count: call.reviewers })}</li>
            </ul>`
            : nothing
        }
        <p class="form-actions">
          ${
            call.state === 'published'
              ? html`<button class="nassij-button" part="button" type="button" data-manage=${call.id}
                @click=${() => on.manage(call.id)}>${host.t('cm.manage')}<span class="visually-hidden">: ${title(host, call)}</span></button>`
              : nothing
          }
          <button class="nassij-button" data-variant="secondary" part="button" type="button" data-edit=${call.id}
            @click=${() => on.edit(call.id)}>${host.t('cm.edit')}<span class="visually-hidden">: ${title(host, call)}</span></button>
        </p>
      </li>`,
    )}
  </ul>`;
}

/**
 * The "Show" filter: every call, the drafts, or the published calls. Choosing one reloads the list from
 * its first page (`choose`).
 *
 * @example
 * ```ts
 * renderStateFilter(host, host.callState, (state) => host.filterBy(state));
 * ```
 */
export function renderStateFilter(
  host: NassijCallManager,
  state: ManagedCallState | undefined,
  choose: (state: string) => void,
): TemplateResult {
  return html`<div class="field filter">
    <label for="cm-state">${host.t('cm.filter.label')}</label>
    <select id="cm-state" class="nassij-input"
      @change=${(event: Event) => choose((event.target as HTMLSelectElement).value)}>
      ${STATES.map(
        (value) =>
          html`<option value=${value} ?selected=${(state ?? '') === value}>${host.t(`cm.filter.${value || 'all'}`)}</option>`,
      )}
    </select>
  </div>`;
}

/**
 * Below the list: how many calls are shown (of how many, when the API says), and "Load more" while pages
 * follow. A failed page keeps the rows above, says why, and the same button (focus stays on it) retries.
 *
 * @example
 * ```ts
 * renderMore(host, listing, { loading: false, errorCode: undefined }, () => host.loadMore());
 * ```
 */
export function renderMore(
  host: NassijCallManager,
  listing: { calls: readonly ManagedCall[]; cursor: string | null; total?: number | undefined },
  next: { loading: boolean; errorCode: string | undefined },
  more: () => void,
): TemplateResult {
  return html`<div class="more">
    <p class="muted shown">${host.shownText(listing)}</p>
    ${next.errorCode ? html`<p class="error" role="alert">${errorMessage(host, next.errorCode)}</p>` : nothing}
    ${
      listing.cursor
        ? html`<p class="form-actions"><button class="nassij-button load-more" part="button" type="button"
            aria-disabled=${next.loading ? 'true' : nothing} @click=${more}>${
              next.errorCode ? host.t('action.retry') : host.t('pagination.loadMore')
            }</button></p>`
        : nothing
    }
  </div>`;
}
